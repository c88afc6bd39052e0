/**
 * Validation that gathers every problem in one pass (fp-ts's applicative
 * validation over non-empty arrays), each problem with the path in the
 * builder tree and the value found, like io-ts's errors.
 */
import * as A from "fp-ts/lib/Apply.js";
import * as E from "fp-ts/lib/Either.js";
import * as NEA from "fp-ts/lib/NonEmptyArray.js";
import * as RA from "fp-ts/lib/ReadonlyArray.js";
import { pipe } from "fp-ts/lib/function.js";

// ---------------------------------------------------------------------------
// model

/** One thing wrong with a builder input. */
export interface Problem {
  /** Where, in the builder tree: `manifest.packages[1].source.sha256`. */
  readonly path: string;
  /** What was found there. */
  readonly value: unknown;
  /** What was expected, in words. */
  readonly message: string;
  /** The other places the same value is used (a package used several times is checked once). */
  readonly alsoAt?: readonly string[];
}

/** Either every problem found, or the value. */
export type Validation<T> = E.Either<NEA.NonEmptyArray<Problem>, T>;

export const V = E.getApplicativeValidation(NEA.getSemigroup<Problem>());

// ---------------------------------------------------------------------------
// constructors

export const ok = <T>(value: T): Validation<T> => E.right(value);

export function problem(path: string, value: unknown, message: string): Validation<never> {
  return E.left([{ path, value, message }]);
}

/** `value` when `valid`, else one problem. */
export function check<T>(valid: boolean, path: string, value: T, message: string): Validation<T> {
  return valid ? ok(value) : problem(path, value, message);
}

// ---------------------------------------------------------------------------
// combinators

/** Validate every field of a record at once: `all({ name: ..., version: ... })`. */
export const all = A.sequenceS(V);

/** Validate every element; the problems of all of them together. */
export function each<T, U>(
  items: readonly T[],
  path: string,
  validate: (item: T, path: string) => Validation<U>,
): Validation<readonly U[]> {
  // Array.from: a sparse array's holes are elements too (undefined), each checked.
  return pipe(
    Array.from(items),
    RA.mapWithIndex((i, item) => validate(item, `${path}[${i}]`)),
    RA.sequence(V),
  );
}

/** Validate an optional field: absent is fine. */
export function optional<T, U>(value: T | undefined, validate: (value: T) => Validation<U>): Validation<U | undefined> {
  return value === undefined ? ok(undefined) : validate(value);
}

/** Keep `value` once every check passed. */
export function andKeep<T>(value: T, ...checks: Validation<unknown>[]): Validation<T> {
  return pipe(
    RA.sequence(V)(checks),
    E.map(() => value),
  );
}

// ---------------------------------------------------------------------------
// reporters

/** Any value as a short line of text; never throws (a null-prototype object has no `toString`). */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined) return "nothing";
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    try {
      text = String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * One line a problem: `path: value: message`.
 *
 * @example formatProblems([{ path: "manifest.packages[0].name", value: "", message: "expected a package name" }])
 * // manifest.packages[0].name: "": expected a package name
 */
export function formatProblems(problems: readonly Problem[]): string {
  return problems
    .map(
      (p) => `${p.path}: ${show(p.value)}: ${p.message}${p.alsoAt?.length ? ` (also at ${p.alsoAt.join(", ")})` : ""}`,
    )
    .join("\n");
}

/**
 * Thrown by the throwing wrappers; lists every problem.
 *
 * @example try { manifestFile({ manifest }) } catch (e) { if (e instanceof GuixValidationError) console.error(formatProblems(e.problems)) }
 */
export class GuixValidationError extends Error {
  override readonly name = "GuixValidationError";
  constructor(readonly problems: readonly Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${formatProblems(problems)}`);
  }
}

/**
 * The value, or throw a {@link GuixValidationError} that lists every problem.
 *
 * @example const file = orThrow(manifestFileE({ manifest }));
 */
export function orThrow<T>(validation: Validation<T>): T {
  if (E.isLeft(validation)) throw new GuixValidationError(validation.left);
  return validation.right;
}
