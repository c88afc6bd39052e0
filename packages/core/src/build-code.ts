/**
 * What the build side runs, as Guix packages write it: `#:phases` as `#~(modify-phases
 * %standard-phases CLAUSE...)`, each clause typed by what it does to the build system's phases, and
 * flags computed on the build side (`#~(list "--enable-x" (string-append "--with-y=" #$y))`). A
 * phase's body and a computed flag are build-side code, Scheme by nature: `scheme` templates.
 */
import {
  comment,
  gexp,
  kw,
  list,
  quasiquote,
  quote,
  str,
  sym,
  unquoteSplicing,
  type Datum,
  type Node,
} from "@guix-ts/scheme-printer";
import { expression } from "./expressions.js";
import type { Expression, Scheme } from "./values.js";

/**
 * One clause of `modify-phases`: what the builders below make, or any Scheme; a comment line
 * (`";; Why."`); or a clause with the comment after it on its line (`[deletePhase("configure"), ";no configure script"]`).
 */
export type PhaseClause = Scheme | string | readonly [Scheme, string];

const phase = (name: string): Datum => quote(sym(name));

/** What a phase added or replaced may have besides its code. */
export interface PhaseOptions {
  /** Comment lines before the code: `(add-after 'unpack 'chdir ;; Why.\n (lambda ...))`. */
  readonly comments?: readonly string[];
}

const commented = (code: Scheme, options: PhaseOptions): Node[] => [
  ...(options.comments ?? []).map((c) => comment(c)),
  code,
];

/**
 * `(delete 'NAME)`: the build system's phase NAME is not run.
 *
 * @example modifyPhases([deletePhase("check")]) // #~(modify-phases %standard-phases (delete 'check))
 */
export function deletePhase(name: string): Scheme {
  return list([sym("delete"), phase(name)]);
}

/**
 * `(add-after 'AFTER 'NAME CODE)`: a new phase NAME, run after AFTER.
 *
 * @example addAfter("unpack", "chdir", scheme`(lambda _ (chdir "src"))`)
 */
export function addAfter(after: string, name: string, code: Scheme, options: PhaseOptions = {}): Scheme {
  return list([sym("add-after"), phase(after), phase(name), ...commented(code, options)]);
}

/**
 * `(add-before 'BEFORE 'NAME CODE)`: a new phase NAME, run before BEFORE.
 *
 * @example addBefore("check", "set-home", scheme`(lambda _ (setenv "HOME" "/tmp"))`)
 */
export function addBefore(before: string, name: string, code: Scheme, options: PhaseOptions = {}): Scheme {
  return list([sym("add-before"), phase(before), phase(name), ...commented(code, options)]);
}

/**
 * `(replace 'NAME CODE)`: the build system's phase NAME done otherwise.
 *
 * @example replacePhase("check", scheme`(lambda* (#:key tests? #:allow-other-keys) (when tests? (invoke "make" "test")))`)
 */
export function replacePhase(name: string, code: Scheme, options: PhaseOptions = {}): Scheme {
  return list([sym("replace"), phase(name), ...commented(code, options)]);
}

/** What `modifyPhases` takes besides its clauses. */
export interface ModifyPhasesOptions {
  /** The phases modified: `%standard-phases` unless said (`#$phases` in a substitution, say). */
  readonly base?: string | Scheme;
  /**
   * How the form is staged: `"gexp"`, `#~(modify-phases ...)`, as arguments written `(list ...)` take
   * it (the default); `"quote"` or `"quasiquote"` (`'(modify-phases ...)`), as older code has it;
   * `"none"` for the plain form that quoted arguments (`'(#:phases ...)`) hold.
   */
  readonly quoting?: Quoting;
}

/** How build-side code is staged: `#~`, `'`, `` ` ``, or not at all (inside quoted arguments). */
export type Quoting = "gexp" | "quote" | "quasiquote" | "none";

const staged = (form: Datum, quoting: Quoting = "gexp"): Datum =>
  quoting === "gexp"
    ? gexp(form)
    : quoting === "quote"
      ? quote(form)
      : quoting === "quasiquote"
        ? quasiquote(form)
        : form;

/**
 * `#~(modify-phases %standard-phases CLAUSE...)`: the build system's phases, some deleted, added or
 * replaced, for `#:phases`.
 *
 * @example gnuBuildSystem({ phases: modifyPhases([";; No configure script.", deletePhase("configure"), addAfter("unpack", "chdir", scheme`(lambda _ (chdir "src"))`)]) })
 */
export function modifyPhases(clauses: readonly PhaseClause[], options: ModifyPhasesOptions = {}): Expression {
  const base = options.base ?? "%standard-phases";
  const form = list([
    sym("modify-phases"),
    typeof base === "string" ? sym(base) : (base as Datum),
    ...clauses.flatMap((c) =>
      typeof c === "string" ? [comment(c)] : Array.isArray(c) ? [c[0], comment(c[1], { margin: true })] : [c as Datum],
    ),
  ]);
  return expression(staged(form, options.quoting), []);
}

/**
 * `#~(list FLAG...)`: flags for `#:configure-flags`, `#:make-flags`, `#:test-flags` and the like,
 * text or build-side code (`#$output`, `(string-append ...)`); `{ quoting: "none" }` for a plain `(list ...)`.
 *
 * @example gnuBuildSystem({ configureFlags: flags(["--disable-static", scheme`(string-append "--with-ssl=" #$openssl)`]) })
 */
export function flags(items: readonly (string | Scheme)[], options: { readonly quoting?: Quoting } = {}): Expression {
  const form = list([sym("list"), ...items.map((i) => (typeof i === "string" ? str(i) : (i as Datum)))]);
  return expression(staged(form, options.quoting), []);
}

/**
 * A module for the build side: its name (`["guix", "build", "utils"]`), with `#:prefix` or
 * `#:select`; or a list of modules spliced in (`,@%default-gnu-imported-modules`, quasiquoted only).
 */
export type ModuleSpec =
  | readonly string[]
  | { readonly module: readonly string[]; readonly prefix?: string; readonly select?: readonly string[] }
  | { readonly splice: string };

/**
 * `'((guix build utils) ((guix build gnu-build-system) #:prefix gnu:))`: the modules of
 * `#:modules` or `#:imported-modules`.
 *
 * @example gnuBuildSystem({ modules: buildModules([["guix", "build", "utils"], { module: ["guix", "build", "gnu-build-system"], prefix: "gnu:" }]) })
 */
export function buildModules(specs: readonly ModuleSpec[], options: { readonly quoting?: Quoting } = {}): Expression {
  const name = (parts: readonly string[]): Datum => list(parts.map((p) => sym(p)));
  const items = specs.map((spec): Datum => {
    if (Array.isArray(spec)) return name(spec as readonly string[]);
    if ("splice" in spec) return unquoteSplicing(sym(spec.splice));
    const { module, prefix, select } = spec as Exclude<ModuleSpec, readonly string[] | { splice: string }>;
    return list([
      name(module),
      ...(prefix === undefined ? [] : [kw("prefix"), sym(prefix)]),
      ...(select === undefined ? [] : [kw("select"), list(select.map((s) => sym(s)))]),
    ]);
  });
  return expression(staged(list(items), options.quoting ?? "quote"), []);
}
