import { InvalidArgumentError, Option } from 'commander';
import { addFilterOptions } from './filters.js';
import { type Register, subcommand } from './runner.js';

export const DIGEST_FORMATS = ['text', 'markdown', 'html', 'json', 'rss', 'atom', 'email'] as const;

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError('Give a whole number of 1 or more, e.g. --limit 10.');
  return Number(value);
}

export const registerDigest: Register = (program, run, version) => {
  const command = subcommand(program, 'digest', 'the digest of the newest items as text, Markdown, HTML, JSON, RSS, Atom or an email message', version);
  addFilterOptions(command)
    .option('--week <week>', 'one ISO week: 2019-W12, or a date in it (2019-03-20, 1w)')
    .option('-n, --limit <n>', 'at most n dated items (default 10, or all of a date window)', positiveInteger)
    .option('--pages', 'append the pages by their order (as --type page does)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(DIGEST_FORMATS).default('text'))
    .addOption(new Option('--lang <lang>', 'language of dates and fixed words (default digest.lang, else en)').choices(['en', 'es']))
    .option('--title <text>', 'the heading (default digest.title in psg.config.json)')
    .option('-o, --out <file>', 'write to this file, atomically, instead of stdout')
    .option('--site-url <url>', 'the website address for links (default siteUrl in psg.config.json)')
    .addHelpText(
      'after',
      `
Examples:
  psg digest --pages                      the site's listing as plain text
  psg digest --month 2019-03 --region Cajamarca --format markdown
  psg digest --week 2019-W12 --format html --out digest.html
  psg digest --format rss --site-url https://perusupportgroup.org.uk --out feed.xml
  psg digest --since last --format email --out digest.eml   what is new since the last send`,
    )
    .action(async (options, cmd) =>
      run(cmd, async (io, global) => {
        const { digest } = await import('../commands/digest.js');
        return digest(options, global, io);
      }),
    );
};
