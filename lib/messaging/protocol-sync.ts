// Messages of team sync: the options page's Team section and the popup's sync line.
import { z } from 'zod';

const stateSchema = z.enum(['off', 'starting', 'syncing', 'synced', 'offline', 'signIn', 'notMember', 'noDatabase']);

export { TEAM_REFUSALS, type TeamRefusal } from './team-refusals';
export const syncStatusSchema = z.object({
  state: stateSchema,
  at: z.number().optional(),
  waiting: z.number(),
  progress: z.object({ done: z.number(), total: z.number(), startedAt: z.number() }).optional(),
  refused: z.object({ id: z.string(), reason: z.string() }).optional(),
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
  /** What this machine is connected to (no password: none is kept). */
  config: z.object({ server: z.string(), db: z.string(), user: z.string() }).optional(),
});
export type SyncStatusView = z.infer<typeof syncStatusSchema>;

const server = z.string().trim().min(1).max(500);
const db = z.string().trim().min(1).max(238);
const name = z.string().trim().min(1).max(200);
const password = z.string().min(1).max(500);

export const syncProtocol = {
  'sync.status': { request: z.object({}), response: syncStatusSchema },
  'sync.connect': { request: z.object({ server, db, user: name, password }), response: syncStatusSchema },
  'sync.disconnect': { request: z.object({}), response: syncStatusSchema },
  /** Offline: try the server now instead of at the next retry. */
  'sync.retry': { request: z.object({}), response: syncStatusSchema },
  'sync.setup': {
    request: z.object({ server, db, admin: z.object({ name, password }), members: z.array(z.object({ name, password: password.optional() })).max(200) }),
    response: z.object({ members: z.number() }),
  },
} as const;
