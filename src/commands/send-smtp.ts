// Handing the message to the SMTP server through nodemailer, and turning what goes wrong
// into words: the server's own reply, and what to check. nodemailer loads only here, only
// when something is sent.
import type { SmtpTarget } from '../email-config.js';
import { PsgError } from '../errors.js';
import { oneLine } from '../render/digest/clean.js';

export interface Envelope {
  from: string;
  to: string[];
}

export interface Delivery {
  accepted: string[];
  rejected: string[];
  /** The server's last reply, e.g. "250 OK: queued as 12345". */
  response: string;
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1)$/i;

interface SmtpFailure {
  code?: string;
  response?: string;
  responseCode?: number;
  message?: string;
  rejected?: string[];
}

/** What went wrong, as one PsgError with the server's reply and a hint of what to check. */
export function smtpError(error: unknown, target: SmtpTarget): PsgError {
  const e = (error ?? {}) as SmtpFailure;
  const server = `${target.host}:${target.port}`;
  // The server's words are shown as one clean line: a hostile server cannot paint the terminal.
  const reply = e.response ? `: the server said "${oneLine(e.response)}"` : e.message ? ` (${oneLine(e.message)})` : '';
  const said = (what: string, hint: string) => new PsgError(`not sent: ${what}${reply}`, { hint: `${hint}. Nothing was recorded as sent`, cause: error });
  switch (e.code) {
    case 'EAUTH':
    case 'ENOAUTH':
      return said(`${server} refused the login${target.user ? ` of "${target.user}"` : ''}`, 'Check the user in the SMTP URL and the password in PSG_SMTP_PASSWORD');
    case 'EENVELOPE':
      return said(
        `${server} rejected ${e.rejected?.length ? e.rejected.join(', ') : 'the sender or the recipients'}`,
        'Check email.from, email.to and --to, and that this server may send for the sender\'s domain',
      );
    case 'EMESSAGE':
      return said(`${server} refused the message`, 'Check the size of the digest and the sender the server allows');
    case 'ETLS':
      return said(`the TLS connection to ${server} failed`, 'Use smtps:// for a TLS port (465) and smtp:// for STARTTLS (587), and check the server\'s certificate');
    case 'EDNS':
      return said(`the host ${target.host} was not found`, 'Check the host name in the SMTP URL');
    case 'ETIMEDOUT':
      return said(`${server} did not answer in time`, 'Check the host and port in the SMTP URL, and that the network lets you reach it');
    default: {
      const text = `${e.message ?? ''}`;
      if (/ECONNREFUSED/.test(text)) return said(`nothing listens at ${server}`, 'Check the host and port in the SMTP URL (587 for smtp://, 465 for smtps://)');
      if (/SSL|TLS|certificate|wrong version number|handshake/i.test(text)) {
        return said(`the TLS connection to ${server} failed`, 'Use smtps:// for a TLS port (465) and smtp:// for STARTTLS (587), and check the server\'s certificate');
      }
      return said(`the exchange with ${server} failed`, 'Check the SMTP URL and try again');
    }
  }
}

/** Send the finished message (its bytes as they are) to the envelope's recipients. */
export async function sendRaw(target: SmtpTarget, password: string | undefined, envelope: Envelope, raw: Buffer): Promise<Delivery> {
  const { createTransport } = await import('nodemailer');
  const transport = createTransport({
    host: target.host,
    port: target.port,
    secure: target.secure,
    // A login leaves this machine only inside TLS: STARTTLS is required unless the server is on this machine.
    requireTLS: !target.secure && Boolean(target.user) && !LOOPBACK.test(target.host),
    ...(target.user && { auth: { user: target.user, pass: password ?? '' } }),
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  try {
    const info = await transport.sendMail({ envelope: { from: envelope.from, to: envelope.to }, raw });
    return {
      accepted: (info.accepted ?? []).map(String),
      rejected: (info.rejected ?? []).map(String),
      response: String(info.response ?? ''),
    };
  } catch (error) {
    throw smtpError(error, target);
  } finally {
    transport.close();
  }
}
