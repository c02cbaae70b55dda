// A new article before it is a file: what the prompts or the flags produced. Turning it into
// text is pure, so the same draft always gives the same bytes, and the YAML reads back as
// exactly the values that went in.
import type { Article } from './article.js';
import type { DateValue } from './dates.js';
import { slugify } from './slug.js';
import { flowList, quoted, scalar } from './yaml-text.js';

export { quoted, scalar };

/** The fields a new article starts with: an Article without the parts that come from its file. */
export type ArticleDraft = Pick<Article, 'type' | 'title' | 'date' | 'summary' | 'regions' | 'places' | 'tags' | 'author' | 'series' | 'part' | 'draft' | 'order'>;

/** The path of the new file inside the articles folder, with forward slashes. */
export function draftPath(draft: Pick<ArticleDraft, 'type' | 'title' | 'date'>): string {
  const slug = slugify(draft.title);
  if (draft.type === 'page' || !draft.date) return `pages/${slug}.md`;
  const day = draft.date.date;
  return `${day.slice(0, 4)}/${day}-${slug}.md`;
}

function dateText({ date, time, offset }: DateValue): string {
  return time ? `${date}T${time}${offset ?? ''}` : date;
}

/** The front matter, in the order the sample archive uses. */
export function frontMatter(draft: ArticleDraft): string {
  const lines = [`title: ${quoted(draft.title)}`, `type: ${draft.type}`];
  if (draft.date && draft.type !== 'page') lines.push(`date: ${dateText(draft.date)}`);
  if (draft.draft) lines.push('draft: true');
  if (draft.series) lines.push(`series: ${scalar(draft.series)}`);
  if (draft.part !== undefined) lines.push(`part: ${draft.part}`);
  // Dated items always say which regions they are about; [] is national news.
  if (draft.regions.length || draft.type !== 'page') lines.push(`regions: ${flowList(draft.regions)}`);
  if (draft.places.length) lines.push(`places: ${flowList(draft.places)}`);
  if (draft.tags.length) lines.push(`tags: ${flowList(draft.tags)}`);
  if (draft.author) lines.push(`author: ${scalar(draft.author)}`);
  if (draft.order !== undefined) lines.push(`order: ${draft.order}`);
  lines.push(`summary: ${quoted(draft.summary)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/**
 * The whole file: front matter, a blank line, then the body. The body is the type's template
 * when there is one; without one the summary opens the text, as in every sample article.
 */
export function draftText(draft: ArticleDraft, template?: string): string {
  const body = template === undefined ? `${draft.summary}\n` : template.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  return `${frontMatter(draft)}\n${body.endsWith('\n') || body === '' ? body : `${body}\n`}`;
}
