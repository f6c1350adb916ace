import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n';
import { completeMapping, statusMeanings, type MappingDraft } from './column-mapping';

const t = translator('en');
const DRAFT: MappingDraft = { orderNo: 'Order', buyer: 'Customer', amount: 'Total', date: 'Date', status: 'State', platform: 'other' };
const VALUES = {
  State: [
    ['Shipped', 5],
    ['', 3],
  ] as [string, number][],
};

describe('the empty cells of a status column', () => {
  it('are a value of their own that nothing guesses: the mapping asks for its meaning by count', () => {
    expect(statusMeanings(DRAFT, VALUES)).toEqual([
      { value: 'Shipped', count: 5, status: 'shipped' },
      { value: '', count: 3, status: undefined },
    ]);
    expect(completeMapping(DRAFT, t, VALUES)).toEqual({ missing: 'Say what an empty status means (3 rows): they would otherwise be left out.' });
  });

  it('once given a meaning (as a near Etsy file starts with), are saved with the mapping', () => {
    const done = completeMapping({ ...DRAFT, statusValues: { '': 'paid' } }, t, VALUES);
    expect(done).toEqual({ mapping: expect.objectContaining({ statusValues: { Shipped: 'shipped', '': 'paid' } }) });
  });
});
