// Rows and documents for the sync rules' tests.
import type { ContactRow, IdentityRow, MemberRow, NoteRow, OrderRow, ReminderRow, SegmentRow, SiteRuleRow } from '../rows';

export const T0 = Date.UTC(2026, 10, 1, 9);
export const HOUR = 3_600_000;

export function memberRow(over: Partial<MemberRow> = {}): MemberRow {
  return {
    id: 'm_1',
    displayName: 'Lin Wei',
    tierId: 'regular',
    tags: [],
    profile: {},
    doNotContact: false,
    createdAt: T0,
    updatedAt: T0,
    orderCount: 2,
    spendMinor: 12_000,
    currency: 'CNY',
    spendOrderCount: 2,
    averageOrderMinor: 6_000,
    ...over,
  };
}

export const identityRow = (over: Partial<IdentityRow> = {}): IdentityRow => ({
  id: 'taobao:handle:linwei',
  platform: 'taobao',
  kind: 'handle',
  value: 'linwei',
  display: 'LinWei',
  memberId: 'm_1',
  linkedBy: 'created',
  createdAt: T0,
  ...over,
});

export const orderRow = (over: Partial<OrderRow> = {}): OrderRow => ({
  id: 'taobao:1001',
  platform: 'taobao',
  orderNo: '1001',
  memberId: 'm_1',
  buyer: 'linwei',
  amountMinor: 6_000,
  currency: 'CNY',
  status: 'paid',
  placedAt: T0,
  paidAt: T0 + 60_000,
  items: [{ title: '围巾', quantity: 1 }],
  updatedAt: T0,
  ...over,
});

export const noteRow = (over: Partial<NoteRow> = {}): NoteRow => ({ id: 'n_1', memberId: 'm_1', text: 'Buys for her mother', author: 'Agent A', createdAt: T0, updatedAt: T0, ...over });
export const contactRow = (over: Partial<ContactRow> = {}): ContactRow => ({ id: 'c_1', memberId: 'm_1', channel: 'chat', reason: 'followUp', at: T0, ...over });
export const reminderRow = (over: Partial<ReminderRow> = {}): ReminderRow => ({ id: 'r_1', memberId: 'm_1', dueAt: T0 + 24 * HOUR, reason: 'Call back', state: 'open', createdAt: T0, updatedAt: T0, ...over });
export const segmentRow = (over: Partial<SegmentRow> = {}): SegmentRow => ({ id: 's_1', name: 'Gift buyers', filter: { tags: ['gift'] }, createdAt: T0, updatedAt: T0, ...over });
export const siteRuleRow = (over: Partial<SiteRuleRow> = {}): SiteRuleRow => ({ id: 'sr_1', host: 'seller.shopee.sg', selector: '[data-buyer]', createdAt: T0, ...over });
