import { describe, expect, it } from 'vitest';
import { jsonDigest } from './hash';

const order = {
  platform: 'shopify',
  orderNo: '#1001',
  buyer: { name: 'Ana', email: 'ana@example.com', phone: '+15550100' },
  amountMinor: 12345,
  currency: 'USD',
  status: 'paid',
  placedAt: 1_700_000_000_000,
  items: [{ title: 'Tea', sku: 'T-1', quantity: 2, priceMinor: 500 }],
};
const copy = () => structuredClone(order);

describe('jsonDigest', () => {
  // The digests an import compares rows by, as they were when the walk's state was two module
  // variables: kept in a typed array now, each value must digest to the same number.
  it('gives the numbers it gave before its state moved into a typed array', () => {
    const row = { platform: 'shopify', orderNo: '#1001', amountMinor: 12345, placedAt: 1733616000000, items: [{ sku: 'A', qty: 2 }], note: undefined };
    const values = [null, 'é中', 1.5, -3, 2 ** 40, [1, 'a', { b: true, c: null, d: [] }], row];
    const before = [4368228512083185, 579093968860064, 2454308609186200, 2540278895075080, 1225824518322544, 1420923029803649, 8930995792215104];
    expect(values.map(jsonDigest)).toEqual(before);
  });

  it('gives the same row the same digest, as a 53-bit number', () => {
    expect(jsonDigest(copy())).toBe(jsonDigest(order));
    expect(Number.isSafeInteger(jsonDigest(order))).toBe(true);
  });

  it('leaves out undefined properties, as the row as JSON does', () => {
    expect(jsonDigest({ ...order, paidAt: undefined })).toBe(jsonDigest(order));
  });

  it.each<[string, (o: ReturnType<typeof copy>) => unknown]>([
    ['an order number', (o) => (o.orderNo = '#1002')],
    ['a buyer field', (o) => (o.buyer.email = 'ana@example.org')],
    ['an amount', (o) => (o.amountMinor = 12346)],
    ['a date by a millisecond', (o) => (o.placedAt += 1)],
    ['a status', (o) => (o.status = 'shipped')],
    ['an item quantity', (o) => (o.items[0]!.quantity = 3)],
    ['an item more', (o) => o.items.push({ title: 'Tea', sku: 'T-1', quantity: 2, priceMinor: 500 })],
    ['an optional field set', (o) => Object.assign(o, { paidAt: 1_700_000_000_000 })],
    ['a number given as a string', (o) => Object.assign(o, { amountMinor: '12345' })],
    ['text moved between fields', (o) => Object.assign(o.buyer, { name: 'Ana ', email: 'ana@example.com' }) && Object.assign(o.items[0]!, { title: 'Te', sku: 'aT-1' })],
    ['a field renamed', (o) => Object.assign(o.items[0]!, { sku: undefined, code: 'T-1' })],
  ])('tells a row apart from one with %s changed', (_, change) => {
    const other = copy();
    change(other);
    expect(jsonDigest(other)).not.toBe(jsonDigest(order));
  });

  it('tells empty values and shapes apart', () => {
    const digests = [null, false, true, 0, '', [], {}, [[]], [{}], { a: null }, { a: '' }, { a: [] }, ['a'], 'a', ['', ''], ['']].map(jsonDigest);
    expect(new Set(digests).size).toBe(digests.length);
  });

  it('spreads rows apart: 100k order numbers, no two digests alike', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(jsonDigest({ ...order, orderNo: `#${i}` }));
    expect(seen.size).toBe(100_000);
  });
});
