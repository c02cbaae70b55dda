// A failed write to stdout (a full disk: /dev/full) is one line on stderr and exit 2, never a
// stack trace; a closed pipe stays silent.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { BIN, psgEnv, SAMPLE } from '../helpers/run.js';
import { join } from 'node:path';

const cwd = join(SAMPLE, '..');

function intoFull(args: string[]) {
  const full = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: psgEnv({ env: { PSG_TODAY: '2019-07-01' } }), stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 60_000 });
    return { stderr: r.stderr, code: r.status };
  } finally {
    closeSync(full);
  }
}

describe('stdout on a full disk', () => {
  it.each([
    ['list'],
    ['list', '--format', 'json'],
    ['list', '--format', 'csv'],
    ['digest'],
    ['digest', '--format', 'json'],
    ['validate'],
    ['validate', '--format', 'json'],
  ])('psg %s says so in one line and exits 2', (...args) => {
    const r = intoFull(args);
    expect(r.stderr).toBe('psg: cannot write the output: the disk is full (ENOSPC); what was written is incomplete\n');
    expect(r.code).toBe(2);
  });

  it('a closed pipe is still silent', () => {
    const r = spawnSync('bash', ['-c', `'${process.execPath}' '${BIN}' list | head -c 1 >/dev/null`], { cwd, env: psgEnv(), encoding: 'utf8' });
    expect(r.stderr).toBe('');
  });
});
