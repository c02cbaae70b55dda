// The HTML digest in a real browser (Debian's Chromium, which .ci/run installs): on a phone
// (375 px), at the column's own width (600 px) and on a desktop (800 px), in the light and
// the dark colour scheme, it is one column, nothing scrolls sideways, every title is visible,
// and every piece of text is readable on the background it is drawn on (WCAG contrast from
// the computed styles). Screenshots go to test-output/ (git-ignored). Without Chromium the
// test fails, unless PSG_SKIP_BROWSER=1 says to skip it.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { psg, ROOT } from '../helpers/run.js';
import { article, cleanup, sampleCopy } from '../helpers/testdir.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = join(ROOT, 'test-output');
const SITE = 'https://perusupportgroup.org.uk';
const skip = process.env.PSG_SKIP_BROWSER === '1';
if (skip) console.warn('PSG_SKIP_BROWSER=1: the HTML digest browser test is skipped');

jest.setTimeout(120_000);

interface Looked {
  scrollWidth: number;
  bodyScrollWidth: number;
  innerWidth: number;
  columnWidth: number;
  columnLeft: number;
  title: string;
  images: number;
  scripts: number;
  /** Every element that draws text, with its contrast against the background beneath it. */
  texts: { tag: string; text: string; colour: string; background: string; ratio: number; visible: boolean }[];
  preheaderShown: boolean;
}

// Runs in the page (plain JavaScript: the project's TypeScript has no DOM library). The
// background of a piece of text is that of the nearest box below it that paints one.
const LOOK = `(() => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const backgroundOf = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      const parts = rgb(c);
      if (parts.length === 3 || (parts.length === 4 && parts[3] > 0)) return c;
    }
    return getComputedStyle(document.documentElement).backgroundColor;
  };
  const texts = [];
  for (const el of document.body.querySelectorAll('h1, h2, p, a, td, span')) {
    const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
    if (!own) continue;
    const style = getComputedStyle(el);
    const colour = style.color;
    const background = backgroundOf(el);
    const a = lum(rgb(colour)), b = lum(rgb(background));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const r = el.getBoundingClientRect();
    texts.push({ tag: el.tagName.toLowerCase(), text: own.slice(0, 40), colour, background, ratio, visible: style.display !== 'none' && r.width > 0 && r.height > 0 });
  }
  const column = document.querySelector('table table');
  const box = column.getBoundingClientRect();
  const pre = document.body.querySelector('span');
  return {
    scrollWidth: document.documentElement.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth,
    innerWidth,
    columnWidth: box.width,
    columnLeft: box.left,
    title: document.title,
    images: document.images.length,
    scripts: document.scripts.length,
    texts: texts.filter((t) => t.visible),
    preheaderShown: pre.getBoundingClientRect().height > 0 && getComputedStyle(pre).display !== 'none',
  };
})()`;

let browser: Browser;
let html: string;
let titles: string[];

beforeAll(async () => {
  if (skip) return;
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium, as .ci/run does), or set PSG_SKIP_BROWSER=1 to skip this test`);
  }
  // The sample archive with its pages, plus an item whose title is one long word, a summary
  // with a long address, and markup that must stay text.
  const dir = sampleCopy();
  writeFileSync(
    join(dir, 'psg.config.json'),
    JSON.stringify({ email: { footer: 'The Peru Support Group sends this digest to its members.', unsubscribe: 'mailto:leave@perusupportgroup.org.uk' } }),
  );
  writeFileSync(
    join(dir, 'articles/2019/2019-03-30-long.md'),
    article({
      title: `"Hualgayoc${'-Bambamarca'.repeat(8)}-Chota: <script>document.title='owned'</script>"`,
      type: 'news',
      date: '2019-03-30',
      regions: '[Cajamarca, Lima, Madre de Dios, Moquegua, Puno]',
      summary: `"See https://example.org/${'very-long-path-segment/'.repeat(6)} <img src=x onerror=\\"document.title='owned'\\">"`,
    }),
  );
  const r = psg(['digest', '--pages', '--limit', '11', '--format', 'html', '--site-url', SITE], { cwd: dir });
  expect(r.code).toBe(0);
  html = r.stdout;
  titles = [...html.matchAll(/<h2[^>]*><a[^>]*>([^<]+)<\/a><\/h2>/g)].map((m) => m[1]!);
  expect(titles).toHaveLength(15);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  cleanup();
});

describe('the ten sample items as HTML', () => {
  it('are under 100 KB, with no div-based layout, and psg says nothing about size', () => {
    const r = psg(['digest', '--format', 'html', '--site-url', SITE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.match(/<h2/g)).toHaveLength(10);
    expect(Buffer.byteLength(r.stdout)).toBeLessThan(100 * 1024);
    expect(r.stdout).not.toMatch(/<div/i);
  });
});

describe.each([
  [375, 'light'],
  [600, 'light'],
  [800, 'light'],
  [375, 'dark'],
  [800, 'dark'],
] as const)('the HTML digest at %i pixels wide, %s colour scheme', (width, scheme) => {
  (skip ? it.skip : it)('is one column without sideways scroll, shows every title whole, is readable, and loads nothing', async () => {
    const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
    const requests: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    await page.setContent(html, { waitUntil: 'load' });
    expect(await page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")).toBe(scheme === 'dark');

    const view = (await page.evaluate(LOOK)) as Looked;
    expect(view.innerWidth).toBe(width);
    expect(view.scrollWidth).toBeLessThanOrEqual(width);
    expect(view.bodyScrollWidth).toBeLessThanOrEqual(width);
    // One column: the whole phone, else 600 px in the middle.
    expect(view.columnWidth).toBe(Math.min(width, 600));
    expect(view.columnLeft).toBe(Math.max(0, (width - 600) / 2));
    expect(view.title).not.toBe('owned');
    expect(view.images).toBe(0);
    expect(view.scripts).toBe(0);
    expect(requests).toEqual([]);
    expect(view.preheaderShown).toBe(false);
    // WCAG AA for body text: 4.5:1 against the background each piece is drawn on.
    expect(view.texts.length).toBeGreaterThan(40);
    const unreadable = view.texts.filter((t) => t.ratio < 4.5);
    expect(unreadable).toEqual([]);

    const headings = page.locator('h2');
    expect(await headings.count()).toBe(titles.length);
    for (let i = 0; i < titles.length; i++) {
      const h = headings.nth(i);
      await h.scrollIntoViewIfNeeded();
      expect(await h.isVisible()).toBe(true);
      const box = await h.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, height: r.height, clipped: el.scrollWidth > el.clientWidth };
      });
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(width);
      expect(box.height).toBeGreaterThan(0);
      expect(box.clipped).toBe(false);
    }
    expect(await headings.first().innerText()).toBe('Letter from Puno: Using the law to protect community rights');

    const shot = join(SHOTS, `digest-${width}-${scheme}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);
    await page.close();
  });
});
