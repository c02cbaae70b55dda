import { canonicalRegions } from '../normalise.js';
import { error, type Problem, warning } from '../problem.js';
import { orList } from '../text.js';
import { readStringList } from '../values.js';
import type { FileRule } from './types.js';

export const regionsRule: FileRule = {
  name: 'regions',
  check({ data }, ctx) {
    const list = readStringList(data.get('regions'));
    if (!list || list.scalar) return []; // field-type reports these
    const problems: Problem[] = [];
    const fixed = canonicalRegions(list.values, ctx);
    const seen = new Set<string>();
    list.values.forEach((name, i) => {
      const at = { path: ['regions', i] };
      const resolved = ctx.gazetteer.resolve(name);
      if (!resolved) {
        const near = ctx.gazetteer.suggest(name);
        const mean = near.length ? `; did you mean ${orList(near)}?` : '; `psg regions` lists the 25 regions';
        problems.push(error('region-unknown', `Unknown region "${name}"${mean}`, { at }));
        return;
      }
      const fix = { field: 'regions', value: fixed };
      if (resolved.kind === 'province') {
        problems.push(
          warning('region-noncanonical', `"${name}" is a province of ${resolved.region}: list "${resolved.region}" in regions and "${resolved.province}" in places`, { at, fix }),
        );
      } else if (name !== resolved.region) {
        problems.push(warning('region-noncanonical', `Write the region "${name}" as "${resolved.region}"`, { at, fix }));
      } else if (seen.has(resolved.region)) {
        problems.push(warning('region-noncanonical', `"${name}" is listed twice; keep one`, { at, fix }));
      }
      seen.add(resolved.region);
    });
    return problems;
  },
};
