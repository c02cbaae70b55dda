// Running psg for the arguments given. `psg --version` answers before anything else loads,
// so that it costs little more than starting Node.
import { packageVersion } from './data.js';

const ARCHIVE_READERS = new Set(['list', 'ls', 'stats', 'regions', 'digest', 'validate', 'check', 'search', 'send']);

export async function start(argv: string[]): Promise<void> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  // Commands that read a large archive stat its files on worker threads: start them now.
  if (ARCHIVE_READERS.has(argv[0] ?? '') && !argv.some((a) => a === '--help' || a === '-h' || a === '--no-cache')) {
    (await import('./store/stat.js')).prestartStatWorkers();
  }
  const { main } = await import('./cli/main.js');
  (await import('./ui/trace.js')).trace('modules loaded');
  process.exitCode = await main(argv);
}
