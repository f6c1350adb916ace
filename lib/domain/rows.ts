// zod schemas for every stored row. The store validates what crosses into it (imports, restores,
// messages); inside, the types are trusted.
import { z } from 'zod';
import { BUYER_LANGUAGES } from './journeys/language';
import { journeyKindSchema } from './journeys/types';
import { ORDER_STATUSES } from './types';

export const epochMs = z.number().int().nonnegative();
export const minor = z.number().int();
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code such as USD');

export const PLATFORMS = [
  'demo',
  'shopee',
  'lazada',
  'taobao',
  'etsy',
  'ebay',
  'amazon',
  'tiktok',
  'shopify',
  'woocommerce',
  'other',
] as const;
export const platformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof platformSchema>;

/** Phone and e-mail identities belong to the person, not to one platform. */
export const ANY_PLATFORM = '*';
export const IDENTITY_KINDS = ['handle', 'phone', 'email'] as const;
export const identityKindSchema = z.enum(IDENTITY_KINDS);
export type IdentityKind = z.infer<typeof identityKindSchema>;

export const profileSchema = z.object({
  birthday: z
    .string()
    .regex(/^(\d{4}-)?\d{2}-\d{2}$/, 'YYYY-MM-DD or MM-DD')
    .optional(),
  size: z.string().max(100).optional(),
  style: z.string().max(200).optional(),
  preferences: z.string().max(1000).optional(),
  phone: z.string().max(40).optional(),
  email: z.string().max(200).optional(),
  /** The language messages to this member are written in, set in the panel; guessed when absent (journeys/language.ts). */
  language: z.enum(BUYER_LANGUAGES).optional(),
});
export type Profile = z.infer<typeof profileSchema>;

export const memberRowSchema = z.object({
  id: z.string().min(1),
  displayName: z.string(),
  /**
   * Derived, never stored: the store gives it to every row read (store/member-tiers.ts) and drops
   * it from rows written (MemberWrite); a restored backup's is dropped the same way.
   */
  tierId: z.string(),
  tags: z.array(z.string().min(1).max(60)),
  profile: profileSchema,
  doNotContact: z.boolean(),
  createdAt: epochMs,
  updatedAt: epochMs,
  // Precomputed stats (lib/domain/stats memberStats), kept flat so they can be indexed.
  orderCount: z.number().int().nonnegative(),
  spendMinor: minor,
  currency: currencyCode,
  /** Counted orders in `currency`: equal to orderCount unless the member pays in several currencies. */
  spendOrderCount: z.number().int().nonnegative(),
  averageOrderMinor: minor,
  firstOrderAt: epochMs.optional(),
  lastOrderAt: epochMs.optional(),
  /**
   * When the member last ordered in each category (lib/domain/categories.ts, '' = uncategorised),
   * counted orders only; absent when none of their orders has a category (the last order says it).
   */
  categoryLastAt: z.record(z.string().max(60), epochMs).optional(),
  /** The sum of hand adjustments of points (the points table logs each); earned points follow spend. */
  pointsAdjustment: z.number().int().optional(),
});
export type MemberRow = z.infer<typeof memberRowSchema>;
/** A member row as written: its tier is derived from it, so a writer gives none. */
export type MemberWrite = Omit<MemberRow, 'tierId'> & { tierId?: string | undefined };

export const identityRowSchema = z.object({
  /** `${platform}:${kind}:${value}`; phone and e-mail use platform '*'. */
  id: z.string().min(3),
  platform: z.union([platformSchema, z.literal(ANY_PLATFORM)]),
  kind: identityKindSchema,
  /** Normalised (handles lower-case without '@', phones digits with '+', e-mails lower-case). */
  value: z.string().min(1),
  /** As first seen, for display. */
  display: z.string(),
  memberId: z.string().min(1),
  /** How this identity came to belong to its member: its own first sighting, or a merge by phone/e-mail, or by hand. */
  linkedBy: z.enum(['created', 'handle', 'phone', 'email', 'manual']),
  createdAt: epochMs,
});
export type IdentityRow = z.infer<typeof identityRowSchema>;

export const orderItemSchema = z.object({
  title: z.string(),
  sku: z.string().optional(),
  quantity: z.number().int().nonnegative(),
  priceMinor: minor.optional(),
  category: z.string().trim().min(1).max(60).optional(),
  /** 'export': the file's own column (rules never change it); 'rule': a category rule matched. */
  categorySource: z.enum(['export', 'rule']).optional(),
});

export const orderStatusSchema = z.enum(ORDER_STATUSES);

/** What an order is, as stored and as imported: its money, status and dates. */
export const orderFacts = {
  amountMinor: minor,
  currency: currencyCode,
  status: orderStatusSchema,
  placedAt: epochMs,
  paidAt: epochMs.optional(),
  shippedAt: epochMs.optional(),
  deliveredAt: epochMs.optional(),
};

