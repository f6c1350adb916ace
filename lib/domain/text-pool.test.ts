import { describe, expect, it } from 'vitest';
import { StringSlots } from './string-slots';
import { TextPool } from './text-pool';

/** Pseudo-random, repeatable. */
function random(seed: number) {
  let s = seed;
  return () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32;
}

describe('a text pool', () => {
  it('gives back every string set, one-byte, wider or long, after slots were cleared, reused and the pool rewritten', () => {
    const pool = new TextPool();
    const model: string[] = [];
    const rand = random(19);
    const kinds = [(n: number) => `shopify:#${100000 + n}`, (n: number) => `taobao:订单${n}`, (n: number) => `ebay:${'x'.repeat(130 + (n % 3))}${n}`, (n: number) => `王${n}${'小'.repeat(n % 130)}`, (n: number) => `café:${n}`];
    for (let step = 0; step < 20_000; step++) {
      const slot = Math.floor(rand() * 3000);
      if (rand() < 0.3) {
        pool.clear(slot);
        model[slot] = '';
      } else {
        const text = kinds[step % kinds.length]!(step);
        pool.set(slot, text);
        model[slot] = text;
      }
    }
    for (let slot = 0; slot < 3100; slot++) {
      const text = model[slot] ?? '';
      expect(pool.get(slot)).toBe(text);
      if (text) expect(pool.same(slot, text)).toBe(true);
      expect(pool.same(slot, `${text}!`)).toBe(false);
    }
  });

  it('finds strings through StringSlots as an array of them does', () => {
    const pool = new TextPool();
    const slots = new StringSlots(pool);
    const ids = Array.from({ length: 5000 }, (_, i) => (i % 7 ? `shopify:#${i}` : `lazada:訂單${i}`));
    ids.forEach((id, i) => {
      pool.set(i, id);
      slots.set(id, i);
    });
    for (let i = 0; i < ids.length; i += 3) {
      slots.delete(ids[i]!);
      pool.clear(i);
    }
    ids.forEach((id, i) => expect(slots.get(id)).toBe(i % 3 ? i : undefined));
    expect(slots.get('shopify:#5000')).toBeUndefined();
  });

  it('compares two slots as `<` compares their strings, one-byte, wider, long, empty or prefixes of each other', () => {
    const pool = new TextPool();
    const texts = ['', 'a', 'ab', 'abc', 'b', 'shopify:#100', 'shopify:#1000', 'shopify:#99', 'taobao:订单1', 'taobao:订单10', 'taobao:a', 'café', 'cafe', 'caf\u00ff', 'caf\u0100', `x${'y'.repeat(140)}`, `x${'y'.repeat(141)}`, `x${'z'.repeat(130)}`, '王', '王小'];
    texts.forEach((t, i) => pool.set(i, t));
    const sign = (n: number) => Math.sign(n);
    for (let a = 0; a < texts.length; a++) {
      for (let b = 0; b < texts.length; b++) {
        const x = texts[a]!;
        const y = texts[b]!;
        expect([x, y, sign(pool.compare(a, b))]).toEqual([x, y, x < y ? -1 : x > y ? 1 : 0]);
      }
    }
  });
});
