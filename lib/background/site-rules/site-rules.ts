// "Point at the buyer's name once": per-site rules that find the buyer where no adapter can.
import { newId, type RegularsDb } from '../../store/database';
import type { SiteRuleRow } from '../../domain/rows';
import { StoreError } from '../../store/store-error';
import { because } from '../../domain/reason';

export async function saveSiteRule(
  db: RegularsDb,
  input: { host: string; selector: string; pathPrefix?: string | undefined },
  now: number,
): Promise<SiteRuleRow> {
  const host = input.host.trim().toLowerCase();
  const selector = input.selector.trim();
  if (!host || !selector) throw new StoreError('invalid', 'A site rule needs a host and a selector', because('siteRuleIncomplete'));
  return db.transaction('rw', [db.siteRules], async () => {
    // One rule per host and path: pointing again replaces the old one.
    const same = (await db.siteRules.where('host').equals(host).toArray()).filter((r) => (r.pathPrefix ?? '') === (input.pathPrefix ?? ''));
    await db.siteRules.bulkDelete(same.map((r) => r.id));
    const row: SiteRuleRow = { id: newId('sr'), host, selector, pathPrefix: input.pathPrefix || undefined, createdAt: now };
    await db.siteRules.add(row);
    return row;
  });
}

export function siteRulesFor(db: RegularsDb, host: string): Promise<SiteRuleRow[]> {
  return db.siteRules.where('host').equals(host.toLowerCase()).toArray();
}

export async function listSiteRules(db: RegularsDb): Promise<SiteRuleRow[]> {
  return (await db.siteRules.toArray()).sort((a, b) => a.host.localeCompare(b.host) || b.createdAt - a.createdAt);
}

export async function deleteSiteRule(db: RegularsDb, id: string): Promise<boolean> {
  const found = await db.siteRules.get(id);
  if (!found) return false;
  await db.siteRules.delete(id);
  return true;
}
