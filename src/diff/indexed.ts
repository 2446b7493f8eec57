/**
 * The item at an index that was taken from these very items (a match's task index, a pair's
 * place): there by construction, so a miss is a bug, said at once rather than carried on as
 * undefined.
 */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`no item ${index} among ${items.length}`);
  return item;
}
