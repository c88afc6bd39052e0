/** Top-level definitions of a file: `(define NAME VALUE)`, for values and procedures its code names. */
import { deepFreeze } from "./deep-freeze.js";
import type { Definition, Expression, Scheme } from "./values.js";

/**
 * `(define NAME VALUE)` at the top of a file, before the packages: name it in `scheme` templates.
 *
 * @example define("%common-flags", scheme`'("--disable-static" "--enable-shared")`)
 */
export function define(name: string, value: Scheme | Expression): Definition {
  return deepFreeze({ kind: "definition", name, value });
}
