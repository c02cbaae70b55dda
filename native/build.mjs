// Builds psg's native stat helper (native/stat.c) at `npm install`. psg works without it,
// only slower at checking a large archive, so a failed build is a warning, not a failed
// install. The tests check that it was built (test/unit/store/native.test.ts).
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (process.env.PSG_NO_NATIVE) process.exit(0);
// npm names its own node-gyp while it runs a script; by hand, the one on the PATH.
const gyp = process.env.npm_config_node_gyp;
const [command, args] = gyp ? [process.execPath, [gyp]] : ['node-gyp', []];
const run = spawnSync(command, [...args, 'rebuild', '--release', '--loglevel=warn', '--directory', here], { stdio: ['ignore', 'ignore', 'inherit'] });
if (run.status !== 0) {
  process.stderr.write(
    'psg: the native stat helper did not build (see above); psg works without it, only slower on a large archive.\n' +
      'hint: install g++, make and python3, then run `npm run install`\n',
  );
}
