// Rewrite an article in place, atomically, and only if nobody changed it since we read it.
import { statSync } from 'node:fs';
import { PsgError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import type { FileStamp } from './read.js';

const BOM = '\uFEFF';

export function rewriteArticle(abs: string, text: string, bom: boolean, readStamp: FileStamp | undefined): void {
  if (readStamp) {
    const now = statSync(abs);
    if (now.size !== readStamp.size || now.mtimeMs !== readStamp.mtimeMs) {
      throw new PsgError(`${abs} changed while psg was fixing it; nothing was written`, { hint: 'Run psg validate --fix again' });
    }
  }
  writeFileAtomic(abs, (bom ? BOM : '') + text, { overwrite: true });
}
