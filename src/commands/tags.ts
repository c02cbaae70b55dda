// psg tags: every tag with its count, the vocabulary's unused tags, and tags used outside it.
import { tagUsage } from '../core/tag-usage.js';
import { ExitCode } from '../errors.js';
import { tagsJson, tagsTable } from '../render/tags.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace } from '../workspace.js';
import { loadArticles } from './shared.js';

export interface TagsOptions {
  format: 'table' | 'json';
}

export async function tags(options: TagsOptions, global: GlobalOptions, io: Io): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  const archive = await loadArticles(ws, global, io);
  const report = tagUsage(archive.articles, ws.ctx.tags);
  io.out(options.format === 'json' ? tagsJson(report) : tagsTable(report, io.paint));
  return ExitCode.ok;
}
