import { describe, expect, it } from 'vitest';
import type { StoreChange } from '../../store/changes';
import { committedChangesOf, SYNC_ORIGIN } from './committed-changes';

const change = (tables: StoreChange['tables'], extra: Partial<StoreChange> = {}): StoreChange => ({ db: 'regulars', tables, from: 'here', ...extra });

describe('the committed changes sync sends', () => {
  it.each([
    ['puts and deletes of one table become one set of keys', change([{ table: 'members', kind: 'put', keys: ['a', 'b'] }, { table: 'members', kind: 'delete', keys: ['c'] }]), [{ table: 'members', keys: ['a', 'b', 'c'] }]],
    ['a range deleted means the whole table is read', change([{ table: 'notes', kind: 'put', keys: ['n1'] }, { table: 'notes', kind: 'delete', keys: null }]), [{ table: 'notes', keys: undefined }]],
    ['tables that are not shared are left out', change([{ table: 'tierChanges', kind: 'put', keys: ['t'] }, { table: 'orders', kind: 'put', keys: ['o'] }]), [{ table: 'orders', keys: ['o'] }]],
    ['another database is not ours', change([{ table: 'members', kind: 'put', keys: ['a'] }], { db: 'other' }), []],
    ['rows sync wrote from the team database are not sent back', change([{ table: 'members', kind: 'put', keys: ['a'] }], { origin: SYNC_ORIGIN }), []],
    ['rows written by an import session are sent', change([{ table: 'orders', kind: 'put', keys: ['o'] }], { origin: 'import:s1', from: 'elsewhere' }), [{ table: 'orders', keys: ['o'] }]],
  ] as const)('%s', (_name, c, expected) => {
    expect(committedChangesOf(c, 'regulars', ['members', 'notes', 'orders'])).toEqual(expected);
  });
});
