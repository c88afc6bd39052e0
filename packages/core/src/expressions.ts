/**
 * Typed expressions for what Guix code computes rather than states: a URL that follows the version
 * (`concat`, `mirror`, `pypiUri`, `crateUri`), patches from Guix's tree (`searchPatches`). Each
 * carries the modules its procedures come from, so the file imports them.
 */
import { kw, list, quote, str, sym, type Datum } from "@guix-ts/scheme-printer";
import { deepFreeze } from "./deep-freeze.js";
import { packageVersion } from "./origin.js";
import { isScheme, type Expression, type Scheme } from "./values.js";

/** A part of a computed string: text, the package's `version` ({@link packageVersion}), Scheme, or an expression. */
export type Part = string | Expression | Scheme;

const nodeOf = (part: Part): Datum =>
  typeof part === "string" ? str(part) : isExpression(part) ? (part.node as Datum) : (part as Datum);
const modulesOf = (parts: readonly Part[]): (readonly string[])[] =>
  parts.flatMap((part) => (isExpression(part) ? part.modules : []));

/**
 * Whether `value` is an expression builders made.
 *
 * @example isExpression(pypiUri("fastapi")) // true
 */
export function isExpression(value: unknown): value is Expression {
  return typeof value === "object" && value !== null && !isScheme(value) && (value as Expression).kind === "expression";
}

/**
 * Scheme code with the modules it needs: for procedures the other builders do not name.
 *
 * @example expression(scheme`(gnome-uri "glib" version)`, [["guix", "build-system", "glib-or-gtk"]])
 */
export function expression(node: Scheme, modules: readonly (readonly string[])[] = []): Expression {
  return deepFreeze({ kind: "expression", node, modules });
}

/**
 * `(string-append PART...)`: text joined with the version or other expressions; plain text alone
 * stays text.
 *
 * @example concat("https://curl.se/download/curl-", packageVersion, ".tar.xz") // (string-append "https://curl.se/download/curl-" version ".tar.xz")
 */
export function concat(...parts: readonly Part[]): Expression {
  const merged: Part[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (typeof part === "string" && typeof last === "string") merged[merged.length - 1] = last + part;
    else if (part !== "") merged.push(part);
  }
  const node = merged.length === 1 ? nodeOf(merged[0]!) : list([sym("string-append"), ...merged.map(nodeOf)]);
  return expression(node, modulesOf(merged));
}

/**
 * A `mirror://NAME/...` URL (Guix's `%mirrors`: gnu, savannah, sourceforge, cpan, kernel.org...),
 * its path parts joined as {@link concat} does.
 *
 * @example mirror("gnu", "hello/hello-", packageVersion, ".tar.gz") // (string-append "mirror://gnu/hello/hello-" version ".tar.gz")
 */
export function mirror(name: string, ...path: readonly Part[]): Expression {
  return concat(`mirror://${name}/`, ...path);
}

/**
 * `(pypi-uri "NAME" version)`: the source tarball of a Python project on PyPI.
 *
 * @example urlFetch({ url: pypiUri("fastapi"), sha256 }) // (uri (pypi-uri "fastapi" version))
 */
export function pypiUri(name: string, version: Part = packageVersion, extension?: string): Expression {
  const args = [str(name), nodeOf(version), ...(extension === undefined ? [] : [str(extension)])];
  return expression(list([sym("pypi-uri"), ...args]), [["guix", "build-system", "python"], ...modulesOf([version])]);
}

/**
 * `(crate-uri "NAME" version)`: a Rust crate on crates.io.
 *
 * @example urlFetch({ url: crateUri("ripgrep"), sha256, fileName: concat("ripgrep-", packageVersion, ".tar.gz") })
 */
export function crateUri(name: string, version: Part = packageVersion): Expression {
  return expression(list([sym("crate-uri"), str(name), nodeOf(version)]), [
    ["guix", "build-system", "cargo"],
    ...modulesOf([version]),
  ]);
}

/**
 * `(search-patches "FILE"...)`: patches from Guix's own tree (`gnu/packages/patches`).
 *
 * @example urlFetch({ url, sha256, patches: [searchPatches("curl-use-ssl-cert-env.patch")] })
 */
export function searchPatches(...files: readonly string[]): Expression {
  return expression(list([sym("search-patches"), ...files.map((f) => str(f))]), [["gnu", "packages"]]);
}

/**
 * `(cargo-inputs 'NAME)`: the Rust crates a package of Guix's `rust-crates` module (or `module`)
 * lists for NAME, as Guix's cargo packages give them since 2025: last in `inputs`, after any package
 * (`(cons* pcre2 (cargo-inputs 'ripgrep))`).
 *
 * @example pkg({ ..., buildSystem: cargoBuildSystem(), inputs: [pcre2, cargoInputs("ripgrep")] })
 */
export function cargoInputs(name: string, options: { readonly module?: readonly string[] } = {}): Expression {
  const node = list([
    sym("cargo-inputs"),
    quote(sym(name)),
    ...(options.module === undefined ? [] : [kw("module"), quote(list(options.module.map((p) => sym(p))))]),
  ]);
  return deepFreeze({ kind: "expression", node, modules: [["guix", "build-system", "cargo"]], splice: true });
}
