// psg init [DIR]: a new archive — psg.config.json with the defaults written out, and
// articles/_templates/ with a body for each type. It writes nothing over an existing file:
// if any of its files is there already, it creates nothing at all.
import { existsSync, mkdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CONFIG_NAME, checkConfig } from '../config.js';
import { isValidTimeZone } from '../core/dates.js';
import { errnoCode, ExitCode, PsgError } from '../errors.js';
import { writeFileAtomic } from '../store/atomic.js';
import type { Io } from '../ui/io.js';
import type { GlobalOptions } from '../workspace.js';

export const DEFAULT_DIGEST_TITLE = 'Peru Support Group: news and letters';

/** The system's IANA time zone, which "today" follows unless the config says otherwise. */
export function systemTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}

export function defaultConfig(timeZone: string): Record<string, unknown> {
  return { articlesDir: 'articles', timeZone, digest: { title: DEFAULT_DIGEST_TITLE, limit: 10, lang: 'en' } };
}

// The whole of each file becomes the body of a new article of that type (psg new reads them).
// Guidance sits in HTML comments, so a forgotten line never shows on the site.
export const TEMPLATES: Record<'news' | 'letter' | 'page', string> = {
  news: `<!-- The lede: who, what, where and when, in two or three sentences.
     The summary in the front matter is often this paragraph. -->

<!-- Then the background a member new to the story needs, and what happens next.
     List the reports you drew on under \`sources:\` in the front matter. -->
`,
  letter: `<!-- A letter is a correspondent's own account from one place.
     Open with the scene: where you are and what you see. -->

<!-- Then the people and the issue, in their words where you can. -->

<!-- Close with what it means for the region and for the PSG's work. -->
`,
  page: `<!-- A standing page: it has no date, and \`order\` in the front matter places
     it among the pages at the end of the digest. -->

## Why it matters

## What the PSG does
`,
};

function files(timeZone: string): [string, string][] {
  const config = defaultConfig(timeZone);
  return [
    [CONFIG_NAME, `${JSON.stringify(config, null, 2)}\n`],
    ...Object.entries(TEMPLATES).map(([type, body]): [string, string] => [join('articles', '_templates', `${type}.md`), body]),
  ];
}

export async function init(named: string | undefined, global: GlobalOptions, io: Io): Promise<number> {
  // `psg init --dir X` means X, as `psg init X` does: the one folder the user named.
  if (named !== undefined && global.dir !== undefined && resolve(io.cwd, named) !== resolve(io.cwd, global.dir)) {
    throw new PsgError(`two folders for psg init: ${named} and --dir ${global.dir}`, { hint: 'Name the folder for the new archive once: psg init DIR' });
  }
  const dir = named ?? global.dir;
  const root = resolve(io.cwd, dir ?? '.');
  if (existsSync(root) && !statSync(root).isDirectory()) {
    throw new PsgError(`${dir} is a file, not a folder`, { hint: 'Name a new or existing folder for the archive' });
  }
  const shown = (path: string) => relative(io.cwd, path) || '.';
  const planned = files(systemTimeZone());
  // The defaults must pass the same checks as any config psg reads.
  checkConfig(JSON.parse(planned[0]![1]), join(root, CONFIG_NAME));

  const existing = planned.map(([path]) => join(root, path)).filter((abs) => existsSync(abs));
  if (existing.length) {
    throw new PsgError(`${shown(existing[0]!)} already exists${existing.length > 1 ? ` (and ${existing.length - 1} more of psg init's files)` : ''}; nothing was written`, {
      hint: `psg init never writes over a file. ${dir ? shown(root) : 'This folder'} looks like an archive already; remove the file or choose another folder`,
    });
  }

  const made: string[] = [];
  const madeDirs: string[] = [];
  try {
    for (const [path, content] of planned) {
      const abs = join(root, path);
      const first = mkdirSync(dirname(abs), { recursive: true });
      if (first) madeDirs.push(first);
      writeFileAtomic(abs, content);
      made.push(abs);
    }
  } catch (error) {
    // Another process got there first: take back what this run made.
    for (const abs of made) unlinkSync(abs);
    for (const first of madeDirs.reverse()) removeEmpty(first, planned.map(([path]) => dirname(join(root, path))));
    if (errnoCode(error) === 'EEXIST') throw new PsgError(`a file of psg init appeared while it ran; nothing was written`, { hint: 'Run psg init again' });
    throw error;
  }

  for (const abs of made) io.out(`${shown(abs)}\n`);
  const where = dir ? `cd ${shown(root)}, then ` : '';
  io.err(`${io.paintErr.dim('psg:')} a new archive; ${where}\`psg new\` writes the first article, \`psg validate\` checks them all\n`);
  return ExitCode.ok;
}

/** Remove the folders this run created (deepest first), as long as they are empty. */
function removeEmpty(first: string, leaves: string[]): void {
  for (const leaf of leaves) {
    for (let d = leaf; d.startsWith(first); d = dirname(d)) {
      try {
        rmdirSync(d);
      } catch {
        break;
      }
    }
  }
}
