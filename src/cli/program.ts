// The psg program as commander sees it: global options and every verb. Completion reads it
// too, so that the completion script always matches the real commands.
import { Command } from 'commander';
import { registerCache } from './cache.js';
import { registerCompletion } from './completion.js';
import { registerDigest } from './digest.js';
import { registerHook } from './hook.js';
import { registerInit } from './init.js';
import { registerList } from './list.js';
import { registerLsp } from './lsp.js';
import { registerNew } from './new.js';
import { registerPublish } from './publish.js';
import { registerRegions } from './regions.js';
import type { Run } from './runner.js';
import { registerRename } from './rename.js';
import { registerSeries } from './series.js';
import { registerSearch } from './search.js';
import { registerSend } from './send.js';
import { registerSchema } from './schema.js';
import { registerStats } from './stats.js';
import { registerTags } from './tags.js';
import { registerValidate } from './validate.js';

export function buildProgram(version: string, run: Run): Command {
  const program = new Command('psg')
    .description('The command-line newsroom of the Peru Support Group: news items, letters and pages as Markdown files.')
    .version(version, '-V, --version', 'print the version')
    .option('--dir <dir>', 'the articles folder (else PSG_DIR, articlesDir in psg.config.json, the nearest articles/ upward)')
    .option('--config <file>', 'the config file (else psg.config.json, searched upward)')
    .option('--no-color', 'plain output, no colour (also NO_COLOR)')
    .option('--no-cache', 'read every file, ignoring the index in the cache folder')
    .option('--debug', 'show stack traces of errors')
    .showSuggestionAfterError(true)
    // Every subcommand's --help lists these too: they are valid after any command.
    .configureHelp({ showGlobalOptions: true });
  for (const register of [
    registerNew,
    registerList,
    registerValidate,
    registerDigest,
    registerInit,
    registerPublish,
    registerRegions,
    registerStats,
    registerSeries,
    registerRename,
    registerSearch,
    registerCompletion,
    registerSend,
    registerTags,
    registerSchema,
    registerHook,
    registerLsp,
    registerCache,
  ]) {
    register(program, run, version);
  }
  return program;
}
