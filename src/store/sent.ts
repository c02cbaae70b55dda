// The record of digests sent: <articles>/.psg/sent.json. Inside the archive, so git keeps it
// and the whole team shares it; in a folder whose name starts with a dot, so the scanner
// never takes it for an article. Each send rewrites it atomically.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SentDigest, SentRecord } from '../core/sent.js';
import { errnoCode, PsgError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';

export const SENT_FILE = '.psg/sent.json';

export function sentFile(articlesDir: string): string {
  return join(articlesDir, SENT_FILE);
}

function damaged(file: string, why: string): PsgError {
  return new PsgError(`${file} is not a record of digests sent: ${why}`, {
    hint: `psg writes it after each send; restore it from git (git checkout -- ${SENT_FILE}) or fix the JSON`,
  });
}

function isSentDigest(d: unknown): d is SentDigest {
  if (typeof d !== 'object' || d === null) return false;
  const o = d as Record<string, unknown>;
  return (
    typeof o.sentAt === 'string' &&
    typeof o.messageId === 'string' &&
    Array.isArray(o.items) &&
    o.items.every((i: unknown) => typeof i === 'object' && i !== null && typeof (i as { path?: unknown }).path === 'string')
  );
}

export function readSent(articlesDir: string): SentRecord {
  const file = sentFile(articlesDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { digests: [] };
    throw new PsgError(`cannot read ${file} (${errnoCode(error) ?? String(error)})`, { hint: 'Check its permissions' });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw damaged(file, (e as Error).message);
  }
  const digests = (raw as { digests?: unknown } | null)?.digests;
  if (!Array.isArray(digests)) throw damaged(file, 'it has no "digests" list');
  const wrong = digests.findIndex((d) => !isSentDigest(d));
  if (wrong >= 0) throw damaged(file, `entry ${wrong + 1} lacks sentAt, messageId or items`);
  return { digests: digests as SentDigest[] };
}

/** Add one digest to the record, re-reading it first so that nothing written meanwhile is lost. */
export function recordSent(articlesDir: string, digest: SentDigest): void {
  const record = readSent(articlesDir);
  record.digests.push(digest);
  const file = sentFile(articlesDir);
  mkdirSync(join(articlesDir, '.psg'), { recursive: true });
  writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`, { overwrite: true });
}
