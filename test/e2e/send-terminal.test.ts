// The confirmation of psg send in a real terminal (tmux) with the real prompt library, against
// a real SMTP server on 127.0.0.1: the summary shows before anything leaves, "Do not send"
// (the default) sends and records nothing, "Send it" sends once and records it.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testCacheDir } from '../helpers/run.js';
import { SMTP_PASSWORD, SMTP_USER, startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { cleanup, sampleCopy } from '../helpers/testdir.js';
import { hasTmux, startPsg } from '../helpers/tmux.js';

jest.setTimeout(60_000);

let smtp: TestSmtp;
let dir: string;
const env = () => ({ PSG_SMTP_PASSWORD: SMTP_PASSWORD, PSG_CACHE_DIR: testCacheDir() });

beforeAll(async () => {
  if (!hasTmux()) throw new Error('tmux is missing: install it (apt-get install tmux, as .ci/run does)');
  smtp = await startSmtp();
  dir = sampleCopy();
  writeFileSync(
    join(dir, 'psg.config.json'),
    JSON.stringify({
      digest: { title: 'Noticias de Junín' },
      email: { from: 'news@perusupportgroup.org.uk', to: 'members@perusupportgroup.org.uk', smtp: `smtp://${SMTP_USER}@127.0.0.1:${smtp.port}` },
    }),
  );
});

afterAll(async () => {
  await smtp?.close();
  cleanup();
});

describe('psg send on a terminal', () => {
  it('shows what will go out and, answered "Do not send", sends nothing (exit 130)', async () => {
    const term = startPsg(dir, ['send'], env());
    try {
      const screen = await term.waitFor('Send it to 1 recipient?');
      expect(screen).toContain('Subject: Noticias de Junín — 11 March – 1 April 2019');
      expect(screen).toContain('To:      members@perusupportgroup.org.uk');
      expect(screen).toContain('Items:   10 items');
      expect(screen).not.toContain(SMTP_PASSWORD);
      term.keys('Enter');
      expect(await term.exitCode()).toBe(130);
      expect(term.screen()).toContain('Cancelled');
    } finally {
      term.close();
    }
    expect(smtp.received).toHaveLength(0);
    expect(existsSync(join(dir, 'articles/.psg/sent.json'))).toBe(false);
  });

  it('answered "Send it", sends one message and records it', async () => {
    // The exit code of the run before sits in the same folder.
    rmSync(join(dir, '.psg-exit-code'), { force: true });
    const term = startPsg(dir, ['send'], env());
    try {
      await term.waitFor('Send it to 1 recipient?');
      expect(term.screen()).toMatch(/❯ Do not send/);
      term.keys('Up');
      await term.waitFor(/❯ Send it/);
      term.keys('Enter');
      expect(await term.exitCode(20_000)).toBe(0);
      expect(term.screen({ joined: true })).toContain('psg: sent "Noticias de Junín — 11 March – 1 April 2019" (10 items) to members@perusupportgroup.org.uk');
    } finally {
      term.close();
    }
    expect(smtp.received).toHaveLength(1);
    expect(existsSync(join(dir, 'articles/.psg/sent.json'))).toBe(true);
  });
});
