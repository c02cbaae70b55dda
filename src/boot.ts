// What bin/psg.js runs. psg's modules come from dist/psg.cjs, one script made by `npm run
// build` (scripts/bundle.mjs), compiled with a V8 code cache kept in the cache folder: Node 20
// has no compile cache for ES modules, and finding, reading and compiling some 85 of them
// cost every command 30 to 60 ms. Without the script, or when the modules were compiled after
// it was made (a `tsc` alone), or with PSG_NO_BUNDLE=1, the modules load one by one as before.
import { readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';
import { cacheDir } from './store/cache-dir.js';
import { trace } from './ui/trace.js';

const CODE = /^code-.*\.v8$/;

/** The script's file, when it is there and no older than the modules it was made from. */
function currentBundle(): string | undefined {
  if (process.env.PSG_NO_BUNDLE === '1') return undefined;
  const file = fileURLToPath(new URL('psg.cjs', import.meta.url));
  const bundle = statSync(file, { throwIfNoEntry: false });
  const start = statSync(fileURLToPath(new URL('start.js', import.meta.url)), { throwIfNoEntry: false });
  return bundle && start && start.mtimeMs <= bundle.mtimeMs ? file : undefined;
}

/**
 * A code cache file: "psg-v8", the checksum and length of the data, then V8's data. V8 checks
 * that data suits its own version and flags and the source's length, but not that the data
 * is whole: damaged data can crash it. So the data goes to V8 only when its checksum holds.
 */
const MAGIC = Buffer.from('psg-v8\n\0');
const HEAD = MAGIC.length + 8;

function sealed(data: Buffer): Buffer {
  const head = Buffer.alloc(HEAD);
  MAGIC.copy(head);
  head.writeUInt32LE(crc32(data), MAGIC.length);
  head.writeUInt32LE(data.length, MAGIC.length + 4);
  return Buffer.concat([head, data]);
}

function unsealed(file: Buffer): Buffer | undefined {
  if (file.length < HEAD || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const data = file.subarray(HEAD);
  return data.length === file.readUInt32LE(MAGIC.length + 4) && crc32(data) === file.readUInt32LE(MAGIC.length) ? data : undefined;
}

/**
 * Keep the compiled code for next time, once the run is over (so that it holds the functions
 * this run compiled, not only the script's top level). Only into a cache folder psg has made
 * already (it makes it with its own permissions when it keeps an index), and never with
 * --no-cache. A code cache only saves time: any failure is silent.
 */
function keepAtExit(script: vm.Script, dir: string, name: string): void {
  process.once('exit', () => {
    const temp = join(dir, `.${name}.${process.pid}.tmp`);
    try {
      if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
      writeFileSync(temp, sealed(script.createCachedData()), { mode: 0o600 });
      renameSync(temp, join(dir, name));
      // The caches of other versions of psg or Node are of no more use.
      for (const old of readdirSync(dir)) if (CODE.test(old) && old !== name) unlinkSync(join(dir, old));
    } catch {
      try {
        unlinkSync(temp);
      } catch {
        /* never made */
      }
    }
  });
}

async function boot(argv: string[]): Promise<void> {
  const bundle = currentBundle();
  if (!bundle) {
    await import('./cli.js');
    return;
  }
  const bytes = readFileSync(bundle);
  const dir = resolve(cacheDir(process.env));
  // Named by the script's checksum: a rebuilt script never meets the code of another.
  const name = `code-${process.version}-${process.arch}-${crc32(bytes).toString(16)}.v8`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = unsealed(readFileSync(join(dir, name)));
  } catch {
    cachedData = undefined;
  }
  const source = bytes.toString('utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    cachedData,
  });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  trace(used ? 'code cache used' : cachedData ? 'code cache refused by V8' : 'no code cache');
  const module = { exports: {} as { start(argv: string[]): Promise<void> } };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(bundle), module, bundle, fileURLToPath(new URL('.', import.meta.url)));
  if (!used && !argv.includes('--no-cache')) keepAtExit(script, dir, name);
  await module.exports.start(argv);
}

await boot(process.argv.slice(2));