export const orderRowSchema = z.object({
  /** `${platform}:${orderNo}` */
  id: z.string().min(3),
  platform: platformSchema,
  orderNo: z.string().min(1),
  memberId: z.string().min(1),
  /** The buyer handle (or e-mail/phone when the platform has no handle) as on the order. */
  buyer: z.string(),
  ...orderFacts,
  /** Carrier and tracking number, for the shipping notice; kept from an earlier import when a later one lacks them. */
  carrier: z.string().max(100).optional(),
  trackingNo: z.string().max(100).optional(),
  items: z.array(orderItemSchema),
  updatedAt: epochMs,
});
export type OrderRow = z.infer<typeof orderRowSchema>;

export const noteRowSchema = z.object({
  id: z.string().min(1),
  memberId: z.string().min(1),
  text: z.string().min(1).max(5000),
  author: z.string().max(100),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type NoteRow = z.infer<typeof noteRowSchema>;

export const REMINDER_STATES = ['open', 'snoozed', 'done', 'dismissed', 'suppressed'] as const;
export const reminderRowSchema = z.object({
  id: z.string().min(1),
  memberId: z.string().min(1),
  dueAt: epochMs,
  reason: z.string().min(1).max(200),
  orderId: z.string().optional(),
  assignee: z.string().optional(),
  state: z.enum(REMINDER_STATES),
  suppressedBecause: z.string().optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
  /** Set on reminders a journey rule made (lib/domain/journeys); manual ones have only `reason`. */
  kind: journeyKindSchema.optional(),
  /** The moment the reason refers to: delivered at, the birthday, the last order before lapsing… */
  refAt: epochMs.optional(),
  /** A holiday's name, the tier moved up to. */
  detail: z.string().max(200).optional(),
  /** Higher first within a reason (the member's spend when it was made). */
  priority: z.number().optional(),
  /** How a done reminder ended: a follow-up "left open" brings the second one. */
  outcome: z.enum(['resolved', 'leftOpen']).optional(),
});
export type ReminderRow = z.infer<typeof reminderRowSchema>;

export const contactRowSchema = z.object({
  id: z.string().min(1),
  memberId: z.string().min(1),
  channel: z.string().min(1),
  reason: z.string(),
  at: epochMs,
});
export type ContactRow = z.infer<typeof contactRowSchema>;

export const tierChangeRowSchema = z.object({
  id: z.string().min(1),
  memberId: z.string().min(1),
  from: z.string().optional(),
  to: z.string(),
  direction: z.enum(['up', 'down', 'same']),
  at: epochMs,
});
export type TierChangeRow = z.infer<typeof tierChangeRowSchema>;

/** The memberId of a record that lists many members' moves (tier-moves.ts): no member has it. */
export const TIER_MOVES_MEMBER = '*';
const tierDirectionSchema = z.enum(['up', 'down', 'same']);

/**
 * One ladder apply's moves in one record, as parallel columns (one entry per member who moved):
 * writing 38k rows of one move each took seconds; one record takes milliseconds.
 */
export const tierMovesRowSchema = z
  .object({
    id: z.string().min(1),
    memberId: z.literal(TIER_MOVES_MEMBER),
    at: epochMs,
    moves: z.object({ memberIds: z.array(z.string().min(1)), from: z.array(z.string()), to: z.array(z.string()), direction: z.array(tierDirectionSchema) }),
  })
  .refine(({ moves: m }) => m.from.length === m.memberIds.length && m.to.length === m.memberIds.length && m.direction.length === m.memberIds.length, {
    message: 'Every move needs its member, from, to and direction',
  });
export type TierMovesRow = z.infer<typeof tierMovesRowSchema>;

/** What the tierChanges table holds: one member's move (imports, merges) or one apply's moves. */
export const tierChangeRecordSchema = z.union([tierChangeRowSchema, tierMovesRowSchema]);
export type TierChangeRecord = TierChangeRow | TierMovesRow;

export const segmentRowSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(100),
  filter: z.record(z.string(), z.unknown()),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type SegmentRow = z.infer<typeof segmentRowSchema>;

export const siteRuleRowSchema = z.object({
  id: z.string().min(1),
  /** Host the rule applies to, e.g. seller.shopee.sg */
  host: z.string().min(1),
  /** A CSS selector that finds the buyer's name or handle on that host's pages. */
  selector: z.string().min(1).max(500),
  pathPrefix: z.string().optional(),
  createdAt: epochMs,
});
export type SiteRuleRow = z.infer<typeof siteRuleRowSchema>;

/** One hand adjustment of a member's points, with why and who. */
export const pointsRowSchema = z.object({
  id: z.string().min(1),
  memberId: z.string().min(1),
  delta: z.number().int(),
  reason: z.string().min(1).max(200),
  author: z.string().max(100),
  at: epochMs,
});
export type PointsRow = z.infer<typeof pointsRowSchema>;

export const settingRowSchema = z.object({
  key: z.string().min(1),
  value: z.unknown(),
});
export type SettingRow = z.infer<typeof settingRowSchema>;
