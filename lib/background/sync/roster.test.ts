// "Assign to" lists the whole team: the database's members (read from _security, which every member
// may read) and whoever wrote to it (a member through a role, named in no list), this user too.
import { describe, expect, it } from 'vitest';
import { teamOnTestServer } from '../../../tests/support/team-machines';
import { importOrders } from '../import/import-orders';
import { addTag } from '../members/card';
import { NOW, order } from '../test-helpers';

const { newTeam, machine, server } = teamOnTestServer();

async function asAdmin(path: string, method: string, body?: object) {
  const { url, admin } = server();
  const res = await fetch(`${url}/${path}`, { method, headers: { authorization: `Basic ${btoa(`${admin.name}:${admin.password}`)}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  expect(res.ok).toBe(true);
  return res.json() as Promise<Record<string, unknown>>;
}

describe('the team roster', () => {
  it('lists every member of the team database before any of them wrote, this user included', async () => {
    const team = await newTeam();
    const b = await machine(team, 'bob', 'bob-pw');
    b.engine.start();
    await b.engine.settled();
    expect(await b.engine.team()).toEqual(['alice', 'bob']);
  });

  it('adds a user who is a member through a role once a document of theirs arrives', async () => {
    const team = await newTeam();
    const security = await asAdmin(`${team}/_security`, 'GET');
    await asAdmin(`${team}/_security`, 'PUT', { ...security, members: { names: ['alice', 'bob'], roles: ['agents'] } });
    await asAdmin('_users/org.couchdb.user:dora', 'PUT', { _id: 'org.couchdb.user:dora', name: 'dora', type: 'user', roles: ['agents'], password: 'dora-pw' });
    const d = await machine(team, 'dora', 'dora-pw');
    await importOrders(d.db, [order({ buyer: { handle: 'ren' } })], NOW);
    await addTag(d.db, (await d.db.members.toArray())[0]!.id, 'vip', NOW);
    d.engine.start();
    await d.engine.settled();

    const b = await machine(team, 'bob', 'bob-pw');
    b.engine.start();
    await b.engine.settled();
    expect(await b.engine.team()).toEqual(['alice', 'bob', 'dora']);
  });
});
