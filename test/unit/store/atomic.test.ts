import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../../../src/store/atomic.js';
import { ROOT } from '../../helpers/run.js';
import { cleanup, testdir } from '../../helpers/testdir.js';

afterAll(cleanup);

function errorCode(action: () => void): string | undefined {
  try {
    action();
  } catch (e) {
    return (e as NodeJS.ErrnoException).code;
  }
  return undefined;
}

describe('writeFileAtomic', () => {
  it('creates a new file whole', () => {
    const dir = testdir();
    writeFileAtomic(join(dir, 'a.md'), 'Jirón\n');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('Jirón\n');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('will not create over an existing file: EEXIST, the file as it was, nothing left behind', () => {
    const dir = testdir({ 'a.md': 'original\n' });
    expect(errorCode(() => writeFileAtomic(join(dir, 'a.md'), 'new\n'))).toBe('EEXIST');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('original\n');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('replaces a file when asked, keeping its mode', () => {
    const dir = testdir({ 'a.md': 'original\n' });
    chmodSync(join(dir, 'a.md'), 0o600);
    writeFileAtomic(join(dir, 'a.md'), new Uint8Array([0x41, 0x0a]), { overwrite: true });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('A\n');
    expect(statSync(join(dir, 'a.md')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('leaves nothing when the folder does not exist', () => {
    const dir = testdir();
    expect(errorCode(() => writeFileAtomic(join(dir, 'nope', 'a.md'), 'x'))).toBe('ENOENT');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('lets exactly one of several racing writers create the file', async () => {
    const dir = testdir();
    const target = join(dir, 'a.md');
    const atomic = pathToFileURL(join(ROOT, 'dist/store/atomic.js')).href;
    const script = `import { writeFileAtomic } from ${JSON.stringify(atomic)};
      try { writeFileAtomic(process.argv[1], 'writer ' + process.argv[2] + '\\n'.repeat(1000)); console.log('won'); }
      catch (e) { console.log(e.code); }`;
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        new Promise<string>((resolve) => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', script, target, String(i)]);
          let out = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.on('close', () => resolve(out.trim()));
        }),
      ),
    );
    expect(runs.filter((r) => r === 'won')).toHaveLength(1);
    expect(runs.filter((r) => r === 'EEXIST')).toHaveLength(5);
    expect(readFileSync(target, 'utf8')).toBe(`writer ${runs.indexOf('won')}${'\n'.repeat(1000)}`);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });
});
