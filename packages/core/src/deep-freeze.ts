/**
 * Freeze a builder value and the arrays and records inside it.
 *
 * @example const lock = deepFreeze({ version: 1, sources: {}, channels: {} }); Object.isFrozen(lock.sources) // true
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
