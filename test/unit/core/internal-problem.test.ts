// A failure inside one file's rules is a problem of that file (rule "internal"); the other
// rules still run on it.
import { describe, expect, it } from '@jest/globals';
import { checkFile } from '../../../src/core/rules/index.js';
import { coreContext } from '../../helpers/core.js';

describe('checkFile when a rule fails', () => {
  it('reports an internal problem with a hint to report it, and runs the other rules', () => {
    // Fields whose regions cannot be read: the regions rule fails as a bug in it would.
    class Hostile extends Map<string, unknown> {
      override get(key: string): unknown {
        if (key === 'regions') throw new Error('boom');
        return super.get(key);
      }
    }
    const data = new Hostile([['title', 'T'], ['type', 'news'], ['date', 'not a date'], ['summary', 'S'], ['regions', ['Puno']]]);
    const problems = checkFile({ path: 'a.md', data, body: 'Body.', bodyLine: 8 }, coreContext());
    const internal = problems.filter((p) => p.rule === 'internal');
    expect(internal.length).toBeGreaterThan(0);
    expect(internal[0]!.severity).toBe('error');
    expect(internal[0]!.message).toMatch(/^psg failed inside the \S+ rule on this file \(boom\);.*Please report it/);
    expect(problems.some((p) => p.rule === 'date-invalid')).toBe(true);
  });
});
