// Peru's 25 regions and 196 provinces: normalise a name, resolve it to a canonical region,
// and suggest the nearest names when it is unknown. Pure: the data comes in as an argument.
import { type Candidate, foldName, suggestFrom } from './text.js';

export interface ProvinceData {
  name: string;
  ubigeo: string;
  capital: string;
  aliases?: string[];
}
export interface RegionData {
  name: string;
  ubigeo: string;
  iso_3166_2: string;
  capital: string;
  aliases: string[];
  provinces: ProvinceData[];
}
export interface GazetteerData {
  regions: RegionData[];
}

export type Resolution =
  | { kind: 'region'; region: string }
  | { kind: 'province'; region: string; province: string };

interface Entry {
  display: string; // the canonical name this key stands for
  resolution: Resolution;
}

// Words people put around a name: "Región Puno", "Puno region", "Provincia de Espinar".
const PREFIX = /^(?:(?:la |el )?(?:region|departamento|department|provincia|province|gobierno regional)(?: de| del| of)? )+/;
const SUFFIX = /(?: (?:region|department|province|provincia))+$/;

function strip(key: string): string {
  return key.replace(PREFIX, '').replace(SUFFIX, '').trim();
}

export class Gazetteer {
  readonly regions: readonly RegionData[];
  private readonly byKey = new Map<string, Entry>();
  private readonly regionByName = new Map<string, RegionData>();
  private readonly suggestions = new Map<string, string[]>();
  private readonly resolved = new Map<string, Resolution | undefined>();

  constructor(data: GazetteerData) {
    this.regions = data.regions;
    // Regions first, so that a name that is both (Cusco, Puno, Ucayali) means the region.
    for (const region of data.regions) {
      this.regionByName.set(region.name, region);
      const entry: Entry = { display: region.name, resolution: { kind: 'region', region: region.name } };
      for (const name of [region.name, ...region.aliases]) this.add(name, entry);
    }
    for (const region of data.regions) {
      for (const province of region.provinces) {
        const entry: Entry = {
          display: province.name,
          resolution: { kind: 'province', region: region.name, province: province.name },
        };
        for (const name of [province.name, ...(province.aliases ?? [])]) this.add(name, entry);
      }
    }
  }

  private add(name: string, entry: Entry): void {
    const key = foldName(name);
    if (!this.byKey.has(key)) this.byKey.set(key, entry);
  }

  /** The canonical region names, in INEI order. */
  regionNames(): string[] {
    return this.regions.map((r) => r.name);
  }

  region(name: string): RegionData | undefined {
    return this.regionByName.get(name);
  }

  /** Resolve a region, alias or province name; undefined when it is not in the gazetteer. */
  resolve(name: string): Resolution | undefined {
    // The same few names come back in every article: fold each once.
    if (this.resolved.has(name)) return this.resolved.get(name);
    const key = foldName(name);
    const found = key ? (this.byKey.get(key)?.resolution ?? this.byKey.get(strip(key))?.resolution) : undefined;
    if (this.resolved.size < 10_000) this.resolved.set(name, found);
    return found;
  }

  /** The canonical region a name stands for (a province gives its region). */
  regionOf(name: string): string | undefined {
    return this.resolve(name)?.region;
  }

  /** True when the name is written exactly as the gazetteer writes a region. */
  isCanonicalRegion(name: string): boolean {
    return this.regionByName.has(name);
  }

  /** Up to `max` canonical names near an unknown one, regions before provinces at equal distance. */
  suggest(name: string, max = 3): string[] {
    const cacheKey = `${max}:${name}`;
    let found = this.suggestions.get(cacheKey);
    if (!found) {
      const candidates: Candidate[] = [];
      for (const [key, entry] of this.byKey) {
        candidates.push({ key, display: entry.display, rank: entry.resolution.kind === 'region' ? 0 : 1 });
      }
      found = suggestFrom(strip(foldName(name)), candidates, max);
      this.suggestions.set(cacheKey, found);
    }
    return found;
  }
}
