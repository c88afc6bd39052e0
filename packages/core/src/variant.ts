/**
 * Variants of packages, the way Guix people write them: `(package (inherit p) ...)` with the fields
 * that change, the parent's inputs modified (`modify-inputs`) and its arguments substituted
 * (`substitute-keyword-arguments`). Builders only build: `validateManifest` checks them.
 */
import { buildSystem, type CommonArguments } from "./build-systems/build-system.js";
import { deepFreeze } from "./deep-freeze.js";
import { layoutOf } from "./values.js";
import type {
  ArgumentValue,
  InputClause,
  KeywordArguments,
  KeywordSubstitution,
  ModifyInputs,
  PackageInput,
  PackageRef,
  PackageVariant,
  SubstituteKeywordArguments,
} from "./values.js";

/** The fields a variant sets: any field of `pkg()`, and `arguments`, `replacement`. */
export type VariantFields = Omit<PackageVariant, "kind" | "parent" | "style">;

/**
 * `(package (inherit PARENT) FIELD...)`: PARENT with the fields given.
 *
 * @example inherit(guixPackage("curl", "gnu packages curl"), { name: "curl-minimal", inputs: modifyInputs(deleteInputs("openldap")) })
 */
export function inherit(parent: PackageRef, fields: VariantFields = {}): PackageVariant {
  return deepFreeze({ kind: "package-variant", parent, style: "inherit", ...fields });
}

/**
 * `(package/inherit PARENT FIELD...)`: as {@link inherit}, and the same change made to PARENT's
 * replacement (its graft), as Guix asks of a variant of a package that may be grafted.
 *
 * @example packageInherit(guixPackage("openssl", "gnu packages tls"), { arguments: substituteKeywordArguments(keywordSubstitution("tests?", false)) })
 */
export function packageInherit(parent: PackageRef, fields: VariantFields = {}): PackageVariant {
  return deepFreeze({ kind: "package-variant", parent, style: "package/inherit", ...fields });
}

/**
 * `(modify-inputs (package-inputs PARENT) CLAUSE...)`
 *
 * @example modifyInputs(deleteInputs("openldap"), prepend(gnutls), replaceInput("openssl", libressl))
 */
export function modifyInputs(...clauses: readonly InputClause[]): ModifyInputs {
  return deepFreeze({ kind: "modify-inputs", clauses });
}

/**
 * `(prepend INPUT...)`: before the parent's.
 *
 * @example modifyInputs(prepend(gnutls, [glib, "bin"]))
 */
export function prepend(...inputs: readonly PackageInput[]): InputClause {
  return deepFreeze({ kind: "prepend", inputs });
}

/**
 * `(append INPUT...)`: after the parent's.
 *
 * @example modifyInputs(append(python-pytest))
 */
export function append(...inputs: readonly PackageInput[]): InputClause {
  return deepFreeze({ kind: "append", inputs });
}

/**
 * `(delete "NAME"...)`: the parent's inputs of those package names left out.
 *
 * @example modifyInputs(deleteInputs("openldap", "libssh2"))
 */
export function deleteInputs(...names: readonly string[]): InputClause {
  return deepFreeze({ kind: "delete", names });
}

/**
 * `(replace "NAME" INPUT)`: the parent's input of that package name replaced.
 *
 * @example modifyInputs(replaceInput("openssl", guixPackage("libressl", "gnu packages tls")))
 */
export function replaceInput(name: string, input: PackageInput): InputClause {
  return deepFreeze({ kind: "replace", name, input });
}

/**
 * `(substitute-keyword-arguments (package-arguments PARENT) CLAUSE...)`
 *
 * @example substituteKeywordArguments(keywordSubstitution("tests?", false))
 */
export function substituteKeywordArguments(...clauses: readonly KeywordSubstitution[]): SubstituteKeywordArguments {
  return deepFreeze({ kind: "substitute-keyword-arguments", clauses });
}

/**
 * One clause: `((#:KEYWORD VARIABLE DEFAULT) VALUE)`. Without a variable, `_` (the parent's value
 * unused); VALUE may name the variable to use the parent's value.
 *
 * @example keywordSubstitution("configure-flags", scheme`(cons "--without-ssl" flags)`, { variable: "flags", default: scheme`'()` })
 */
export function keywordSubstitution(
  keyword: string,
  value: ArgumentValue,
  options: { readonly variable?: string; readonly default?: ArgumentValue } = {},
): KeywordSubstitution {
  return deepFreeze({ keyword, value, ...options });
}

/**
 * A variant's `(arguments ...)` of its own, under the parent's build system: the options of any
 * typed build system (`tests`, `configureFlags`, `phases`, `extra`...).
 *
 * @example inherit(python, { arguments: keywordArguments({ tests: false }) }) // (arguments (list #:tests? #f))
 */
export function keywordArguments(options: CommonArguments): KeywordArguments {
  const bs = buildSystem("", options, {});
  return deepFreeze({ kind: "keyword-arguments", arguments: bs.arguments, style: bs.style, ...layoutOf(bs) });
}
