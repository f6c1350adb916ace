import { describe, expect, it } from 'vitest';
import { DistinctKeys } from './distinct-keys';

describe('the orders an import went through, counted once each', () => {
  it('counts an order named again (in a later batch, or twice in one) once', () => {
    const keys = new DistinctKeys();
    for (const key of ['shopify:#1001', 'shopify:#1002', 'shopify:#1001', 'shopee:#1001', 'shopify:#1002']) keys.add(key);
    expect(keys.size).toBe(3);
  });

  it('counts 300k different orders exactly, however its table grows', () => {
    const keys = new DistinctKeys();
    for (let i = 0; i < 300_000; i++) keys.add(`shopify:#${i}`);
    for (let i = 0; i < 300_000; i += 7) keys.add(`shopify:#${i}`);
    expect(keys.size).toBe(300_000);
  });
});
