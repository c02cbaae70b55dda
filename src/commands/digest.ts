// psg digest: select the items, put them into words, lay them out in one format, and print
// them or write them atomically to --out.
import { resolve } from 'node:path';
import { ExitCode, errnoCode, PsgError } from '../errors.js';
import type { Digest } from '../render/digest/model.js';
import { writeOut } from '../store/out-file.js';
import { plural } from '../core/text.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace, type Workspace } from '../workspace.js';
import { type DigestBuildOptions, prepareDigest, SITE_URL_HINT, siteUrlOf } from './digest-build.js';
import { messageHeaders } from './mail-headers.js';

export type DigestFormat = 'text' | 'markdown' | 'html' | 'json' | 'rss' | 'atom' | 'email';

export interface DigestOptions extends DigestBuildOptions {
  format: DigestFormat;
  out?: string;
}

/** Gmail shows only the first 102 KB of a message's HTML and hides the rest behind a link. */
export const HTML_CLIP_BYTES = 100 * 1024;

/** A note on stderr when the HTML is past the size where Gmail clips it. */
export function noteHtmlSize(html: string, io: Io): void {
  const bytes = Buffer.byteLength(html);
  if (bytes > HTML_CLIP_BYTES) {
    io.err(
      `${io.paintErr.yellow('psg:')} the HTML is ${Math.round(bytes / 1024)} KB; Gmail clips a message's HTML past about 100 KB\n` +
        `${io.paintErr.dim('hint:')} send fewer items (--limit, --since) or shorter summaries\n`,
    );
  }
}

async function render(format: DigestFormat, digest: Digest, ws: Workspace, io: Io): Promise<string> {
  const today = ws.ctx.today;
  switch (format) {
    case 'text':
      return (await import('../render/digest/text.js')).renderText(digest);
    case 'markdown':
      return (await import('../render/digest/markdown.js')).renderMarkdown(digest);
    case 'html': {
      const html = (await import('../render/digest/html.js')).renderHtml(digest);
      noteHtmlSize(html, io);
      return html;
    }
    case 'email': {
      const headers = messageHeaders(ws.config, undefined, new Date());
      const message = await (await import('../render/digest/message.js')).composeMessage(digest, headers);
      noteHtmlSize(message.html, io);
      return message.raw.toString('utf8');
    }
    case 'json':
      return (await import('../render/digest/json.js')).renderJson(digest);
    case 'rss':
    case 'atom':
      return (await import('../render/digest/feeds.js')).renderFeed(digest, format, today);
  }
}

/** What went wrong writing --out, in words, with what to do. */
function writeError(file: string, error: unknown): PsgError {
  const code = errnoCode(error);
  const why: Record<string, [string, string]> = {
    ENOENT: ['its folder does not exist', 'Create the folder first, or choose another path'],
    EISDIR: ['it is a folder', 'Give --out a file name'],
    ENOTDIR: ['part of the path is not a folder', 'Check the path given to --out'],
    EACCES: ['permission denied', 'Choose a path you can write to'],
    EPERM: ['permission denied', 'Choose a path you can write to'],
    EROFS: ['the file system is read-only', 'Choose a path you can write to'],
    ENOSPC: ['the disk is full', 'Free some space and run it again; any old file there is untouched'],
    EFBIG: ['the file is larger than this process may write', 'Check `ulimit -f`; any old file there is untouched'],
    EDQUOT: ['the disk quota is used up', 'Free some space and run it again; any old file there is untouched'],
  };
  const [reason, hint] = (code && why[code]) || [error instanceof Error ? error.message : String(error), 'Any old file there is untouched'];
  return new PsgError(`cannot write ${file}: ${reason}`, { hint, cause: error });
}

export async function digest(options: DigestOptions, global: GlobalOptions, io: Io): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  const { config } = ws;
  const format = options.format;
  const feed = format === 'rss' || format === 'atom';
  // The text digest has no links, so only the other formats read the site URL.
  const siteUrl = format === 'text' ? undefined : siteUrlOf(options.siteUrl, config.siteUrl);
  if (feed && !siteUrl) {
    throw new PsgError(`the ${format === 'rss' ? 'RSS' : 'Atom'} feed needs the website's address for its links`, { hint: SITE_URL_HINT });
  }
  // A message without a sender or recipients is no message: say so before reading the archive.
  if (format === 'email') messageHeaders(config, undefined, new Date());

  // Pages have no date, so no dated item is one; `--type page` asks for the page section.
  const onlyPages = Boolean(options.type?.length) && options.type!.every((t) => t === 'page');
  const { selection, digest: built } = await prepareDigest(options, ws, siteUrl, global, io);
  const windowed = [options.since, options.until, options.month, options.week].some((v) => v !== undefined);
  const note = (text: string) => io.err(`${io.paintErr.dim('psg:')} ${text}\n`);
  if (!selection.items.length && !onlyPages) note(windowed ? 'no items match in that period' : 'no items match');
  if (feed && selection.pages.length) note('pages have no date, so the feed leaves them out');

  const document = await render(format, built, ws, io);

  if (options.out !== undefined) {
    const target = resolve(io.cwd, options.out);
    try {
      writeOut(target, options.out, document, ws.articlesDir);
    } catch (error) {
      throw error instanceof PsgError ? error : writeError(options.out, error);
    }
    if (io.stderrIsTTY) {
      const pages = selection.pages.length && !feed ? ` and ${plural(selection.pages.length, 'page')}` : '';
      note(`wrote ${plural(selection.items.length, 'item')}${pages} to ${options.out}`);
    }
    return ExitCode.ok;
  }
  // Every format but the message ends with a newline; on a terminal the prompt must start on
  // a line of its own whatever the format.
  io.out(io.stdoutIsTTY && !document.endsWith('\n') ? `${document}\n` : document);
  return ExitCode.ok;
}
