// psg send against a real SMTP server on 127.0.0.1 (smtp-server), each message read back by a
// real parser (mailparser): the members' send and a test send, the record of what went out,
// the refusal to send the same items twice, and the failures that must record nothing.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { psgAsync, SAMPLE } from '../helpers/run.js';
import { closedPort, SMTP_PASSWORD, SMTP_USER, startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { article, cleanup, sampleCopy } from '../helpers/testdir.js';

jest.setTimeout(60_000);

const TITLES = readdirSync(join(SAMPLE, '2019')).map((name) => /^title: "(.*)"$/m.exec(readFileSync(join(SAMPLE, '2019', name), 'utf8'))![1]!);
const SITE = 'https://perusupportgroup.org.uk';

let smtp: TestSmtp;
let dir: string;
const env = { PSG_SMTP_PASSWORD: SMTP_PASSWORD };

function config(port: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    siteUrl: SITE,
    digest: { title: 'Noticias de Junín' },
    email: {
      from: 'Peru Support Group <news@perusupportgroup.org.uk>',
      to: 'members@perusupportgroup.org.uk',
      replyTo: 'office@perusupportgroup.org.uk',
      unsubscribe: 'mailto:leave@perusupportgroup.org.uk?subject=unsubscribe',
      footer: 'The Peru Support Group sends this digest to its members and friends.',
      smtp: `smtp://${SMTP_USER}@127.0.0.1:${port}`,
      ...extra,
    },
  });
}

const sentFile = () => join(dir, 'articles/.psg/sent.json');
const sentRecord = () => JSON.parse(readFileSync(sentFile(), 'utf8')) as { digests: { messageId: string; items: { path: string }[] }[] };

async function lastMessage(): Promise<ParsedMail> {
  return simpleParser(smtp.received[smtp.received.length - 1]!.raw);
}

beforeAll(async () => {
  smtp = await startSmtp({ reject: ['nobody@perusupportgroup.org.uk'] });
  dir = sampleCopy();
  writeFileSync(join(dir, 'psg.config.json'), config(smtp.port));
});

afterAll(async () => {
  await smtp?.close();
  cleanup();
});

