import { Option } from 'commander';
import { type Register, subcommand } from './runner.js';

export const registerTags: Register = (program, run, version) => {
  const tags = subcommand(program, 'tags', 'every tag with its count, unused vocabulary tags, tags outside the vocabulary; rename and merge', version)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (options, cmd) =>
      run(cmd, async (io, global) => {
        const { tags: list } = await import('../commands/tags.js');
        return list(options, global, io);
      }),
    );
  subcommand(tags, 'rename', 'rename a tag in every article (front matter only) and in the vocabulary', version)
    .argument('<old>', 'the tag to rename')
    .argument('<new>', 'its new name')
    .option('--dry-run', 'print the changes as a unified diff; write nothing')
    .action(async (old: string, next: string, options, cmd) =>
      run(cmd, async (io, global) => {
        const { renameTag } = await import('../commands/tags-edit.js');
        return renameTag(old, next, options, global, io);
      }),
    );
  subcommand(tags, 'merge', 'merge tags into one in every article (front matter only) and in the vocabulary', version)
    .argument('<tags...>', 'the tags to merge')
    .requiredOption('--into <tag>', 'the tag they become (one of them, or a new one)')
    .option('--dry-run', 'print the changes as a unified diff; write nothing')
    .action(async (sources: string[], options, cmd) =>
      run(cmd, async (io, global) => {
        const { mergeTags } = await import('../commands/tags-edit.js');
        return mergeTags(sources, options.into, options, global, io);
      }),
    );
};
