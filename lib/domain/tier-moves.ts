// Tier changes as stored: one member's move per row (an import, a merge), or one ladder apply's moves
// in a single record (TierMovesRow). Readers see single moves either way. Pure.
import { TIER_MOVES_MEMBER, type TierChangeRecord, type TierChangeRow, type TierMovesRow } from './rows';
import type { TierDirection } from './tiers';

export interface TierMove {
  memberId: string;
  from: string | undefined;
  to: string;
  direction: TierDirection;
}

export const isTierMoves = (row: TierChangeRecord): row is TierMovesRow => row.memberId === TIER_MOVES_MEMBER && 'moves' in row;

/** One record for the moves of one apply, at `at`. */
export function tierMovesRow(id: string, at: number, moves: readonly TierMove[]): TierMovesRow {
  return {
    id,
    memberId: TIER_MOVES_MEMBER,
    at,
    moves: { memberIds: moves.map((m) => m.memberId), from: moves.map((m) => m.from ?? ''), to: moves.map((m) => m.to), direction: moves.map((m) => m.direction) },
  };
}

/** A move of a record as a row of its own; its id is the record's and the member's, so it is stable. */
const moveAt = (row: TierMovesRow, i: number): TierChangeRow => {
  const memberId = row.moves.memberIds[i]!;
  const from = row.moves.from[i];
  return { id: `${row.id}:${memberId}`, memberId, ...(from ? { from } : {}), to: row.moves.to[i]!, direction: row.moves.direction[i]!, at: row.at };
};

/** Every move the records hold, as single rows; `only`: the moves of these members alone. */
export function movesOf(rows: readonly TierChangeRecord[], only?: ReadonlySet<string>): TierChangeRow[] {
  const out: TierChangeRow[] = [];
  for (const row of rows) {
    if (!isTierMoves(row)) {
      if (!only || only.has(row.memberId)) out.push(row);
      continue;
    }
    const ids = row.moves.memberIds;
    for (let i = 0; i < ids.length; i++) if (!only || only.has(ids[i]!)) out.push(moveAt(row, i));
  }
  return out;
}

/** The record with `fromId`'s moves given to `toId` (a merge); undefined when it lists none of them. */
export function movesRenamed(row: TierMovesRow, fromId: string, toId: string): TierMovesRow | undefined {
  if (!row.moves.memberIds.includes(fromId)) return undefined;
  return { ...row, moves: { ...row.moves, memberIds: row.moves.memberIds.map((id) => (id === fromId ? toId : id)) } };
}
