// Who wrote a change: the names writers give their store transactions (lib/store/write-origin.ts),
// which the change stream carries to its listeners.

/** The origin an import session's writes carry. */
export const importOrigin = (session: string) => `import:${session}`;
export const isImportOrigin = (origin: string | undefined) => !!origin?.startsWith('import:');

/** The origin of the store writes that apply what arrived from the team database. */
export const SYNC_ORIGIN = 'sync';
/**
 * A catch-up (joining a team, back from offline) writes as one session, like an import: the derived
 * figures wait for its end (lib/background/derived.ts) instead of being recomputed between batches.
 */
const CATCH_UP = 'sync-';
export const catchUpSession = (at: number) => `${CATCH_UP}${at}`;
/** Rows sync wrote from the team database: not sent back (they came from there). */
export const isSyncOrigin = (origin: string | undefined) => origin === SYNC_ORIGIN || !!origin?.startsWith(importOrigin(CATCH_UP));
