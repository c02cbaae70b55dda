// The built-in data: Peru's gazetteer and the PSG tag vocabulary, shipped in data/.
import { readFileSync } from 'node:fs';
import type { GazetteerData } from './core/gazetteer.js';
import type { TagInfo } from './core/tags.js';

// dist/data.js and src/data.ts both sit one level below the package root.
const DATA_DIR = new URL('../data/', import.meta.url);

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, DATA_DIR), 'utf8')) as T;
}

export function loadGazetteerData(): GazetteerData {
  return readJson<GazetteerData>('peru-regions.json');
}

export function loadBuiltInTags(): TagInfo[] {
  return readJson<{ tags: TagInfo[] }>('psg-tags.json').tags;
}

export function packageVersion(): string {
  return readJson<{ version: string }>('../package.json').version;
}
