/** `value` with the keys of every object in it sorted: JSON whose bytes depend only on the data. */
export function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, withSortedKeys((value as Record<string, unknown>)[k])]),
  );
}
