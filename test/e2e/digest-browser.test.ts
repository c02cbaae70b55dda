// The HTML digest in a real browser (Debian's Chromium, which .ci/run installs): on a phone
// (375 px) and a desktop (800 px) nothing scrolls sideways and every title is visible.
// Screenshots go to test-output/ (git-ignored). Without Chromium the test fails, unless
// PSG_SKIP_BROWSER=1 says to skip it.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { psg, ROOT } from '../helpers/run.js';
import { article, cleanup, sampleCopy } from '../helpers/testdir.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = join(ROOT, 'test-output');
const skip = process.env.PSG_SKIP_BROWSER === '1';
if (skip) console.warn('PSG_SKIP_BROWSER=1: the HTML digest browser test is skipped');

jest.setTimeout(120_000);

/** What the test reads in the page (the project's TypeScript has no DOM library). */
interface PageGlobals {
  innerWidth: number;
  document: {
    title: string;
    documentElement: { scrollWidth: number };
    body: { scrollWidth: number; firstElementChild: { getBoundingClientRect(): { width: number } } | null };
    images: { length: number };
    scripts: { length: number };
  };
}

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
    join(dir, 'articles/2019/2019-03-30-long.md'),
    article({
      title: `"Hualgayoc${'-Bambamarca'.repeat(8)}-Chota: <script>document.title='owned'</script>"`,
      type: 'news',
      date: '2019-03-30',
      regions: '[Cajamarca, Lima, Madre de Dios, Moquegua, Puno]',
      summary: `"See https://example.org/${'very-long-path-segment/'.repeat(6)} <img src=x onerror=\\"document.title='owned'\\">"`,
    }),
  );
  const r = psg(['digest', '--pages', '--limit', '11', '--format', 'html', '--site-url', 'https://perusupportgroup.org.uk'], { cwd: dir });
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

describe.each([375, 800])('the HTML digest at %i pixels wide', (width) => {
  (skip ? it.skip : it)('has no horizontal scroll, shows every title whole, and loads nothing', async () => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const requests: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    await page.setContent(html, { waitUntil: 'load' });

    const view = await page.evaluate(() => {
      const { document, innerWidth } = globalThis as unknown as PageGlobals;
      return {
        scrollWidth: document.documentElement.scrollWidth,
        bodyScrollWidth: document.body.scrollWidth,
        innerWidth,
        column: document.body.firstElementChild!.getBoundingClientRect().width,
        title: document.title,
        images: document.images.length,
        scripts: document.scripts.length,
      };
    });
    expect(view.innerWidth).toBe(width);
    expect(view.scrollWidth).toBeLessThanOrEqual(width);
    expect(view.bodyScrollWidth).toBeLessThanOrEqual(width);
    // One column: the whole phone; on a desktop 640 px of text plus 16 px padding each side.
    expect(view.column).toBe(Math.min(width, 672));
    expect(view.title).not.toBe('owned');
    expect(view.images).toBe(0);
    expect(view.scripts).toBe(0);
    expect(requests).toEqual([]);

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

    await page.screenshot({ path: join(SHOTS, `digest-${width}.png`), fullPage: true });
    expect(existsSync(join(SHOTS, `digest-${width}.png`))).toBe(true);
    await page.close();
  });
});
