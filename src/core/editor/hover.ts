// Hover on a region (or a province) in the front matter: what the gazetteer knows of it.
import type { Gazetteer } from '../gazetteer.js';

/** Markdown for a hover, or undefined when the word is no region or province. */
export function regionHover(word: string, gazetteer: Gazetteer): string | undefined {
  const found = gazetteer.resolve(word);
  if (!found) return undefined;
  const region = gazetteer.region(found.region)!;
  const head = `**${region.name}** — region ${region.ubigeo} (${region.iso_3166_2}), capital ${region.capital}`;
  const provinces = `${region.provinces.length} provinces: ${region.provinces.map((p) => p.name).join(', ')}`;
  if (found.kind === 'province') return `**${found.province}** — a province of ${region.name}\n\n${head}\n\n${provinces}`;
  const alias = word.trim() === region.name ? '' : `\n\n"${word.trim()}" is written "${region.name}" in psg`;
  return `${head}\n\n${provinces}${alias}`;
}
