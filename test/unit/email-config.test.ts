import { describe, expect, it } from '@jest/globals';
import { checkConfig } from '../../src/config.js';
import { isMailbox, isUnsubscribe, parseSmtpUrl } from '../../src/email-config.js';

describe('the email config', () => {
  it('accepts a whole example and keeps what it says', () => {
    const config = checkConfig(
      {
        email: {
          from: 'Peru Support Group <news@example.org>',
          to: ['members@example.org', '"Friends, all" <friends@example.org>'],
          replyTo: 'office@example.org',
          unsubscribe: 'mailto:leave@example.org?subject=unsubscribe',
          footer: 'Sent by the PSG.',
          preheader: 'This fortnight',
          smtp: 'smtps://news%40example.org@mail.example.org',
        },
      },
      '/x/psg.config.json',
    );
    expect(config.email).toEqual({
      from: 'Peru Support Group <news@example.org>',
      to: ['members@example.org', '"Friends, all" <friends@example.org>'],
      replyTo: 'office@example.org',
      unsubscribe: 'mailto:leave@example.org?subject=unsubscribe',
      footer: 'Sent by the PSG.',
      preheader: 'This fortnight',
      smtp: { secure: true, host: 'mail.example.org', port: 465, user: 'news@example.org', url: 'smtps://news%40example.org@mail.example.org' },
    });
    expect(checkConfig({ email: { to: 'one@example.org' } }, 'f').email?.to).toEqual(['one@example.org']);
  });

  it('knows a mailbox from a header in disguise', () => {
    expect(isMailbox('news@example.org')).toBe(true);
    expect(isMailbox('Peru Support Group <news@example.org>')).toBe(true);
    expect(isMailbox('news@example.org\r\nBcc: evil@example.org')).toBe(false);
    expect(isMailbox('a@b.org, c@d.org')).toBe(false);
    expect(isMailbox('no address')).toBe(false);
    expect(isMailbox('evil\u001b]2;x\u0007@example.org')).toBe(false);
  });

  it('takes unsubscribe addresses only as mailto: or https://', () => {
    expect(isUnsubscribe('mailto:leave@example.org')).toBe(true);
    expect(isUnsubscribe('https://example.org/leave?id=1')).toBe(true);
    expect(isUnsubscribe('http://example.org/leave')).toBe(false);
    expect(isUnsubscribe('javascript:alert(1)')).toBe(false);
    expect(isUnsubscribe('https://example.org/a b')).toBe(false);
    expect(isUnsubscribe('mailto:not-an-address')).toBe(false);
  });

  it('reads the SMTP URL, with the default ports, and says what is wrong with a bad one', () => {
    expect(parseSmtpUrl('smtp://psg@127.0.0.1:2525')).toEqual({ secure: false, host: '127.0.0.1', port: 2525, user: 'psg', url: 'smtp://psg@127.0.0.1:2525' });
    expect(parseSmtpUrl('smtp://mail.example.org')).toMatchObject({ secure: false, port: 587 });
    expect(parseSmtpUrl('smtp://[::1]:25')).toMatchObject({ host: '::1', port: 25 });
    expect(parseSmtpUrl('smtp://u:p@mail.example.org')).toBe('it holds a password');
    expect(parseSmtpUrl('https://mail.example.org')).toBe('not an smtp:// or smtps:// URL');
    expect(parseSmtpUrl('smtp://mail.example.org/x')).toBe('it has a path, ? or # after the host');
    expect(parseSmtpUrl('mail.example.org')).toBe('not a URL');
  });
});
