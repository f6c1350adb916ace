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

  it('carries its count to another counter: orders both went through count once', () => {
    const page = new DistinctKeys();
    for (let i = 0; i < 5_000; i++) page.add(`shopify:#${i}`);
    const background = new DistinctKeys();
    for (let i = 4_000; i < 10_000; i++) background.add(`shopify:#${i}`);
    background.addHashes(page.hashes());
    expect(background.size).toBe(10_000);
    // And back: the page's counter takes the union, named again or not.
    page.addHashes(background.hashes());
    page.add('shopify:#9999');
    expect(page.size).toBe(10_000);
  });
});
