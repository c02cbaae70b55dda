import { describe, expect, it } from '@jest/globals';
import { lastSent, sentItem, sentPaths, type SentRecord, sinceLastFrom } from '../../../src/core/sent.js';
import { art } from '../../helpers/digest.js';

const record: SentRecord = {
  digests: [
    { sentAt: '2019-03-25T09:00:00.000Z', messageId: '<b@x>', subject: 'B', to: ['m@x.org'], items: [{ path: '2019/b.md', title: 'B', date: '2019-03-23' }, { path: 'pages/p.md', title: 'P' }] },
    { sentAt: '2019-03-12T09:00:00.000Z', messageId: '<a@x>', subject: 'A', to: ['m@x.org'], items: [{ path: '2019/a.md', title: 'A', date: '2019-03-11' }] },
  ],
};

describe('the record of digests sent', () => {
  it('knows the last digest by when it was sent, not by its place in the file', () => {
    expect(lastSent(record)?.messageId).toBe('<b@x>');
    expect(lastSent({ digests: [] })).toBeUndefined();
  });

  it('starts "since last" at the newest dated item of the last digest', () => {
    expect(sinceLastFrom(record)).toBe('2019-03-23');
    expect(sinceLastFrom({ digests: [] })).toBeUndefined();
  });

  it('knows every path that went out in any digest', () => {
    expect([...sentPaths(record)].sort()).toEqual(['2019/a.md', '2019/b.md', 'pages/p.md']);
  });

  it('records an item by path, title and its own date', () => {
    expect(sentItem(art({ title: 'Puno', date: '2019-04-01T10:00:00', path: '2019/2019-04-01-puno.md' }))).toEqual({ path: '2019/2019-04-01-puno.md', title: 'Puno', date: '2019-04-01' });
    expect(sentItem(art({ title: 'Aims', path: 'pages/aims.md' }))).toEqual({ path: 'pages/aims.md', title: 'Aims' });
  });
});
