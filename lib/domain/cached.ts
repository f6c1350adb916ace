// One value per key, made on first use and kept: for Intl formatters, which cost far more to make
// than to use (a popup's first frame made one per overdue row, a third of the list's render).
export function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
