import Dexie, { type DexieOptions, type Table } from 'dexie';
import type {
  ContactRow,
  IdentityRow,
  MemberRow,
  MemberWrite,
  NoteRow,
  OrderRow,
  PointsRow,
  ReminderRow,
  SegmentRow,
  SettingRow,
  SiteRuleRow,
  TierChangeRecord,
} from '../domain/rows';
import { changesMiddleware } from './changes';
import { generationMiddleware } from './generation';
import { unsentMiddleware } from './unsent';
import { leanPutsMiddleware } from './lean-puts';
import { SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import { MemberTiers, memberTiersMiddleware } from './member-tiers';

export const DATABASE_NAME = 'regulars';

/** Derived data (generation.ts): a generation mark, or data built from the rows with the mark it was built from. */
export interface CacheRow {
  key: string;
  value: unknown;
  generation?: string;
  builtAt?: number;
}

/** The shop's own tag vocabulary, for autocomplete: how often each tag is used. */
export interface TagRow {
  name: string;
  count: number;
  lastUsedAt: number;
}

export class RegularsDb extends Dexie {
  members!: Table<MemberRow, string, MemberWrite>;
  identities!: Table<IdentityRow, string>;
  orders!: Table<OrderRow, string>;
  notes!: Table<NoteRow, string>;
  tags!: Table<TagRow, string>;
  reminders!: Table<ReminderRow, string>;
  contacts!: Table<ContactRow, string>;
  tierChanges!: Table<TierChangeRecord, string>;
  segments!: Table<SegmentRow, string>;
  siteRules!: Table<SiteRuleRow, string>;
  settings!: Table<SettingRow, string>;
  caches!: Table<CacheRow, string>;
  points!: Table<PointsRow, string>;
  /** Every member's tier, derived (rows carry none): added to member rows as they are read (member-tiers.ts). */
  readonly memberTiers: MemberTiers;

  constructor(name = DATABASE_NAME, options?: DexieOptions, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name, options);
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    this.use(generationMiddleware());
    this.use(unsentMiddleware());
    this.use(changesMiddleware(name));
    this.use(leanPutsMiddleware());
    this.memberTiers = new MemberTiers(this);
    this.use(memberTiersMiddleware(this.memberTiers));
    // Loaded before any other read of this connection runs (Dexie holds them until 'ready' settles).
    this.on('ready', (vip) => this.memberTiers.load(vip));
  }
}

export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;
}
