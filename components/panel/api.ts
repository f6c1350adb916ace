// What the panel can ask for: the panel page wires these to the protocol; components stay pure.
import type { OrderRow } from '@/lib/domain/rows';
import type { ResponseOf } from '@/lib/messaging/protocol';

export type MemberHit = ResponseOf<'member.search'>[number];

export interface PanelApi {
  addTag(tag: string): Promise<void>;
  removeTag(tag: string): Promise<void>;
  addNote(text: string): Promise<void>;
  editNote(noteId: string, text: string): Promise<void>;
  updateMember(patch: { displayName?: string; profile?: Record<string, string>; doNotContact?: boolean }): Promise<void>;
  addReminder(dueAt: number, reason: string): Promise<void>;
  /** Points by hand, with why (logged with the agent's name). */
  adjustPoints(delta: number, reason: string): Promise<void>;
  loadOrders(): Promise<OrderRow[]>;
  search(query: string): Promise<MemberHit[]>;
  createMember(): Promise<void>;
  linkTo(memberId: string): Promise<void>;
  unmerge(identityId: string): Promise<void>;
  /** Merge that member into the one shown. */
  mergeInto(otherMemberId: string): Promise<void>;
  showHandle(handle: string): void;
  pointAtName(): void;
  saveDraft(memberId: string, text: string): void;
  readDraft(memberId: string): Promise<string>;
  collapse(): void;
  retry(): void;
}
