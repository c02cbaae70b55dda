// Temp files left by a psg that was killed mid-write (kill -9, a power cut): the next run that
// writes in the folder removes those of psg's own naming whose writer is gone or that are
// older than a minute (no write of psg takes that long between creating and renaming one).
import { lstatSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** psg's temp files: ".<name>.<pid>.<8 hex>.tmp" (see atomic.ts). */
export const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

const STALE_MS = 60_000;

// Once per folder and run: --fix over thousands of files writes many times into one folder.
const swept = new Set<string>();

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function removeStaleTemps(dir: string, now = Date.now()): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // the write itself will say what is wrong with the folder
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid === process.pid) continue;
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      if (!st.isFile()) continue;
      if (running(pid) && now - st.mtimeMs < STALE_MS) continue;
      unlinkSync(path);
    } catch {
      /* gone already, or not ours to remove */
    }
  }
}
