import type { CoreContext } from '../context.js';
import { canonicalRegions } from '../normalise.js';
import { error, type Problem, warning } from '../problem.js';
import { foldName, orList } from '../text.js';
import { readStringList, type StringList } from '../values.js';
import type { FileRule } from './types.js';

/**
 * A fix rewrites the whole regions list, so it is safe only when it loses nothing: no item
 * that is not a name, and no province that places does not keep.
 */
export function regionsRewritable(regions: StringList, places: StringList | undefined, ctx: CoreContext): boolean {
  if (regions.bad.length) return false;
  const kept = new Set((places?.values ?? []).map(foldName));
  return regions.values.every((name) => {
    const resolved = ctx.gazetteer.resolve(name);
    return resolved?.kind !== 'province' || kept.has(foldName(resolved.province)) || kept.has(foldName(name));
  });
}

export const regionsRule: FileRule = {
  name: 'regions',
  check({ data }, ctx) {
    const list = readStringList(data.get('regions'));
    if (!list) return []; // field-type reports it
    const problems: Problem[] = [];
    const rewritable = regionsRewritable(list, readStringList(data.get('places')), ctx);
    const fix = rewritable ? { fix: { field: 'regions', value: canonicalRegions(list.values, ctx) } } : {};
    const seen = new Set<string>();
    list.values.forEach((name, i) => {
      const at = { path: list.scalar ? ['regions'] : ['regions', list.indexes[i]!] };
      const resolved = ctx.gazetteer.resolve(name);
      if (!resolved) {
        const near = ctx.gazetteer.suggest(name);
        const mean = near.length ? `; did you mean ${orList(near)}?` : '; `psg regions` lists the 25 regions';
        // A guess: offered where there is one near name and the list can be written back whole.
        const suggestion = near.length === 1 && list.bad.length === 0 ? { suggestion: { field: 'regions', value: list.values.map((v, k) => (k === i ? near[0]! : v)) } } : {};
        problems.push(error('region-unknown', `Unknown region "${name}"${mean}`, { at, ...suggestion }));
        return;
      }
      if (resolved.kind === 'province') {
        problems.push(
          warning('region-noncanonical', `"${name}" is a province of ${resolved.region}: list "${resolved.region}" in regions and "${resolved.province}" in places`, { at, ...fix }),
        );
      } else if (name !== resolved.region) {
        problems.push(warning('region-noncanonical', `Write the region "${name}" as "${resolved.region}"`, { at, ...fix }));
      } else if (seen.has(resolved.region)) {
        problems.push(warning('region-noncanonical', `"${name}" is listed twice; keep one`, { at, ...fix }));
      }
      seen.add(resolved.region);
    });
    return problems;
  },
};
