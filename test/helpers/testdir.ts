// Small article folders in temp dirs, built from inline trees (after changesets' testdir()).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SAMPLE } from './run.js';

const made: string[] = [];

/** A temp folder holding `files` (path → content); returns its path. */
export function testdir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'psg-test-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

/** A temp copy of the sample archive, as `<dir>/articles`; returns `<dir>`. */
export function sampleCopy(): string {
  const dir = testdir();
  cpSync(SAMPLE, join(dir, 'articles'), { recursive: true });
  return dir;
}

/** Front matter plus body, for inline trees. */
export function article(fields: Record<string, string>, body = 'Body text.\n'): string {
  const lines = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

/** Remove every folder testdir() made; call from afterAll. */
export function cleanup(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
