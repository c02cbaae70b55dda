// The entry point when psg runs without its bundle (see bin/psg.js). Only start() sets the exit status.
import { start } from './start.js';

await start(process.argv.slice(2));
