import { describe, expect, it } from 'vitest';
import { deleteSiteRule, listSiteRules, saveSiteRule, siteRulesFor } from './site-rules';
import { memoryDb, NOW } from '../test-helpers';

describe('point-at-the-name site rules', () => {
  it('a rule is saved per host, replaced when pointing again, and can be removed', async () => {
    const db = memoryDb();
    await saveSiteRule(db, { host: 'Seller.Example.com', selector: '.a' }, NOW);
    const second = await saveSiteRule(db, { host: 'seller.example.com', selector: '.b' }, NOW + 1);
    await saveSiteRule(db, { host: 'other.example.com', selector: '.c' }, NOW);
    expect((await siteRulesFor(db, 'seller.example.com')).map((r) => r.selector)).toEqual(['.b']);
    expect(await listSiteRules(db)).toHaveLength(2);
    expect(await deleteSiteRule(db, second.id)).toBe(true);
    expect(await siteRulesFor(db, 'seller.example.com')).toEqual([]);
  });
});
