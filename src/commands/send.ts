// psg send: the digest of what is new since the last one, as the message `digest --format
// email` writes, handed to the SMTP server after a confirmation; recorded as sent only once
// the server has accepted it. A test send (--to) and a dry run record nothing.
import { relative } from 'node:path';
import { plural } from '../core/text.js';
import { lastSent, sentItem, sentPaths } from '../core/sent.js';
import { parseSmtpUrl, SMTP_HINT, type SmtpTarget } from '../email-config.js';
import { CancelledError, ExitCode, PsgError } from '../errors.js';
import { oneLine } from '../render/digest/clean.js';
import { composeMessage } from '../render/digest/message.js';
import { readSent, recordSent, sentFile, withSendLock } from '../store/sent.js';
import type { Io } from '../ui/io.js';
import { inquirerPrompter, type Prompter } from '../ui/prompter.js';
import { type GlobalOptions, openWorkspace, requireArticlesDir, type Workspace } from '../workspace.js';
import { type DigestBuildOptions, prepareDigest, siteUrlOf } from './digest-build.js';
import { noteHtmlSize } from './digest.js';
import { addressOf, messageHeaders } from './mail-headers.js';
import { sendRaw } from './send-smtp.js';

export interface SendOptions extends DigestBuildOptions {
  smtp?: string;
  to?: string[];
  dryRun?: boolean;
  yes?: boolean;
  again?: boolean;
}

function smtpTarget(flag: string | undefined, configured: SmtpTarget | undefined, file: string | undefined): SmtpTarget {
  if (flag !== undefined) {
    const target = parseSmtpUrl(flag);
    if (typeof target === 'string') throw new PsgError(`bad SMTP URL for --smtp: ${target}`, { hint: SMTP_HINT });
    return target;
  }
  if (configured) return configured;
  throw new PsgError('no mail server: pass --smtp URL or set "email.smtp"', { hint: `${SMTP_HINT}; set it in ${file ?? 'psg.config.json'}` });
}

export async function send(options: SendOptions, global: GlobalOptions, io: Io, deps: { prompter?: Prompter } = {}): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  // A dry run sends nothing, so it takes no lock; a send holds it from reading the record to writing it.
  if (options.dryRun) return sendLocked(ws, options, io, global, deps);
  return withSendLock(requireArticlesDir(ws), () => sendLocked(ws, options, io, global, deps));
}

async function sendLocked(ws: Workspace, options: SendOptions, io: Io, global: GlobalOptions, deps: { prompter?: Prompter }): Promise<number> {
  const { config } = ws;
  const test = Boolean(options.to?.length);
  const headers = messageHeaders(config, options.to, new Date());
  const target = options.dryRun ? undefined : smtpTarget(options.smtp, config.email?.smtp, config.file);
  const password = io.env.PSG_SMTP_PASSWORD || undefined;
  if (target?.user && !password) {
    throw new PsgError(`the SMTP URL logs in as "${target.user}" but PSG_SMTP_PASSWORD is not set`, {
      hint: 'Set PSG_SMTP_PASSWORD in the environment (the password never goes in psg.config.json)',
    });
  }

  // Without a date window, a send is what is new since the last digest sent (with --again,
  // the usual selection of the newest items, whatever went out before).
  const windowed = [options.since, options.until, options.month, options.week].some((v) => v !== undefined);
  const siteUrl = siteUrlOf(options.siteUrl, config.siteUrl);
  const sinceLast = !windowed && !options.again;
  const { selection, digest, sent } = await prepareDigest(sinceLast ? { ...options, since: 'last' } : options, ws, siteUrl, global, io);
  const articlesDir = requireArticlesDir(ws);
  const record = sent ?? readSent(articlesDir);
  const recordName = relative(io.cwd, sentFile(articlesDir)) || sentFile(articlesDir);
  const previous = lastSent(record);
  if (!selection.items.length && !selection.pages.length) {
    throw new PsgError(previous && sinceLast ? `nothing new to send since the digest sent on ${previous.sentAt.slice(0, 10)}` : 'nothing to send: no items match', {
      hint: previous && sinceLast ? `${recordName} lists what went out; choose items with --since, --month or --week, and --again to send them again` : 'Check the filters',
    });
  }
  const already = sentPaths(record);
  const twice = selection.items.filter((a) => already.has(a.path));
  if (twice.length && !options.again && !test) {
    throw new PsgError(`${plural(twice.length, 'item')} of this digest went out already (first: "${oneLine(twice[0]!.title)}")`, {
      hint: `Pass --again to send them again, or leave out the date flags to send only what is new (${recordName} lists what went out)`,
    });
  }

  const message = await composeMessage(digest, headers);
  noteHtmlSize(message.html, io);
  if (options.dryRun) {
    io.out(message.raw);
    return ExitCode.ok;
  }

  const items = plural(selection.items.length, 'item') + (selection.pages.length ? ` and ${plural(selection.pages.length, 'page')}` : '');
  const summary = [
    `Subject: ${message.subject}`,
    `From:    ${headers.from}`,
    `To:      ${headers.to.join(', ')}${test ? ' (a test send, not recorded)' : ''}`,
    `Items:   ${items}`,
    `Server:  ${oneLine(target!.url)}`,
  ];
  if (!options.yes) {
    if (!io.stdinIsTTY || !io.stderrIsTTY) {
      throw new PsgError('not sent: a send is confirmed on a terminal, and this is none', {
        hint: 'Pass --yes to send without asking (as a scheduled job would), or --dry-run to see the message',
      });
    }
    io.err(`${summary.join('\n')}\n`);
    const prompter = deps.prompter ?? inquirerPrompter();
    const answer = await prompter.select({
      name: 'confirm-send',
      message: `Send it to ${plural(headers.to.length, 'recipient')}?`,
      choices: [
        { value: 'send', label: 'Send it' },
        { value: 'stop', label: 'Do not send' },
      ],
      default: 'stop',
    });
    if (answer !== 'send') throw new CancelledError();
  }

  const envelope = { from: addressOf(headers.from), to: headers.to.map(addressOf) };
  const delivery = await sendRaw(target!, password, envelope, message.raw);
  if (!test) {
    try {
      recordSent(articlesDir, {
        sentAt: headers.date.toISOString(),
        messageId: headers.messageId,
        subject: message.subject,
        to: headers.to,
        items: [...selection.items, ...selection.pages].map(sentItem),
      });
    } catch (error) {
      // The message is out; only the record failed. Say both, so nobody sends it twice.
      throw new PsgError(`sent "${message.subject}" (${headers.messageId}), but it could not be recorded in ${recordName}: ${error instanceof Error ? error.message : String(error)}`, {
        hint: 'The next psg send will offer these items again: fix the file or folder, and send with care',
        cause: error,
      });
    }
  }
  const paint = io.paintErr;
  io.err(`${paint.green('psg:')} sent "${message.subject}" (${items}) to ${delivery.accepted.join(', ')}${test ? '; a test send, not recorded' : `; recorded in ${recordName}`}\n`);
  io.err(`${paint.dim('psg:')} Message-ID ${headers.messageId}; the server said "${oneLine(delivery.response)}"\n`);
  if (delivery.rejected.length) {
    io.err(`${paint.yellow('psg:')} the server rejected ${delivery.rejected.join(', ')}\n${paint.dim('hint:')} Check those addresses\n`);
    return ExitCode.usage;
  }
  return ExitCode.ok;
}
