// Articles and digests built in memory, for the digest's unit tests.
import type { Article } from '../../src/core/article.js';
import { parseDateValue } from '../../src/core/dates.js';
import type { DigestSelection } from '../../src/core/digest-select.js';
import { Gazetteer } from '../../src/core/gazetteer.js';
import { loadGazetteerData } from '../../src/data.js';
import { buildDigest, type Digest, type DigestSettings } from '../../src/render/digest/model.js';

export const gazetteer = new Gazetteer(loadGazetteerData());

/** An article; `date` as written in front matter ('2019-03-18' or '2019-03-18T10:00:00'). */
export function art(fields: Partial<Omit<Article, 'date'>> & { date?: string } = {}): Article {
  const { date, ...rest } = fields;
  const parsed = date === undefined ? undefined : parseDateValue(date);
  if (parsed && !parsed.ok) throw new Error(parsed.message);
  const type = rest.type ?? (date === undefined ? 'page' : 'news');
  const slug = rest.slug ?? (rest.title ?? 'item').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    path: rest.path ?? (date ? `${date.slice(0, 4)}/${date.slice(0, 10)}-${slug}.md` : `pages/${slug}.md`),
    slug,
    title: 'Item',
    type,
    summary: 'A summary.',
    regions: [],
    places: [],
    tags: [],
    sources: [],
    draft: false,
    ...rest,
    ...(parsed?.ok && { date: parsed.value }),
  };
}

/** A digest of these articles: dated ones as items, the rest as pages. */
export function digestOf(articles: Article[], settings: Partial<DigestSettings> = {}, period: DigestSelection['period'] = {}): Digest {
  return buildDigest(
    { items: articles.filter((a) => a.date), pages: articles.filter((a) => !a.date), period },
    { lang: 'en', ...settings },
  );
}

/** Values that break markup that does not escape them. */
export const HOSTILE_TITLE = `<script>alert("x")</script> & 'quotes' "double" <img src=x onerror=alert(1)> ]]> and ]]> again`;
export const HOSTILE_SUMMARY = `Fish & chips <b>bold</b> </p></div><script>document.title='owned'</script>\n<img src=x onerror="alert('y')"> ]]> &amp; done`;
