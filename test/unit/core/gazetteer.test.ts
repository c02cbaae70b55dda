import { describe, expect, it } from '@jest/globals';
import { Gazetteer } from '../../../src/core/gazetteer.js';
import { loadGazetteerData } from '../../../src/data.js';

const gazetteer = new Gazetteer(loadGazetteerData());

describe('gazetteer', () => {
  it('holds 25 regions and 196 provinces', () => {
    expect(gazetteer.regions).toHaveLength(25);
    expect(gazetteer.regions.reduce((n, r) => n + r.provinces.length, 0)).toBe(196);
  });

  it.each([
    ['Cusco', 'Cusco'],
    ['cuzco', 'Cusco'],
    ['CUSCO', 'Cusco'],
    ['Junin', 'Junín'],
    ['junín', 'Junín'],
    ['Lima Metropolitana', 'Lima'],
    ['Región Puno', 'Puno'],
    ['Puno region', 'Puno'],
    ['madre de dios', 'Madre de Dios'],
    ['Ancash', 'Áncash'],
    ['san martin', 'San Martín'],
  ])('resolves the region %s to %s', (name, region) => {
    expect(gazetteer.resolve(name)).toEqual({ kind: 'region', region });
  });

  it.each([
    ['Espinar', 'Cusco', 'Espinar'],
    ['Hualgayoc', 'Cajamarca', 'Hualgayoc'],
    ['nazca', 'Ica', 'Nasca'],
    ['Provincia de Espinar', 'Cusco', 'Espinar'],
  ])('resolves the province %s to %s', (name, region, province) => {
    expect(gazetteer.resolve(name)).toEqual({ kind: 'province', region, province });
  });

  it('takes a name that is both a region and a province as the region', () => {
    expect(gazetteer.resolve('Ucayali')).toEqual({ kind: 'region', region: 'Ucayali' });
    expect(gazetteer.resolve('Puno')).toEqual({ kind: 'region', region: 'Puno' });
  });

  it('suggests up to three names for an unknown one, the closest first', () => {
    expect(gazetteer.suggest('Cajamrca')[0]).toBe('Cajamarca');
    expect(gazetteer.suggest('Cuzko')[0]).toBe('Cusco');
    expect(gazetteer.suggest('Moqegua')[0]).toBe('Moquegua');
    expect(gazetteer.suggest('Are')).toContain('Arequipa');
    expect(gazetteer.suggest('Cuzko').length).toBeLessThanOrEqual(3);
    expect(gazetteer.suggest('xyzzyplugh')).toEqual([]);
    expect(gazetteer.resolve('Atlantis')).toBeUndefined();
  });
});
