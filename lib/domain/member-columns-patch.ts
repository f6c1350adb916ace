// Member columns (member-columns.ts) brought up to date with the members written since they were
// built: the background keeps every member's facts from the change stream this way, with no read
// of the member rows. Pure.
import { columnsBuilder, eachMember, type FactMember, type MemberColumns } from './member-columns';

/** What the columns keep of a member row: nothing else of it (names, notes, dates) is held. */
export function factOf(row: FactMember): FactMember {
  const { id, tierId, currency, tags, orderCount, spendMinor, averageOrderMinor, firstOrderAt, lastOrderAt, doNotContact, profile } = row;
  const { pointsAdjustment, categoryLastAt } = row;
  return {
    id,
    tierId,
    currency,
    tags: [...tags],
    orderCount,
    spendMinor,
    averageOrderMinor,
    firstOrderAt,
    lastOrderAt,
    doNotContact,
    profile: profile.birthday ? { birthday: profile.birthday } : {},
    pointsAdjustment,
    categoryLastAt: categoryLastAt && { ...categoryLastAt },
  };
}

/**
 * The columns with `changed` applied: a member there replaces (or adds) the one of its id, null
 * removes it. Members stay in id order (as the table's primary key orders them: by UTF-16 code
 * units, as JavaScript compares strings), which is what platform columns are matched by.
 */
export function patchColumns(
  base: MemberColumns,
  ids: readonly string[],
  changed: ReadonlyMap<string, FactMember | null>,
): { columns: MemberColumns; ids: string[] } {
  const order = [...changed.keys()].sort();
  const builder = columnsBuilder(base.count + order.length);
  let k = 0;
  const addChanged = (id: string) => {
    const member = changed.get(id);
    if (member) builder.add(member);
  };
  eachMember(base, ids, (member) => {
    while (k < order.length && order[k]! < member.id) addChanged(order[k++]!);
    if (k < order.length && order[k] === member.id) addChanged(order[k++]!);
    else builder.add(member);
  });
  while (k < order.length) addChanged(order[k++]!);
  return builder.finish();
}
