// The owner sets up the shop's team database with CouchDB admin credentials (used for these calls
// only, never stored): the database, the validation design document, its members, their users.
import { CouchClient } from './couch';
import { designDoc } from './design';

export interface TeamSetup {
  server: string;
  db: string;
  admin: { name: string; password: string };
  /** Agents to add as users and members (a password only for a new or reset user). */
  members: { name: string; password?: string | undefined }[];
  fetch?: typeof fetch;
}

export async function setUpTeam(setup: TeamSetup): Promise<void> {
  const client = new CouchClient({ server: setup.server, db: setup.db, cookies: 'memory', basic: setup.admin, ...(setup.fetch ? { fetch: setup.fetch } : {}) });
  await client.createDb();
  await client.putDesign(designDoc._id, designDoc);
  for (const m of setup.members) if (m.password) await client.putUser(m.name, m.password);
  const current = await client.getSecurity().catch(() => ({}) as Awaited<ReturnType<CouchClient['getSecurity']>>);
  const names = [...new Set([...(current.members?.names ?? []), ...setup.members.map((m) => m.name)])];
  await client.putSecurity({ admins: { names: [], roles: [] }, members: { names, roles: current.members?.roles ?? [] } });
}
