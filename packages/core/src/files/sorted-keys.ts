/**
 * `value` with the keys of every object in it sorted: JSON whose bytes depend only on the data.
 *
 * @example JSON.stringify(withSortedKeys({ b: 1, a: { d: 2, c: 3 } })) // '{"a":{"c":3,"d":2},"b":1}'
 */
export function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, withSortedKeys((value as Record<string, unknown>)[k])]),
  );
}