describe('psg send to a real SMTP server', () => {
  it('a test send with --to goes to that address only and is not recorded', async () => {
    const r = await psgAsync(['send', '--yes', '--to', 'editor@example.org'], { cwd: dir, env });
    expect(r.stderr).toContain('a test send, not recorded');
    expect(r.code).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['editor@example.org']);
    expect(smtp.received[0]!.from).toBe('news@perusupportgroup.org.uk');
    const mail = await lastMessage();
    expect(mail.to).toMatchObject({ text: 'editor@example.org' });
    expect(existsSync(sentFile())).toBe(false);
  });

  it('sends one multipart/alternative message to the members, accents intact, every title in both parts', async () => {
    const r = await psgAsync(['send', '--yes'], { cwd: dir, env });
    expect(r.stderr).toContain('psg: sent "Noticias de Junín — 11 March – 1 April 2019" (10 items) to members@perusupportgroup.org.uk');
    expect(r.code).toBe(0);
    expect(smtp.received).toHaveLength(2);
    const { to, raw } = smtp.received[1]!;
    expect(to).toEqual(['members@perusupportgroup.org.uk']);
    // On the wire the accents are encoded words, the body quoted-printable: no raw 8-bit header.
    const headerBlock = raw.toString('latin1').split('\r\n\r\n')[0]!;
    expect(headerBlock).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(headerBlock).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(/^[\t\r\n\x20-\x7e]*$/.test(headerBlock)).toBe(true);

    const mail = await lastMessage();
    expect(mail.subject).toBe('Noticias de Junín — 11 March – 1 April 2019');
    expect(mail.from).toMatchObject({ value: [{ name: 'Peru Support Group', address: 'news@perusupportgroup.org.uk' }] });
    expect(mail.replyTo).toMatchObject({ text: 'office@perusupportgroup.org.uk' });
    expect(mail.headers.get('list')).toMatchObject({ unsubscribe: { mail: 'leave@perusupportgroup.org.uk?subject=unsubscribe' } });
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line).toContain('<mailto:leave@perusupportgroup.org.uk?subject=unsubscribe>');
    expect(mail.messageId).toMatch(/^<psg\.[a-z0-9]+\.[0-9a-f]{16}@perusupportgroup\.org\.uk>$/);
    expect(mail.date).toBeInstanceOf(Date);
    expect(typeof mail.text).toBe('string');
    expect(typeof mail.html).toBe('string');
    for (const part of [mail.text!, mail.html as string]) {
      expect(part).toContain('Noticias de Junín');
      expect(part).toContain('Cooperacción');
      expect(part).toContain('The Peru Support Group sends this digest to its members and friends.');
      for (const title of TITLES) expect(part).toContain(title.replace(/&/g, '&amp;'));
    }
    expect(mail.html).toContain('href="mailto:leave@perusupportgroup.org.uk?subject=unsubscribe"');

    const record = sentRecord();
    expect(record.digests).toHaveLength(1);
    expect(record.digests[0]!.messageId).toBe(mail.messageId);
    expect(record.digests[0]!.items.map((i) => i.path).sort()).toEqual(readdirSync(join(SAMPLE, '2019')).map((n) => `2019/${n}`).sort());
    // The password never shows.
    expect(r.stdout + r.stderr).not.toContain(SMTP_PASSWORD);
  });

  it('then refuses to send again: nothing new since that digest', async () => {
    const before = readFileSync(sentFile(), 'utf8');
    const r = await psgAsync(['send', '--yes'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^psg: since the digest sent on (\d{4}-\d{2}-\d{2}) \(items from 1 April 2019 on that it did not hold\)\npsg: nothing new to send since the digest sent on \1\n/);
    expect(smtp.received).toHaveLength(2);
    expect(readFileSync(sentFile(), 'utf8')).toBe(before);
    // Asking for those items by date is refused too, without --again.
    const month = await psgAsync(['send', '--yes', '--month', '2019-03'], { cwd: dir, env });
    expect(month.code).toBe(2);
    expect(month.stderr).toContain('psg: 9 items of this digest went out already');
    expect(month.stderr).toContain('hint: Pass --again to send them again');
    expect(smtp.received).toHaveLength(2);
  });

  describe('a new item since the last send', () => {
    beforeAll(() => {
      writeFileSync(
        join(dir, 'articles/2019/2019-04-05-junin.md'),
        article({ title: '"Junín: water and the mine"', type: 'news', date: '2019-04-05', regions: '[Junín]', summary: '"Cooperacción reports from Junín."' }),
      );
    });

    it('digest --since last holds it alone', async () => {
      const r = await psgAsync(['digest', '--since', 'last'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('Noticias de Junín\n\n  • Junín: water and the mine\n\n    5 April 2019\n\n    Cooperacción reports from Junín.\n');
      expect(r.stderr).toMatch(/^psg: since the digest sent on \d{4}-\d{2}-\d{2} \(items from 1 April 2019 on that it did not hold\)\n$/);
    });

    it('a refused login is exit 2 with the server reply, and nothing is recorded', async () => {
      const before = readFileSync(sentFile(), 'utf8');
      const r = await psgAsync(['send', '--yes'], { cwd: dir, env: { PSG_SMTP_PASSWORD: 'wrong' } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`psg: not sent: 127.0.0.1:${smtp.port} refused the login of "psg": the server said "535 5.7.8 Authentication credentials invalid"`);
      expect(r.stderr).toContain('hint: Check the user in the SMTP URL and the password in PSG_SMTP_PASSWORD. Nothing was recorded as sent');
      expect(r.stderr).not.toContain('wrong');
      expect(smtp.received).toHaveLength(2);
      expect(readFileSync(sentFile(), 'utf8')).toBe(before);
    });

    it('a rejected recipient is exit 2 with the server reply, and nothing is recorded', async () => {
      const before = readFileSync(sentFile(), 'utf8');
      writeFileSync(join(dir, 'rejecting.json'), config(smtp.port, { to: 'nobody@perusupportgroup.org.uk' }));
      const r = await psgAsync(['--config', 'rejecting.json', 'send', '--yes'], { cwd: dir, env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('psg: not sent:');
      expect(r.stderr).toContain('nobody@perusupportgroup.org.uk');
      expect(r.stderr).toContain('550 5.1.1 <nobody@perusupportgroup.org.uk>: Recipient address rejected: User unknown');
      expect(r.stderr).toContain('hint: Check email.from, email.to and --to');
      expect(smtp.received).toHaveLength(2);
      expect(readFileSync(sentFile(), 'utf8')).toBe(before);
    });

    it('a closed port is exit 2 naming the server, and nothing is recorded', async () => {
      const before = readFileSync(sentFile(), 'utf8');
      const port = await closedPort();
      const r = await psgAsync(['send', '--yes', '--smtp', `smtp://psg@127.0.0.1:${port}`], { cwd: dir, env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`psg: not sent: nothing listens at 127.0.0.1:${port}`);
      expect(readFileSync(sentFile(), 'utf8')).toBe(before);
    });

    it('TLS spoken to a plain SMTP port is exit 2 naming TLS, and nothing is recorded', async () => {
      const before = readFileSync(sentFile(), 'utf8');
      const r = await psgAsync(['send', '--yes', '--smtp', `smtps://psg@127.0.0.1:${smtp.port}`], { cwd: dir, env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`psg: not sent: the TLS connection to 127.0.0.1:${smtp.port} failed`);
      expect(r.stderr).toContain('hint: Use smtps:// for a TLS port (465) and smtp:// for STARTTLS (587)');
      expect(smtp.received).toHaveLength(2);
      expect(readFileSync(sentFile(), 'utf8')).toBe(before);
    });

    it('without a terminal and without --yes nothing is sent (exit 2); --dry-run prints the message and sends nothing', async () => {
      const r = await psgAsync(['send'], { cwd: dir, env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('psg: not sent: a send is confirmed on a terminal, and this is none');
      expect(r.stderr).toContain('hint: Pass --yes to send without asking');
      const dry = await psgAsync(['send', '--dry-run'], { cwd: dir, env: { PSG_SMTP_PASSWORD: undefined } });
      expect(dry.code).toBe(0);
      const mail = await simpleParser(dry.stdout);
      expect(mail.subject).toBe('Noticias de Junín — 5 April 2019');
      expect(mail.text).toContain('Junín: water and the mine');
      expect(mail.text).not.toContain('Letter from Puno');
      expect(smtp.received).toHaveLength(2);
    });

    it('a send already running holds the lock: a second one is exit 2 and sends nothing', async () => {
      // This test process stands for the psg send that holds the lock.
      writeFileSync(join(dir, 'articles/.psg/send.lock'), `${process.pid}\n`);
      const r = await psgAsync(['send', '--yes'], { cwd: dir, env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`psg: another psg send is running (process ${process.pid};`);
      expect(smtp.received).toHaveLength(2);
    });

    it('the next send takes over a stale lock, takes only the new item and records it', async () => {
      // The lock of a process that is gone.
      const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
      writeFileSync(join(dir, 'articles/.psg/send.lock'), `${gone}\n`);
      const r = await psgAsync(['send', '--yes'], { cwd: dir, env });
      expect(existsSync(join(dir, 'articles/.psg/send.lock'))).toBe(false);
      expect(r.stderr).toContain('(1 item) to members@perusupportgroup.org.uk; recorded in articles/.psg/sent.json');
      expect(r.code).toBe(0);
      expect(smtp.received).toHaveLength(3);
      const mail = await lastMessage();
      expect(mail.subject).toBe('Noticias de Junín — 5 April 2019');
      expect(sentRecord().digests.map((d) => d.items.length)).toEqual([10, 1]);
      expect(sentRecord().digests[1]!.messageId).toBe(mail.messageId);
    });
  });
});
