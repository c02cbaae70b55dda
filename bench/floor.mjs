// The I/O floor: a plain Node script that finds and reads every .md file of a folder.
// Nothing can list or check articles faster than it can read them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let files = 0;
let bytes = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.md')) {
      bytes += readFileSync(path).length;
      files++;
    }
  }
}
walk(process.argv[2]);
process.stdout.write(`${files} files, ${bytes} bytes\n`);
