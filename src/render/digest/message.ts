// The digest as one RFC 5322 message: multipart/alternative with the text digest as the
// plain part and the email-grade HTML as the other, UTF-8 throughout. nodemailer's
// MailComposer writes the MIME (encoded words for accents in headers, quoted-printable
// bodies, folded lines); psg only hands it values that are already one clean line each,
// so no title can end a header and start another.
import MailComposer from 'nodemailer/lib/mail-composer';
import { cleanText, oneLine } from './clean.js';
import { MAIL_WORDS, renderHtml, unsubscribeShown } from './html.js';
import type { Digest, DigestEntry } from './model.js';
import { renderText } from './text.js';

export interface MessageHeaders {
  from: string;
  to: string[];
  replyTo?: string;
  /** mailto: or https address, sent as List-Unsubscribe. */
  unsubscribe?: string;
  messageId: string;
  date: Date;
}

export interface ComposedMessage {
  subject: string;
  html: string;
  text: string;
  /** The whole message, CRLF line ends, ready for SMTP or a .eml file. */
  raw: Buffer;
}

/** "Title — period", on one line. */
export function subjectOf(digest: Digest): string {
  const title = oneLine(digest.title);
  return digest.periodText ? `${title} — ${oneLine(digest.periodText)}` : title;
}

/** The digest with every value cleaned of control characters, titles and regions on one line. */
function cleanDigest(digest: Digest): Digest {
  const entry = (e: DigestEntry): DigestEntry => ({
    ...e,
    article: { ...e.article, title: oneLine(e.article.title), summary: cleanText(e.article.summary) },
    regions: e.regions.map(oneLine),
  });
  return { ...digest, title: oneLine(digest.title), entries: digest.entries.map(entry) };
}

/** The plain part: the heading and period, the text digest, then the footer. */
export function plainText(digest: Digest): string {
  const footerWords = MAIL_WORDS[digest.lang];
  const clean = cleanDigest(digest);
  const head = [clean.title, clean.periodText].filter(Boolean).join('\n');
  // The text digest starts at its first character; in a message every bullet is indented alike.
  const body = clean.entries.length ? renderText({ ...clean, titleGiven: false }).replace(/^•/, '  •') : '';
  const footer = cleanText(digest.mail.footer ?? footerWords.footer);
  const unsubscribe = digest.mail.unsubscribe ? `\n${footerWords.unsubscribe}: ${unsubscribeShown(digest.mail.unsubscribe)}` : '';
  const site = digest.siteUrl ? `\n${digest.siteUrl}` : '';
  return `${head}\n\n${body.trimEnd()}\n\n-- \n${footer}${site}${unsubscribe}\n`;
}

const crlf = (value: string) => value.replace(/\r?\n/g, '\r\n');

export async function composeMessage(digest: Digest, headers: MessageHeaders): Promise<ComposedMessage> {
  const subject = subjectOf(digest);
  const html = renderHtml(digest);
  const text = plainText(digest);
  const composer = new MailComposer({
    from: headers.from,
    to: headers.to,
    ...(headers.replyTo && { replyTo: headers.replyTo }),
    subject,
    // SMTP and RFC 5322 want CRLF line ends; the composer passes bodies through as given.
    text: crlf(text),
    html: crlf(html),
    messageId: headers.messageId,
    date: headers.date,
    textEncoding: 'quoted-printable',
    // RFC 2369: the address in angle brackets. The config check let through no space or control character.
    ...(headers.unsubscribe && { headers: { 'List-Unsubscribe': `<${headers.unsubscribe}>` } }),
  });
  const raw = await composer.compile().build();
  return { subject, html, text, raw };
}
