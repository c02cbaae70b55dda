// The entry point. Only this file sets the exit status. `psg --version` answers before
// anything else loads, so that it costs little more than starting Node.
import { packageVersion } from './data.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const { main } = await import('./cli/main.js');
  (await import('./ui/trace.js')).trace('modules loaded');
  process.exitCode = await main(argv);
}
