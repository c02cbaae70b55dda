import { describe, expect, it } from '@jest/globals';
import { Chalk } from 'chalk';
import { countRegions } from '../../../src/commands/regions.js';
import type { Article } from '../../../src/core/article.js';
import { Gazetteer } from '../../../src/core/gazetteer.js';
import { loadGazetteerData } from '../../../src/data.js';
import { regionsJson, regionsTable } from '../../../src/render/regions.js';

const gazetteer = new Gazetteer(loadGazetteerData());
const plain = new Chalk({ level: 0 });

function art(fields: Partial<Article>): Article {
  return { path: 'x.md', slug: 'x', title: 'X', type: 'news', summary: '', regions: [], places: [], tags: [], sources: [], draft: false, ...fields };
}

const articles = [
  art({ regions: ['Cajamarca'], places: ['Cajamarca'] }),
  art({ regions: ['Cajamarca'], places: ['Hualgayoc'] }),
  // A province alone puts the article in its region too.
  art({ places: ['Espinar', 'Chumbivilcas'] }),
  art({ regions: ['Puno', 'Moquegua'], places: ['Jatucachi'] }),
  art({}),
];

describe('countRegions', () => {
  const report = countRegions(articles, gazetteer, true);
  const region = (name: string) => report.regions.find((r) => r.name === name)!;
  const province = (r: string, p: string) => region(r).provinces!.find((x) => x.name === p)!.count;

  it('lists all 25 regions in INEI order, each article once per region', () => {
    expect(report.regions.map((r) => r.name)).toEqual(gazetteer.regionNames());
    expect(region('Cajamarca').count).toBe(2);
    expect(region('Cusco').count).toBe(1);
    expect(region('Puno').count).toBe(1);
    expect(region('Lima').count).toBe(0);
    expect(report.articles).toBe(5);
    expect(report.withoutRegion).toBe(1);
  });

  it('counts a province for the articles with a place that is that province', () => {
    expect(province('Cajamarca', 'Hualgayoc')).toBe(1);
    expect(province('Cusco', 'Espinar')).toBe(1);
    expect(province('Cusco', 'Chumbivilcas')).toBe(1);
    // "Cajamarca" as a place is the region, as everywhere in psg.
    expect(province('Cajamarca', 'Cajamarca')).toBe(0);
  });

  it('leaves provinces out unless asked', () => {
    expect(countRegions(articles, gazetteer).regions.every((r) => r.provinces === undefined)).toBe(true);
  });
});

describe('regions output', () => {
  it('aligns the counts, accents and all', () => {
    const table = regionsTable(countRegions(articles, gazetteer), plain);
    const lines = table.trimEnd().split('\n');
    expect(lines[0]).toBe('REGION         ARTICLES');
    expect(lines).toContain('Cajamarca             2');
    expect(lines).toContain('Áncash                0');
    expect(lines).toContain('Madre de Dios         0');
    expect(new Set(lines.map((l) => [...l].length))).toEqual(new Set([23]));
  });

  it('indents provinces under their region', () => {
    const lines = regionsTable(countRegions(articles, gazetteer, true), plain).split('\n');
    const at = lines.findIndex((l) => l.startsWith('Cajamarca '));
    expect(lines[0]).toMatch(/^REGION \/ PROVINCE +ARTICLES$/);
    expect(lines[at + 1]).toMatch(/^ {2}Cajamarca +0$/);
    expect(lines.find((l) => l.startsWith('  Hualgayoc'))).toMatch(/ 1$/);
    expect(lines.filter((l) => l.startsWith('  '))).toHaveLength(196);
  });

  it('writes JSON with stable field names', () => {
    const json = JSON.parse(regionsJson(countRegions(articles, gazetteer)));
    expect(Object.keys(json)).toEqual(['articles', 'withoutRegion', 'regions']);
    expect(json.regions[5]).toEqual({ name: 'Cajamarca', ubigeo: '06', iso: 'PE-CAJ', capital: 'Cajamarca', count: 2 });
  });
});
