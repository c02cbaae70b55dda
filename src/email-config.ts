// The `email` object of psg.config.json: who the digest comes from and goes to, the
// unsubscribe address, the footer and preheader, and the SMTP server as a URL. Checked key by
// key like the rest of the config; a password never lives here (PSG_SMTP_PASSWORD holds it).
import { bad, checkKeys, isObject } from './config.js';
import { PsgError } from './errors.js';

export interface SmtpTarget {
  /** smtps:// (TLS from the first byte) rather than smtp:// (STARTTLS when offered). */
  secure: boolean;
  host: string;
  port: number;
  user?: string;
  /** The URL as given, for messages (it never holds a password). */
  url: string;
}

export interface EmailConfig {
  from?: string;
  to?: string[];
  replyTo?: string;
  unsubscribe?: string;
  footer?: string;
  preheader?: string;
  smtp?: SmtpTarget;
}

export const EMAIL_KEYS: Record<string, string> = {
  from: 'the sender, "Name <address>" or an address',
  to: 'the members\' address, or a list of addresses',
  replyTo: 'an address for replies, "Name <address>" or an address',
  unsubscribe: 'a mailto: address or an https:// link for leaving the list',
  footer: 'text: who sends the digest and why',
  preheader: 'text: the hidden first line a mail client shows beside the subject',
  smtp: 'the mail server as a URL, smtp://user@host:587 or smtps://user@host:465',
};

// "Name <local@domain>", "\"Name, Org\" <local@domain>" or "local@domain": one address, one line.
const ADDR = String.raw`[^\s\u0000-\u001f\u007f<>@,;:"()\[\]\\]+@[^\s\u0000-\u001f\u007f<>@,;:"()\[\]\\]+`;
const MAILBOX = new RegExp(String.raw`^(?:(?:"[^"\\\u0000-\u001f]*"|[^<>"@,;\u0000-\u001f]*)\s*<${ADDR}>|${ADDR})$`);

export function isMailbox(value: string): boolean {
  return MAILBOX.test(value.trim());
}

/** An unsubscribe address: mailto:address[?subject=…] or an https:// link. */
export function isUnsubscribe(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return new RegExp(`^${ADDR}$`).test(decodeURIComponent(url.pathname));
  return url.protocol === 'https:' && url.hostname !== '';
}

/** The SMTP server from a URL, or what is wrong with it. */
export function parseSmtpUrl(value: string): SmtpTarget | string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return 'not an smtp:// or smtps:// URL';
  if (!url.hostname) return 'it names no host';
  if (url.password) return 'it holds a password';
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) return 'it has a path, ? or # after the host';
  const secure = url.protocol === 'smtps:';
  return {
    secure,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    ...(url.username && { user: decodeURIComponent(url.username) }),
    url: value,
  };
}

export const SMTP_HINT = 'Write it as smtp://user@host:587 (STARTTLS) or smtps://user@host:465 (TLS); the password goes in PSG_SMTP_PASSWORD, never in the URL';

export function checkEmailConfig(raw: unknown, file: string): EmailConfig {
  if (!isObject(raw)) throw bad(file, 'email', 'an object with from, to, replyTo, unsubscribe, footer, preheader and smtp');
  checkKeys(file, raw, EMAIL_KEYS, 'email.');
  const email: EmailConfig = {};
  const text = (key: string): string | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.trim() === '') throw bad(file, `email.${key}`, EMAIL_KEYS[key]!);
    return v;
  };
  const mailbox = (key: string, v: unknown): string => {
    if (typeof v !== 'string' || !isMailbox(v)) {
      throw bad(file, `email.${key}`, EMAIL_KEYS[key]!, `Write it like "Peru Support Group <news@example.org>", on one line`);
    }
    return v.trim();
  };
  if (raw.from !== undefined) email.from = mailbox('from', raw.from);
  if (raw.replyTo !== undefined) email.replyTo = mailbox('replyTo', raw.replyTo);
  if (raw.to !== undefined) {
    const list = Array.isArray(raw.to) ? raw.to : [raw.to];
    if (!list.length) throw bad(file, 'email.to', EMAIL_KEYS.to!);
    email.to = list.map((v) => mailbox('to', v));
  }
  const unsubscribe = text('unsubscribe');
  if (unsubscribe !== undefined) {
    if (!isUnsubscribe(unsubscribe)) throw bad(file, 'email.unsubscribe', EMAIL_KEYS.unsubscribe!, 'For example "mailto:leave@example.org" or "https://example.org/unsubscribe"');
    email.unsubscribe = unsubscribe;
  }
  const footer = text('footer');
  if (footer !== undefined) email.footer = footer;
  const preheader = text('preheader');
  if (preheader !== undefined) email.preheader = preheader;
  const smtp = text('smtp');
  if (smtp !== undefined) {
    const target = parseSmtpUrl(smtp);
    if (typeof target === 'string') {
      throw new PsgError(`${file}: "email.smtp" must be ${EMAIL_KEYS.smtp}: ${target}`, { hint: SMTP_HINT });
    }
    email.smtp = target;
  }
  return email;
}
