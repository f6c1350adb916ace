// What the members page can ask for: the entrypoint wires these to the database and the protocol;
// the components stay free of browser APIs.
import type { IdentityRow, MemberRow, OrderRow, SegmentRow } from '@/lib/domain/rows';
import type { Settings } from '@/lib/domain/settings';
import type { MemberCard } from '@/lib/messaging/card';
import type { ResponseOf } from '@/lib/messaging/protocol';
import type { PanelApi } from '../panel/api';
import type { ListContext, MemberListParts } from '../../lib/member-list/member-list';

export type MemberHistory = ResponseOf<'member.history'>;

export interface MembersApi {
  /**
   * The list of every member, made when `ctx` says (in a worker: member-list.ts, list-worker.ts).
   * `onFirst` gets the table's first rows ahead of it when they can be read quickly (first-rows.ts).
   */
  load(ctx: ListContext, onFirst?: (parts: MemberListParts, total: number) => void): Promise<MemberListParts>;
  settings(): Promise<Settings>;
  /** These members' rows, in the order asked, leaving out any no longer on file (for an export). */
  membersOf(memberIds: readonly string[]): Promise<MemberRow[]>;
  /** The identities of these members (for an export). */
  identitiesOf(memberIds: readonly string[]): Promise<IdentityRow[]>;
  listSegments(): Promise<SegmentRow[]>;
  saveSegment(input: { id?: string | undefined; name: string; filter: Record<string, unknown> }): Promise<SegmentRow>;
  deleteSegment(id: string): Promise<void>;
  tag(memberIds: readonly string[], tag: string, add: boolean): Promise<number>;
  vocabulary(): Promise<string[]>;
  /** Members contacted within the frequency cap, and the cap. */
  recentlyContacted(now: number): Promise<{ memberIds: Set<string>; capHours: number }>;
  logContacts(memberIds: readonly string[], channel: string, reason: string): Promise<number>;
  download(blob: Blob, fileName: string): void;
  card(memberId: string): Promise<MemberCard | null>;
  orders(memberId: string): Promise<OrderRow[]>;
  history(memberId: string): Promise<MemberHistory>;
  /** The panel's own actions for one member (tags, notes, profile, reminders, merge), then `changed`. */
  panelFor(memberId: string, changed: () => Promise<void>): PanelApi;
  unmerge(identityId: string): Promise<void>;
  /** Calls `listener` after a write elsewhere (another tab, the panel, a teammate through sync) may have changed a member's card; returns how to stop. */
  onCardsChanged(listener: () => void): () => void;
}
