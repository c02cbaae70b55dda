// The record of digests sent: <articles>/.psg/sent.json. Inside the archive, so git keeps it
// and the whole team shares it; in a folder whose name starts with a dot, so the scanner
// never takes it for an article. Each send rewrites it atomically.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Hold `<articles>/.psg/send.lock` while `run` sends, so that two sends at once cannot both
 * mail the members the same items. A lock whose process is gone is stale and is taken over.
 */
export async function withSendLock<T>(articlesDir: string, run: () => Promise<T>): Promise<T> {
  const lock = join(articlesDir, '.psg', 'send.lock');
  mkdirSync(join(articlesDir, '.psg'), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST' || attempt > 0) throw lockError(lock, error);
      const pid = Number(readFileSync(lock, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new PsgError(`another psg send is running (process ${pid}; ${lock})`, { hint: 'Wait for it to finish; if no psg send is running, delete the lock file' });
      }
      rmSync(lock, { force: true });
    }
  }
  try {
    return await run();
  } finally {
    rmSync(lock, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

function lockError(lock: string, error: unknown): PsgError {
  if (errnoCode(error) === 'EEXIST') return new PsgError(`another psg send took ${lock} first`, { hint: 'Run psg send again once it has finished' });
  return new PsgError(`cannot create ${lock} (${errnoCode(error) ?? String(error)})`, { hint: 'Check that the articles folder can be written to' });
}
