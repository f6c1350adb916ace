import { describe, expect, it } from 'vitest';
import { fnv32, StringSlots } from './string-slots';

/** A StringSlots beside a Map fed the same operations: they must answer alike. */
function twins() {
  const names: string[] = [];
  const slots = new StringSlots(names);
  const map = new Map<string, number>();
  return {
    names,
    slots,
    map,
    add(text: string) {
      const i = names.push(text) - 1;
      slots.set(text, i);
      map.set(text, i);
    },
    remove(text: string) {
      expect(slots.delete(text)).toBe(map.delete(text));
      const i = names.indexOf(text);
      if (i >= 0) names[i] = '';
    },
    check() {
      expect(slots.size).toBe(map.size);
      for (const [text, i] of map) expect(slots.get(text)).toBe(i);
    },
  };
}

describe('StringSlots', () => {
  it('finds each string at its index, and nothing for a string never set', () => {
    const t = twins();
    for (const s of ['a', 'b', '', 'shopify:#1001', '张三', 'b2']) t.add(s);
    t.check();
    expect(t.slots.get('c')).toBeUndefined();
    expect(t.slots.get('shopify:#1002')).toBeUndefined();
  });

  it('grows past its first table and keeps every string (100k ids)', () => {
    const t = twins();
    for (let i = 0; i < 100_000; i++) t.add(`shopify:#${i}`);
    t.check();
    expect(t.slots.get('shopify:#100000')).toBeUndefined();
  });

  it('tells apart two strings of the same hash', () => {
    expect(fnv32('order-229599')).toBe(fnv32('order-432382'));
    const t = twins();
    t.add('order-229599');
    expect(t.slots.get('order-432382')).toBeUndefined();
    t.add('order-432382');
    t.check();
    t.remove('order-229599');
    expect(t.slots.get('order-229599')).toBeUndefined();
    expect(t.slots.get('order-432382')).toBe(1);
  });

  it('moves a string set again to its new index', () => {
    const t = twins();
    t.add('x');
    t.names.push('x');
    t.slots.set('x', 1);
    expect(t.slots.get('x')).toBe(1);
    expect(t.slots.size).toBe(1);
  });

  it('finds every string left after deletes in a crowded table (probe chains that wrap around)', () => {
    const t = twins();
    // 12 strings in a table of 16: long chains; deleting from their middles must not cut them.
    for (let round = 0; round < 200; round++) {
      const live = [...t.map.keys()];
      if (live.length < 12 && (round % 3 !== 2 || !live.length)) t.add(`id-${round}`);
      else t.remove(live[(round * 7) % live.length]!);
      t.check();
    }
    for (let i = 0; i < 200; i++) if (!t.map.has(`id-${i}`)) expect(t.slots.get(`id-${i}`)).toBeUndefined();
  });

  it('deletes and adds at scale like a Map does', () => {
    const t = twins();
    for (let i = 0; i < 20_000; i++) t.add(`o${i}`);
    for (let i = 0; i < 20_000; i += 3) t.remove(`o${i}`);
    for (let i = 20_000; i < 25_000; i++) t.add(`o${i}`);
    t.check();
    expect(t.slots.delete('o0')).toBe(false);
  });

  it('indexes an array it is given (of)', () => {
    const names = ['m1', 'm2', 'm3'];
    const slots = StringSlots.of(names);
    expect([slots.get('m1'), slots.get('m2'), slots.get('m3'), slots.size]).toEqual([0, 1, 2, 3]);
  });
});
