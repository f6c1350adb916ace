// Test-only: a real member card, made by importing one order into a fresh test store (component tests use it).
import type { MemberCard } from '../../messaging/card';
import { importOrders } from '../import/import-orders';
import { memoryDb, NOW, order } from '../test-helpers';
import { lookupByHandle } from './card';

/** The card of lily_chen after one 42.00 order. */
export async function realCard(): Promise<MemberCard> {
  const db = memoryDb();
  await importOrders(db, [order({ amountMinor: 4200 })], NOW);
  const card = await lookupByHandle(db, 'demo', 'lily_chen', NOW);
  db.close();
  return card!;
}
