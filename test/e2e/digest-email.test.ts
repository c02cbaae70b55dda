// psg digest --format email: one RFC 5322 message read back by a real parser (mailparser);
// the email config checked key by key; hostile values that must not escape their place in
// the HTML or the headers; the size warning where Gmail clips.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { psg } from '../helpers/run.js';
import { article, cleanup, sampleCopy, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

const EMAIL = {
  from: 'Peru Support Group <news@perusupportgroup.org.uk>',
  to: ['members@perusupportgroup.org.uk', 'Friends of the PSG <friends@perusupportgroup.org.uk>'],
  replyTo: 'office@perusupportgroup.org.uk',
  unsubscribe: 'https://perusupportgroup.org.uk/unsubscribe',
};

describe('digest --format email', () => {
  const dir = sampleCopy();
  writeFileSync(join(dir, 'psg.config.json'), JSON.stringify({ siteUrl: 'https://perusupportgroup.org.uk', digest: { title: 'Boletín: Junín y más' }, email: EMAIL }));

  it('--out digest.eml is one multipart/alternative message with the text and the HTML', async () => {
    const r = psg(['digest', '--format', 'email', '--out', 'digest.eml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const raw = readFileSync(join(dir, 'digest.eml'));
    // CRLF line ends throughout, as RFC 5322 wants them.
    expect(raw.toString('latin1').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const mail = await simpleParser(raw);
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(mail.headers.get('mime-version')).toBe('1.0');
    expect(mail.subject).toBe('Boletín: Junín y más — 11 March – 1 April 2019');
    expect(mail.from?.text).toBe('"Peru Support Group" <news@perusupportgroup.org.uk>');
    expect(mail.to).toMatchObject({ value: [{ address: 'members@perusupportgroup.org.uk' }, { address: 'friends@perusupportgroup.org.uk', name: 'Friends of the PSG' }] });
    expect(mail.replyTo?.text).toBe('office@perusupportgroup.org.uk');
    expect(mail.headers.get('list')).toMatchObject({ unsubscribe: { url: 'https://perusupportgroup.org.uk/unsubscribe' } });
    expect(mail.messageId).toMatch(/@perusupportgroup\.org\.uk>$/);
    expect(mail.date).toBeInstanceOf(Date);
    expect(mail.text).toContain('Boletín: Junín y más\n11 March – 1 April 2019\n\n  • Letter from Puno: Using the law to protect community rights\n\n    1 April 2019');
    expect(mail.text).toContain('Cooperacción');
    expect(mail.text).toContain('Unsubscribe: https://perusupportgroup.org.uk/unsubscribe');
    expect(mail.html).toContain('Cooperacción');
    expect(mail.html).toContain('<a href="https://perusupportgroup.org.uk/unsubscribe"');
    expect((mail.html as string).match(/<h2/g)).toHaveLength(10);
  });

  it('without email.from or email.to is exit 2 naming the key', () => {
    const bare = sampleCopy();
    writeFileSync(join(bare, 'psg.config.json'), JSON.stringify({ email: { to: 'members@example.org' } }));
    const r = psg(['digest', '--format', 'email'], { cwd: bare });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^psg: the digest message needs a sender: "email.from" is not set\nhint: Add "email": \{ "from": /);
    writeFileSync(join(bare, 'psg.config.json'), JSON.stringify({ email: { from: 'news@example.org' } }));
    const to = psg(['digest', '--format', 'email'], { cwd: bare });
    expect(to.code).toBe(2);
    expect(to.stderr).toContain('psg: the digest message has nobody to go to: "email.to" is not set');
  });
});

describe('the email config is checked like the other keys', () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ form: 'a@b.org' }, 'unknown key "email.form"; did you mean "email.from"?'],
    [{ from: 'News\r\nBcc: evil@example.org <a@b.org>' }, '"email.from" must be the sender, "Name <address>" or an address'],
    [{ to: [] }, '"email.to" must be the members\' address, or a list of addresses'],
    [{ unsubscribe: 'javascript:alert(1)' }, '"email.unsubscribe" must be a mailto: address or an https:// link for leaving the list'],
    [{ unsubscribe: 'http://example.org/leave' }, '"email.unsubscribe" must be a mailto: address'],
    [{ smtp: 'smtp://psg:secret@mail.example.org:587' }, '"email.smtp" must be the mail server as a URL, smtp://user@host:587 or smtps://user@host:465: it holds a password'],
    [{ smtp: 'http://mail.example.org' }, 'not an smtp:// or smtps:// URL'],
    [{ footer: 12 }, '"email.footer" must be text: who sends the digest and why'],
  ];
  it.each(cases)('%j', (email, message) => {
    const dir = testdir({ 'articles/.keep': '', 'psg.config.json': JSON.stringify({ email }) });
    const r = psg(['digest', '--format', 'html'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain(message);
    expect(r.stderr.split('\n')[0]).toContain('psg.config.json');
    expect(r.stderr).toMatch(/\nhint: .+\n$/);
    expect(r.stderr).not.toContain('secret');
  });
});

describe('hostile titles and summaries', () => {
  const dir = testdir({
    'psg.config.json': JSON.stringify({ siteUrl: 'https://example.org', email: { from: 'news@example.org', to: 'members@example.org' } }),
    'articles/2019/2019-03-18-hostile.md': article({
      title: '"<script>alert(1)</script> Junín\\r\\nBcc: evil@example.org\\r\\nX-Injected: yes"',
      type: 'news',
      date: '2019-03-18',
      regions: '["Cajamarca\\r\\nX-Region: injected"]',
      summary: '"<a href=\\"javascript:alert(1)\\">click</a> javascript:alert(2) </td></tr></table><form action=x>\\nSubject: forged\\n\\u0000\\u001b]2;PWNED\\u0007\\uFFFE end"',
    }),
    'articles/2019/2019-03-19-controls.md': article({
      title: '"Bell\\a Esc\\e NUL\\0 FFFE\\uFFFE title"',
      type: 'news',
      date: '2019-03-19',
      summary: '"NUL\\0 Esc\\e[31m Bell\\a noncharacter\\uFFFE\\uFDD0 done"',
    }),
  });

  it('escape everything in the HTML and drop its raw control characters', () => {
    const r = psg(['digest', '--format', 'html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/<script|<form|<a href="javascript|href="javascript:|<\/td><\/tr><\/table><form/i);
    expect(r.stdout).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt; javascript:alert(2) &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;form action=x&gt;');
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/);
    expect(r.stdout).toContain('>Bell Esc NUL FFFE title</a></h2>');
    expect(r.stdout).toContain('NUL Esc[31m Bell noncharacter done');
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Junín Bcc: evil@example.org X-Injected: yes</a></h2>');
  });

  it('cannot add a header to the message, from the articles or from --title', async () => {
    const r = psg(['digest', '--format', 'email', '--title', 'Digest\r\nBcc: evil@example.org\r\nX-Injected: yes\u0007'], { cwd: dir });
    expect(r.code).toBe(0);
    const mail = await simpleParser(r.stdout);
    expect([...mail.headers.keys()].sort()).toEqual(['content-type', 'date', 'from', 'message-id', 'mime-version', 'subject', 'to']);
    expect(mail.bcc).toBeUndefined();
    expect(mail.subject).toBe('Digest Bcc: evil@example.org X-Injected: yes — 18–19 March 2019');
    // Neither part holds a header line of its own beyond its content type and encoding.
    const parts = r.stdout.split(/\r\n----_NmP-[^\r\n]*\r\n/).slice(1, 3);
    for (const part of parts) expect(part.split('\r\n\r\n')[0]!.split('\r\n').map((l) => l.split(':')[0])).toEqual(['Content-Type', 'Content-Transfer-Encoding']);
    expect(mail.text).toContain('  • <script>alert(1)</script> Junín Bcc: evil@example.org X-Injected: yes\n');
    expect(mail.text).toContain('  • Bell Esc NUL FFFE title\n');
    // eslint-disable-next-line no-control-regex
    expect(mail.text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE]/);
    expect(mail.html).not.toMatch(/<script|href="javascript:|<form/i);
  });
});

describe('a digest past 100 KB of HTML', () => {
  it('is written, with a warning on stderr that Gmail clips it (exit 0)', () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 12; i++) {
      files[`articles/2019/2019-03-${String(i).padStart(2, '0')}-long.md`] = article({
        title: `"Long item ${i}"`,
        type: 'news',
        date: `2019-03-${String(i).padStart(2, '0')}`,
        summary: `"${'A long summary that goes on. '.repeat(400)}"`,
      });
    }
    const dir = testdir(files);
    const r = psg(['digest', '--format', 'html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBeGreaterThan(100 * 1024);
    expect(r.stderr).toMatch(/^psg: the HTML is \d+ KB; Gmail clips a message's HTML past about 100 KB\nhint: send fewer items/);
  });
});

describe('digest --since last', () => {
  it('without a record of digests sent is the usual selection, said on stderr', () => {
    const dir = sampleCopy();
    const r = psg(['digest', '--since', 'last', '--limit', '1'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('psg: no digest has been sent yet (articles/.psg/sent.json records them), so this is the usual selection\n');
    expect(r.stdout).toMatch(/^ {2}• Letter from Puno/);
  });

  it('with a damaged record is exit 2 naming the file, and the scanner never takes it for an article', () => {
    const dir = sampleCopy();
    const record = join(dir, 'articles/.psg/sent.json');
    mkdirSync(join(dir, 'articles/.psg'));
    writeFileSync(record, '{"digests": [{"sentAt": 1}]}');
    const r = psg(['digest', '--since', 'last'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `psg: ${record} is not a record of digests sent: entry 1 lacks sentAt, messageId or items\n` +
        'hint: psg writes it after each send; restore it from git (git checkout -- .psg/sent.json) or fix the JSON\n',
    );
    const v = psg(['validate'], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stdout + v.stderr).not.toContain('sent.json');
  });
});
