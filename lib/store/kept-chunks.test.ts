import { beforeEach, describe, expect, it } from 'vitest';
import type { RegularsDb } from './database';
import { dropChunked, keptValue, writeChunked } from './kept-chunks';
import { memoryDb } from './test-helpers';

let db: RegularsDb;
beforeEach(() => {
  db = memoryDb();
});

const KEY = 'facts:test';
/** Columns with a field of each kind, big enough at a 64-byte part size to be cut into several parts. */
const columns = () => ({
  count: 50,
  ids: Array.from({ length: 50 }, (_, i) => `member-${i}`).join('\u0000'),
  names: Array.from({ length: 50 }, (_, i) => `name ${i}`),
  amount: Float64Array.from({ length: 50 }, (_, i) => i * 1.5),
  tier: Uint16Array.from({ length: 50 }, (_, i) => i % 3),
  small: new Uint8Array(3),
});
const read = async () => {
  const row = await db.caches.get(KEY);
  return row && db.transaction('r', [db.caches], () => keptValue<ReturnType<typeof columns>>(db, KEY, row.value));
};
const records = async () => (await db.caches.toArray()).filter((r) => r.key.startsWith(KEY));

describe('derived data kept in parts of bounded size', () => {
  it('reads back as it was written, every part no bigger than the limit', async () => {
    expect(await writeChunked(db, KEY, 'g1', columns(), () => true, 64)).toBe(true);
    expect(await read()).toEqual(columns());
    const parts = (await records()).filter((r) => r.key !== KEY);
    expect(parts.length).toBeGreaterThan(10);
    for (const p of parts) {
      const v = p.value as { byteLength?: number; length: number };
      expect(v.byteLength ?? v.length).toBeLessThanOrEqual(64);
    }
  });

  it('columns with nothing to cut are one record, as before', async () => {
    expect(await writeChunked(db, KEY, 'g1', { count: 1, tier: new Uint16Array(1) }, () => true)).toBe(true);
    expect((await records()).map((r) => r.key)).toEqual([KEY]);
    expect(await read()).toEqual({ count: 1, tier: new Uint16Array(1) });
  });

  it('a new keep replaces the parts of the one before', async () => {
    await writeChunked(db, KEY, 'g1', columns(), () => true, 64);
    const first = (await records()).length;
    const next = { ...columns(), amount: new Float64Array(50).fill(7) };
    await writeChunked(db, KEY, 'g2', next, () => true, 64);
    expect((await records()).length).toBe(first);
    expect(await read()).toEqual(next);
    expect((await db.caches.get(KEY))!.generation).toBe('g2');
  });

  it('a keep interrupted halfway is never read as whole: the keep before stays, and its parts are gone', async () => {
    await writeChunked(db, KEY, 'g1', columns(), () => true, 64);
    let parts = 0;
    // A write to the shop halfway through: the rest is not written and no head names the parts written.
    const interrupted = await writeChunked(db, KEY, 'g2', { ...columns(), count: 99 }, () => ++parts < 5, 64);
    expect(interrupted).toBe(false);
    expect((await db.caches.get(KEY))!.generation).toBe('g1');
    expect(await read()).toEqual(columns());
  });

  it('the parts a crash left behind go with the next keep', async () => {
    await writeChunked(db, KEY, 'g1', columns(), () => true, 64);
    const whole = (await records()).length;
    let parts = 0;
    const crash = () => {
      if (++parts > 5) throw new Error('the worker stopped');
      return true;
    };
    await expect(writeChunked(db, KEY, 'g2', columns(), crash, 64)).rejects.toThrow('the worker stopped');
    expect((await records()).length).toBeGreaterThan(whole);
    expect(await read()).toEqual(columns());
    await writeChunked(db, KEY, 'g3', columns(), () => true, 64);
    expect((await records()).length).toBe(whole);
  });

  it('a head whose parts are missing (a crash, a cleared part) is not trusted', async () => {
    await writeChunked(db, KEY, 'g1', columns(), () => true, 64);
    const part = (await records()).find((r) => r.key !== KEY)!;
    await db.caches.delete(part.key);
    expect(await read()).toBeUndefined();
  });

  it('is dropped whole, head and parts', async () => {
    await writeChunked(db, KEY, 'g1', columns(), () => true, 64);
    await dropChunked(db, KEY);
    expect(await records()).toEqual([]);
  });
});
