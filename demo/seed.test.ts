import { describe, expect, it } from 'vitest';
import { COUNTED_STATUSES, DAY_MS, demoSeed, expectedStats, utcMidnight, type DemoOrder } from './seed';

const ANCHOR = Date.UTC(2026, 4, 10); // a UTC midnight, as the server passes
const seed = demoSeed(ANCHOR);
const ordersOf = (handle: string) => seed.orders.filter((o) => o.handle === handle);
const daysAgo = (t: number) => (ANCHOR - t) / DAY_MS;
const timestamps = (o: DemoOrder) =>
  [o.placedAt, o.paidAt, o.shippedAt, o.deliveredAt, o.cancelledAt, o.refundedAt].filter((t): t is number => t !== undefined);

describe('demoSeed', () => {
  it('the same anchor gives an identical seed', () => {
    expect(JSON.stringify(demoSeed(ANCHOR))).toBe(JSON.stringify(seed));
  });

  it('another day shifts the times but keeps the same buyers and orders', () => {
    const tomorrow = demoSeed(ANCHOR + DAY_MS);
    expect(tomorrow.buyers).toEqual(seed.buyers);
    expect(tomorrow.orders.map((o) => o.orderNo).sort()).toEqual(seed.orders.map((o) => o.orderNo).sort());
  });

  it('has about 400 buyers, 1,500 orders and 60 conversations', () => {
    expect(seed.buyers.length).toBeGreaterThanOrEqual(380);
    expect(seed.buyers.length).toBeLessThanOrEqual(420);
    expect(seed.orders.length).toBeGreaterThanOrEqual(1300);
    expect(seed.orders.length).toBeLessThanOrEqual(1700);
    expect(seed.conversations.length).toBeGreaterThanOrEqual(55);
    expect(seed.conversations.length).toBeLessThanOrEqual(65);
    expect(seed.shopCurrency).toBe('USD');
  });

  it('has a realistic mix: ~45% one-time buyers, regulars, lapsed buyers, a few unpaid, some cancelled and refunded', () => {
    const counts = seed.buyers.map((b) => ordersOf(b.handle).length);
    const oneTime = counts.filter((n) => n === 1).length / counts.length;
    expect(oneTime).toBeGreaterThan(0.38);
    expect(oneTime).toBeLessThan(0.52);
    expect(counts.filter((n) => n >= 5 && n <= 20).length).toBeGreaterThan(40);
    expect(Math.max(...counts)).toBeLessThanOrEqual(25);

    const lapsed = seed.buyers.filter((b) => {
      const { orderCount, lastOrderAt } = expectedStats(seed, [b.handle]);
      return orderCount >= 2 && lastOrderAt !== null && daysAgo(lastOrderAt) >= 150 && daysAgo(lastOrderAt) <= 600;
    });
    expect(lapsed.length).toBeGreaterThan(20);

    const unpaid = seed.orders.filter((o) => o.status === 'unpaid');
    expect(unpaid.length).toBeGreaterThanOrEqual(8);
    expect(unpaid.length).toBeLessThanOrEqual(14);
    for (const o of unpaid) expect(daysAgo(o.placedAt)).toBeLessThanOrEqual(3);

    for (const status of ['cancelled', 'refunded', 'paid', 'shipped'] as const) {
      expect(seed.orders.some((o) => o.status === status), status).toBe(true);
    }
  });

  it('spreads orders over about two years before the anchor, none after it', () => {
    const placed = seed.orders.map((o) => o.placedAt);
    expect(daysAgo(Math.min(...placed))).toBeGreaterThan(650);
    expect(daysAgo(Math.min(...placed))).toBeLessThanOrEqual(731);
    for (const o of seed.orders) for (const t of timestamps(o)) expect(t).toBeLessThan(ANCHOR);
    for (const c of seed.conversations) for (const m of c.messages) expect(m.at).toBeLessThan(ANCHOR);
  });

  it('keeps each order internally consistent: amount = items + shipping, timestamps in order, ids in shape', () => {
    for (const o of seed.orders) {
      const items = o.items.reduce((sum, it) => sum + it.unitPriceMinor * it.quantity, 0);
      expect(o.amountMinor).toBe(items + o.shippingMinor);
      expect(o.items.length).toBeGreaterThan(0);
      expect(o.orderNo).toMatch(/^\d{18}$/);
      expect(o.currency).toBe('USD');
      const ts = timestamps(o);
      expect([...ts].sort((a, b) => a - b)).toEqual(ts);
      if (o.status === 'unpaid') expect(o.paidAt).toBeUndefined();
      if (o.status === 'shipped' || o.status === 'delivered') expect(o.trackingId).toBeDefined();
      if (o.status === 'delivered') expect(o.deliveredAt).toBeDefined();
      if (o.status === 'refunded') expect(o.refundedAt).toBeDefined();
      if (o.status === 'cancelled') expect(o.cancelledAt).toBeDefined();
    }
    expect(new Set(seed.orders.map((o) => o.orderNo)).size).toBe(seed.orders.length);
  });

  it('gives every buyer a unique lowercase handle, an E.164 phone and an e-mail', () => {
    const handles = seed.buyers.map((b) => b.handle);
    expect(new Set(handles).size).toBe(handles.length);
    for (const b of seed.buyers) {
      expect(b.handle).toMatch(/^[a-z0-9._]+$/);
      expect(b.phone).toMatch(/^\+[1-9]\d{7,14}$/);
      expect(b.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
      expect(b.name.length).toBeGreaterThan(2);
    }
    // Only the two handles of one person share a phone.
    const phones = seed.buyers.map((b) => b.phone);
    expect(new Set(phones).size).toBe(phones.length - 1);
  });

  it('only orders from known buyers, and puts a conversation beside every known handle', () => {
    const handles = new Set(seed.buyers.map((b) => b.handle));
    for (const o of seed.orders) expect(handles.has(o.handle)).toBe(true);
    const chatting = new Set(seed.conversations.map((c) => c.handle));
    const { champion, oneTime, lapsedGold, twoHandles, unpaid, unknown } = seed.known;
    for (const h of [champion, oneTime, lapsedGold, ...twoHandles, unpaid, unknown]) expect(chatting.has(h), h).toBe(true);
    for (const c of seed.conversations) {
      expect(c.messages.length).toBeGreaterThanOrEqual(3);
      expect(c.messages.length).toBeLessThanOrEqual(8);
    }
    expect(new Set(seed.conversations.map((c) => c.id)).size).toBe(seed.conversations.length);
  });

  it('opens the chat on lily_chen: her conversation is the most recent', () => {
    expect(seed.conversations[0]?.handle).toBe('lily_chen');
    const times = seed.conversations.map((c) => c.lastMessageAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});

describe('known buyers', () => {
  const { known } = seed;

  it('champion has many recent orders and the highest spend', () => {
    const stats = expectedStats(seed, [known.champion]);
    expect(stats.orderCount).toBeGreaterThanOrEqual(12);
    const recent = ordersOf(known.champion).filter((o) => daysAgo(o.placedAt) <= 90);
    expect(recent.length).toBeGreaterThanOrEqual(4);
    const top = Math.max(...seed.buyers.map((b) => expectedStats(seed, [b.handle]).spendMinor));
    expect(stats.spendMinor).toBe(top);
  });

  it('oneTime has exactly one order, delivered', () => {
    const orders = ordersOf(known.oneTime);
    expect(orders).toHaveLength(1);
    expect(orders[0]?.status).toBe('delivered');
  });

  it('lapsedGold has at least 5 orders and $500 spend, none in the last 120 days', () => {
    const stats = expectedStats(seed, [known.lapsedGold]);
    expect(stats.orderCount).toBeGreaterThanOrEqual(5);
    expect(stats.spendMinor).toBeGreaterThanOrEqual(50_000);
    for (const o of ordersOf(known.lapsedGold)) expect(daysAgo(o.placedAt)).toBeGreaterThanOrEqual(120);
  });

  it('twoHandles is one person: same name and phone, different e-mails, orders under each handle', () => {
    const [a, c] = known.twoHandles.map((h) => seed.buyers.find((b) => b.handle === h));
    expect(a && c).toBeTruthy();
    expect(a?.phone).toBe(c?.phone);
    expect(a?.name).toBe(c?.name);
    expect(a?.email).not.toBe(c?.email);
    for (const h of known.twoHandles) expect(ordersOf(h).length).toBeGreaterThan(0);
    const both = expectedStats(seed, known.twoHandles);
    const sum = known.twoHandles.map((h) => expectedStats(seed, [h]));
    expect(both.orderCount).toBe(sum.reduce((n, s) => n + s.orderCount, 0));
  });

  it("unpaid's latest order is unpaid and recent", () => {
    const latest = ordersOf(known.unpaid)[0]; // orders are newest first
    expect(latest?.status).toBe('unpaid');
    expect(daysAgo(latest?.placedAt ?? 0)).toBeLessThanOrEqual(3);
  });

  it('unknown chats but has no order and no buyer record', () => {
    expect(ordersOf(known.unknown)).toHaveLength(0);
    expect(seed.buyers.some((b) => b.handle === known.unknown)).toBe(false);
    expect(seed.conversations.some((c) => c.handle === known.unknown)).toBe(true);
  });
});

describe('expectedStats', () => {
  it('counts only paid, shipped and delivered orders', () => {
    const handle = seed.orders.find((o) => o.status === 'refunded')?.handle ?? '';
    const counted = ordersOf(handle).filter((o) => COUNTED_STATUSES.includes(o.status));
    const stats = expectedStats(seed, [handle]);
    expect(stats.orderCount).toBe(counted.length);
    expect(stats.spendMinor).toBe(counted.reduce((sum, o) => sum + o.amountMinor, 0));
    expect(stats.lastOrderAt).toBe(counted.length ? Math.max(...counted.map((o) => o.placedAt)) : null);
  });

  it('a handle without orders has nothing', () => {
    expect(expectedStats(seed, ['nobody.here'])).toEqual({ orderCount: 0, spendMinor: 0, lastOrderAt: null });
  });
});

describe('utcMidnight', () => {
  it('is the start of the UTC day', () => {
    expect(utcMidnight(Date.UTC(2026, 4, 10, 23, 59))).toBe(Date.UTC(2026, 4, 10));
    expect(utcMidnight(Date.UTC(2026, 4, 10))).toBe(Date.UTC(2026, 4, 10));
  });
});
