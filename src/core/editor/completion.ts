// What to offer as the user types front matter: field names at the start of a line, then
// values for the field the cursor is in: types, regions (aliases and accents understood:
// "Cuzco" and "Junin" find Cusco and Junín), provinces for places, tags of the vocabulary.
import { ARTICLE_TYPES, FIELDS } from '../article.js';
import type { CoreContext } from '../context.js';
import { foldName } from '../text.js';
import { type Place } from './place.js';

export interface Offer {
  label: string;
  kind: 'field' | 'value';
  detail?: string;
  /** What the editor filters on: the name the user's prefix matched (an alias, unaccented). */
  filterText?: string;
  /** The text put in, when it is not the label ("title: "). */
  insert?: string;
}

/** The first of `names` that starts like the prefix, folded; undefined when none does. */
function matching(prefix: string, names: readonly string[]): string | undefined {
  const key = foldName(prefix);
  return names.find((n) => foldName(n).startsWith(key));
}

function regionOffers(prefix: string, ctx: CoreContext): Offer[] {
  const out: Offer[] = [];
  for (const r of ctx.gazetteer.regions) {
    const hit = matching(prefix, [r.name, ...r.aliases]);
    if (hit !== undefined) out.push({ label: r.name, kind: 'value', detail: `region, capital ${r.capital}`, filterText: prefix ? hit : r.name });
  }
  return out;
}

function placeOffers(prefix: string, ctx: CoreContext): Offer[] {
  if (!prefix) return [];
  const out: Offer[] = [];
  for (const r of ctx.gazetteer.regions) {
    for (const p of r.provinces) {
      const hit = matching(prefix, [p.name, ...(p.aliases ?? [])]);
      if (hit !== undefined) out.push({ label: p.name, kind: 'value', detail: `province of ${r.name}`, filterText: hit });
    }
  }
  return out;
}

export function completions(place: Place, present: ReadonlySet<string>, ctx: CoreContext): Offer[] {
  if (place.atKey) {
    return FIELDS.filter((f) => !present.has(f.name)).map((f) => ({ label: f.name, kind: 'field', detail: f.description, insert: `${f.name}: ` }));
  }
  switch (place.field) {
    case 'type':
      return ARTICLE_TYPES.map((t) => ({ label: t, kind: 'value', detail: 'article type' }));
    case 'regions':
      return regionOffers(place.prefix, ctx);
    case 'places':
      return placeOffers(place.prefix, ctx);
    case 'tags':
      return ctx.tags.tags
        .filter((t) => t.tag.startsWith(foldName(place.prefix).replace(/ /g, '-')))
        .map((t) => ({ label: t.tag, kind: 'value', detail: t.meaning ?? 'tag of the vocabulary' }));
    case 'draft':
      return ['true', 'false'].map((v) => ({ label: v, kind: 'value' }));
    default:
      return [];
  }
}
