// File names from titles: lowercase ASCII, accents transliterated, punctuation to hyphens,
// at most 80 characters cut at a word boundary. Only [a-z0-9-] survive, so no title can
// name a path outside the folder.
import { fold } from './text.js';

export const SLUG_MAX = 80;

// Letters that Unicode does not decompose into a base letter and a mark.
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

export function slugify(title: string, max = SLUG_MAX): string {
  const ascii = fold(title)
    .replace(/[ßæœøłđðþı]/g, (c) => SPECIAL[c] ?? '')
    .replace(/['’‘`´]/g, '') // "Dylon’s" → dylons, not dylon-s
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= max) return ascii || 'untitled';
  const cut = ascii.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : ascii.slice(0, max)).replace(/-+$/, '');
}
