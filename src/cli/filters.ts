// The filters list and digest share: one definition of the options, one reading of them.
import { type Command, InvalidArgumentError } from 'commander';
import { ARTICLE_TYPES, type ArticleType } from '../core/article.js';

export interface FilterFlags {
  region?: string[];
  type?: ArticleType[];
  tag?: string[];
  since?: string;
  until?: string;
  month?: string;
  search?: string;
  author?: string;
  drafts?: boolean;
  future?: boolean;
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** A repeatable option whose values must come from a fixed list. */
export function collectChoice<T extends string>(choices: readonly T[]): (value: string, previous: T[] | undefined) => T[] {
  return (value, previous) => {
    if (!(choices as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return [...(previous ?? []), value as T];
  };
}

export function addFilterOptions(command: Command): Command {
  return command
    .option('-r, --region <name>', 'a region, alias or province (repeatable)', collect)
    .option('-t, --type <type>', 'news, letter or page (repeatable)', collectChoice(ARTICLE_TYPES))
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .option('-s, --since <date>', 'from this date: 2019-03-18, 2019-03, 2019, or 7d, 4w, 3m, 1y ago')
    .option('-u, --until <date>', 'up to this date, in the same forms')
    .option('-m, --month <YYYY-MM>', 'one calendar month')
    .option('--search <text>', 'text in the title, summary or body (accents and case ignored)')
    .option('-a, --author <name>', 'articles by this author (part of the name will do)')
    .option('--drafts', 'include drafts')
    .option('--future', 'include items dated after today');
}
