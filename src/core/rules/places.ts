import { canonicalRegions } from '../normalise.js';
import { type Problem, warning } from '../problem.js';
import { readStringList } from '../values.js';
import { regionsRewritable } from './regions.js';
import type { FileRule } from './types.js';

/** A place that is a known province (or region) whose region the article does not list. */
export const placesRule: FileRule = {
  name: 'places',
  check({ data }, ctx) {
    const places = readStringList(data.get('places'));
    const regions = readStringList(data.get('regions'));
    if (!places || !regions) return [];
    const listed = canonicalRegions(regions.values, ctx);
    const rewritable = regionsRewritable(regions, places, ctx);
    const problems: Problem[] = [];
    places.values.forEach((place, i) => {
      const region = ctx.gazetteer.regionOf(place);
      if (!region || listed.includes(region)) return;
      const at = { path: places.scalar ? ['places'] : ['places', places.indexes[i]!] };
      const fix = rewritable ? { fix: { field: 'regions', value: [...listed, region] } } : {};
      problems.push(
        warning('place-outside-regions', `"${place}" is in ${region}, which is not in regions; add "${region}" to regions`, { at, ...fix }),
      );
    });
    return problems;
  },
};
