import { describe, expect, it } from 'vitest';
import { cached } from './cached';

describe('cached', () => {
  it('makes a value once per key and gives the same one back', () => {
    const map = new Map<string, { key: string }>();
    let made = 0;
    const make = (key: string) => () => ({ key: String(++made && key) });
    const a = cached(map, 'en|UTC', make('en|UTC'));
    expect(cached(map, 'en|UTC', make('en|UTC'))).toBe(a);
    expect(cached(map, 'zh-CN|UTC', make('zh-CN|UTC'))).toEqual({ key: 'zh-CN|UTC' });
    expect(made).toBe(2);
  });
});
