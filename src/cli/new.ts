import { Argument } from 'commander';
import { ARTICLE_TYPES, type ArticleType } from '../core/article.js';
import { collect } from './filters.js';
import { type Register, subcommand } from './runner.js';

export const registerNew: Register = (program, run, version) => {
  subcommand(program, 'new', 'scaffold a news item, letter or page: asks on a terminal, or takes every answer as a flag', version)
    .addArgument(new Argument('[type]', 'asked on a terminal when not given').choices(ARTICLE_TYPES))
    .option('--title <text>', 'the headline (news and pages; a letter takes its title from --place)')
    .option('-d, --date <YYYY-MM-DD>', 'the date, optionally with a time (default: today)')
    .option('-r, --region <name>', 'a region, alias or province (repeatable; also from the places)', collect)
    .option('-p, --place <name>', 'a province, town or community (repeatable); for a letter the first is where it comes from', collect)
    .option('--tag <tag>', 'a tag from the vocabulary (repeatable)', collect)
    .option('--summary <text>', 'the lede that list and digest show')
    .option('-a, --author <name>', 'the author (default: author in psg.config.json, else git config user.name)')
    .option('--subtitle <text>', 'a letter\'s subtitle: "Letter from Cajamarca (3): <subtitle>"')
    .option('--order <n>', "a page's position among the standing pages in the digest (1 first)")
    .option('--draft', 'write draft: true (left out of list and digest)')
    .option('--new-place', "a letter's place that is new to psg, though close to a known one (else: did you mean…?)")
    .option('--out-of-order', 'write a letter dated before an earlier part of its series (then: psg series renumber)')
    .option('-y, --yes', 'ask nothing: take the flags and the defaults')
    .option('-e, --edit', 'open the new file in $VISUAL or $EDITOR')
    .addHelpText(
      'after',
      `
On a terminal psg new asks for every answer no flag gave. With --yes, or when stdin is
not a terminal, it asks nothing, and names every missing answer at once (exit 2).

Examples:
  psg new                          ask for everything
  psg new letter --place Cajamarca --subtitle "water and the Conga project" \\
    --summary "…" --yes
  psg new news --title "Vizcarra dissolves Congress" --region Lima --tag politics \\
    --summary "…" --date 2019-09-30 --yes`,
    )
    .action(async (type: ArticleType | undefined, options, cmd) =>
      run(cmd, async (io, global) => {
        const { newArticle } = await import('../commands/new.js');
        return newArticle(type, options, global, io);
      }),
    );
};
