// A long paste at a prompt never freezes psg new: each answer is bounded (a title at 160
// characters, a summary at 4,000) and the keys after the paste are heard at once.
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, sampleCopy } from '../helpers/testdir.js';
import { type PsgTerminal, startPsg } from '../helpers/tmux.js';

afterAll(cleanup);
let term: PsgTerminal | undefined;
afterEach(() => term?.close());

const PASTE = 'paste '.repeat(100_000 / 6);

describe('psg new and a 100 KB paste', () => {
  it('keeps 160 characters of a pasted title, goes on at once, and Ctrl-C still cancels', async () => {
    const dir = sampleCopy();
    const before = readdirSync(join(dir, 'articles'), { recursive: true }).length;
    term = startPsg(dir, ['new'], { PSG_TODAY: '2019-04-20' });
    await term.waitFor('? Type');
    term.keys('Enter'); // news
    await term.waitFor('? Title');
    const start = Date.now();
    term.paste(PASTE, dir);
    term.keys('Enter');
    const screen = await term.waitFor('? Date', 20_000);
    expect(Date.now() - start).toBeLessThan(20_000);
    // The title as answered: 160 characters of the paste, no more.
    // The answer wraps at the terminal's width: put its rows back together.
    const answer = screen.slice(screen.indexOf('Title ') + 'Title '.length, screen.indexOf('? Date')).replace(/\n/g, '');
    expect(answer.trimEnd()).toBe(PASTE.slice(0, 160).trimEnd());
    term.keys('C-c');
    expect(await term.exitCode(10_000)).toBe(130);
    expect(readdirSync(join(dir, 'articles'), { recursive: true }).length).toBe(before);
  }, 60_000);

  it('hears Ctrl-C right after the paste', async () => {
    const dir = sampleCopy();
    term = startPsg(dir, ['new', 'news'], { PSG_TODAY: '2019-04-20' });
    await term.waitFor('? Title');
    term.paste(PASTE, dir);
    term.keys('C-c');
    expect(await term.exitCode(20_000)).toBe(130);
    expect(term.screen()).toContain('Cancelled');
  }, 60_000);
});
