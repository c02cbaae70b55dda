// The headers of the digest message from the `email` config: who it is from and to, where
// replies and unsubscribes go, a fresh Message-ID in the sender's domain, and the date.
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { isMailbox } from '../email-config.js';
import { PsgError } from '../errors.js';
import type { MessageHeaders } from '../render/digest/message.js';

function where(config: Config): string {
  return config.file ?? 'psg.config.json';
}

/** The address part of "Name <address>". */
export function addressOf(mailbox: string): string {
  const m = /<([^<>]+)>\s*$/.exec(mailbox);
  return (m ? m[1]! : mailbox).trim();
}

export function messageHeaders(config: Config, toFlag: string[] | undefined, now: Date): MessageHeaders {
  const email = config.email ?? {};
  if (!email.from) {
    throw new PsgError('the digest message needs a sender: "email.from" is not set', {
      hint: `Add "email": { "from": "Peru Support Group <news@example.org>", "to": "members@example.org" } to ${where(config)}`,
    });
  }
  for (const address of toFlag ?? []) {
    if (!isMailbox(address)) throw new PsgError(`bad address for --to: "${address}"`, { hint: 'Give one address, like you@example.org' });
  }
  const to = toFlag?.length ? toFlag : email.to;
  if (!to?.length) {
    throw new PsgError('the digest message has nobody to go to: "email.to" is not set', {
      hint: `Set "email.to" in ${where(config)} to the members' address, or pass --to ADDRESS`,
    });
  }
  const domain = addressOf(email.from).split('@')[1] ?? 'psg.invalid';
  return {
    from: email.from,
    to,
    ...(email.replyTo && { replyTo: email.replyTo }),
    ...(email.unsubscribe && { unsubscribe: email.unsubscribe }),
    messageId: `<psg.${now.getTime().toString(36)}.${randomBytes(8).toString('hex')}@${domain}>`,
    date: now,
  };
}
