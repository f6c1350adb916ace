// Why connecting to a team or setting one up was refused: codes the page translates. Apart from
// protocol-sync.ts (zod), so the popup's sync line loads no schema.

/** Why connecting or setting up was refused, as a code the page translates (anything else is the server's own answer). */
export const TEAM_REFUSALS = ['wrong_password', 'not_admin', 'unreachable', 'bad_address', 'bad_db'] as const;
export type TeamRefusal = (typeof TEAM_REFUSALS)[number];
