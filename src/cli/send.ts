import { InvalidArgumentError, Option } from 'commander';
import { addFilterOptions, collect } from './filters.js';
import { type Register, subcommand } from './runner.js';

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError('give a whole number from 1 up.');
  return Number(value);
}

export const registerSend: Register = (program, run, version) => {
  const command = subcommand(program, 'send', 'send the digest of what is new since the last one by email (SMTP)', version);
  addFilterOptions(command)
    .option('--week <week>', 'one ISO week: 2019-W12, or a date in it')
    .option('--limit <n>', 'at most n dated items', positiveInteger)
    .option('--pages', 'append the pages by their order')
    .addOption(new Option('--lang <lang>', 'language of dates and fixed words (default digest.lang, else en)').choices(['en', 'es']))
    .option('--title <text>', 'the heading and subject (default digest.title in psg.config.json)')
    .option('--site-url <url>', 'the website address for links (default siteUrl in psg.config.json)')
    .option('--smtp <url>', 'the mail server, smtp://user@host:587 or smtps://user@host:465 (default email.smtp)')
    .option('--to <address>', 'a test send to this address instead of email.to; not recorded as sent (repeatable)', collect)
    .option('--dry-run', 'print the message instead of sending it')
    .option('--yes', 'send without asking (for scheduled jobs)')
    .option('--again', 'send items that went out in an earlier digest')
    .addHelpText(
      'after',
      `
The password comes from PSG_SMTP_PASSWORD, never from the config file.
Without --since, --until, --month or --week, psg send takes what was published since the
last digest sent (articles/.psg/sent.json records each one) and refuses what went out already.

Examples:
  psg send --dry-run > digest.eml          see the message without sending it
  psg send --to me@example.org             a test send to yourself
  PSG_SMTP_PASSWORD=... psg send --yes     send to email.to without asking`,
    )
    .action(async (options, cmd) =>
      run(cmd, async (io, global) => {
        const { send } = await import('../commands/send.js');
        return send(options, global, io);
      }),
    );
};
