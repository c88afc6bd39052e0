/**
 * A whole Guix file as values: its forms in order, each a package definition made with the builders
 * or Scheme kept as it is (comments and blank lines too). What `guix-ts import` gives, and what a
 * module's default export holds for `guix-ts print`.
 */
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { blankLines, isDatum, list, printDatums, sym, type Node } from "@guix-ts/scheme-printer";
import type { CheckedDefinition } from "./checked.js";
import { deepFreeze } from "./deep-freeze.js";
import { Lowering, type LowerOptions } from "./lower.js";
import { eachOf, isDatumValue, kindOf, matches, VARIABLE } from "./validate-fields.js";
import { validateDefinition } from "./validate.js";
import { all, check, problem, type Validation } from "./validation.js";
import { isScheme, type Package, type PackageVariant } from "./values.js";
import type { SchemeFile } from "./files/scheme-file.js";

/**
 * A blank line between two forms of a file.
 *
 * @example guixFile([...schemeForms("(define-module (my packages))"), blankLine, definePackage("x", x)])
 */
export const blankLine: Node = blankLines();

/** `(define-public VARIABLE PACKAGE)`, or `(define ...)` when not public. */
export interface PackageDefinition {
  readonly kind: "package-definition";
  readonly variable: string;
  readonly public: boolean;
  readonly package: Package | PackageVariant;
}

/** A file's forms in order. */
export interface GuixFile {
  readonly kind: "guix-file";
  readonly forms: readonly (PackageDefinition | Node)[];
  /** The prefix its licenses are written with (`license:` when the file imports `(guix licenses)` so). */
  readonly licensePrefix?: string | undefined;
}

/**
 * `(define-public VARIABLE PACKAGE)` (`{ public: false }`: `(define ...)`).
 *
 * @example definePackage("hello", pkg({ name: "hello", ... }))
 */
export function definePackage(
  variable: string,
  pkg: Package | PackageVariant,
  options: { readonly public?: boolean } = {},
): PackageDefinition {
  return deepFreeze({ kind: "package-definition", variable, public: options.public ?? true, package: pkg });
}

/**
 * A file of these forms, in this order.
 *
 * @example guixFile([...schemeForms("(define-module (my packages))"), definePackage("hello", hello)])
 */
export function guixFile(
  forms: readonly (PackageDefinition | Node)[],
  options: { readonly licensePrefix?: string } = {},
): GuixFile {
  return deepFreeze({ kind: "guix-file", forms, ...options });
}

/**
 * Whether `value` is a {@link GuixFile}.
 *
 * @example isGuixFile((await import("./hello.ts")).default) // true
 */
export function isGuixFile(value: unknown): value is GuixFile {
  return kindOf(value) === "guix-file";
}

/**
 * The text of a Guix file: its forms printed in order, as they are (no module is added: the file
 * has its own `define-module` or `use-modules` among its forms). Every problem of its packages, or
 * the file.
 *
 * @example guixFileE(guixFile([...])) // Right({ text: "(define-module ...)\n\n(define-public hello ...)\n" })
 */
export function guixFileE(file: GuixFile, options: LowerOptions = {}): Validation<SchemeFile> {
  if (!isGuixFile(file)) return problem("file", file, "expected guixFile([...])");
  const forms = Array.isArray(file.forms) ? file.forms : [];
  return pipe(
    eachOf(forms, "file.forms", (form: unknown, path): Validation<Node | Defined> => {
      // Any node the reader makes is a form of a file: data, comments, blank lines, a script header.
      if (isScheme(form))
        return isDatumValue(form) || !isDatum(form) ? E.right(form) : problem(path, form, "expected a form");
      if (kindOf(form) !== "package-definition") return problem(path, form, "expected definePackage(...) or Scheme");
      const d = form as PackageDefinition;
      return pipe(
        all({
          variable: check(matches(VARIABLE, d.variable), `${path}.variable`, d.variable, "expected a variable name"),
          checked: validateDefinition(d.package, `${path}.package`),
          public: check(typeof d.public === "boolean", `${path}.public`, d.public, "expected true or false"),
        }),
        E.map(({ checked }): Defined => ({ definition: d, checked })),
      );
    }),
    E.map((items) => {
      const lowering = new Lowering({
        ...(file.licensePrefix !== undefined ? { licensePrefix: file.licensePrefix } : {}),
        ...options,
      });
      const nodes = items.map((item) =>
        isScheme(item as Node)
          ? (item as Node)
          : list([
              sym((item as Defined).definition.public ? "define-public" : "define"),
              sym((item as Defined).definition.variable),
              lowering.definition((item as Defined).checked),
            ]),
      );
      return Object.freeze({ kind: "scheme-file" as const, nodes: Object.freeze(nodes), text: printDatums(nodes) });
    }),
  );
}

/** A definition with its package checked. */
interface Defined {
  readonly definition: PackageDefinition;
  readonly checked: CheckedDefinition;
}
