/**
 * Typed expressions for what Guix code computes rather than states: a URL that follows the version
 * (`concat`, `mirror`, `pypiUri`, `crateUri`), patches from Guix's tree (`searchPatches`). Each
 * carries the modules its procedures come from, so the file imports them.
 */
import { comment, kw, list, quote, str, sym, type Datum } from "@guix-ts/scheme-printer";
import { deepFreeze } from "./deep-freeze.js";
import { packageVersion } from "./origin.js";
import { isScheme, type Expression, type Scheme } from "./values.js";

/**
 * The package's `name` variable, for URLs and file names that follow it.
 *
 * @example concat("https://example.org/", packageName, "-", packageVersion, ".tar.gz") // (string-append "https://example.org/" name "-" version ".tar.gz")
 */
export const packageName: Scheme = sym("name");

/** A part of a computed string: text, the package's `name` or `version` ({@link packageVersion}), Scheme, or an expression. */
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
 * `(string-append PART...)`: text joined with the version or other expressions, the parts as given
 * (a long URL split in two strings stays so).
 *
 * @example concat("https://curl.se/download/curl-", packageVersion, ".tar.xz") // (string-append "https://curl.se/download/curl-" version ".tar.xz")
 */
export function concat(...parts: readonly Part[]): Expression {
  return expression(list([sym("string-append"), ...parts.map(nodeOf)]), modulesOf(parts));
}

/**
 * A `mirror://NAME/...` URL (Guix's `%mirrors`: gnu, savannah, sourceforge, cpan, kernel.org...),
 * its path parts joined as {@link concat} does.
 *
 * @example mirror("gnu", "hello/hello-", packageVersion, ".tar.gz") // (string-append "mirror://gnu/hello/hello-" version ".tar.gz")
 */
export function mirror(name: string, ...path: readonly Part[]): Expression {
  const [first, ...rest] = path;
  const prefix = `mirror://${name}/`;
  if (first === undefined) return expression(str(prefix), []);
  if (typeof first !== "string") return concat(prefix, first, ...rest);
  return rest.length === 0 ? expression(str(prefix + first), []) : concat(prefix + first, ...rest);
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

/** A procedure that gives a source's URL from a project's name and version, and the module exporting it. */
const uriProcedure =
  (procedure: string, module: readonly string[]) =>
  (name: string, version: Part = packageVersion, ...more: readonly Part[]): Expression =>
    expression(list([sym(procedure), str(name), nodeOf(version), ...more.map(nodeOf)]), [
      module,
      ...modulesOf([version, ...more]),
    ]);

/**
 * `(cran-uri "NAME" version)`: an R package on CRAN.
 *
 * @example urlFetch({ url: cranUri("ggplot2"), sha256 }) // (uri (cran-uri "ggplot2" version))
 */
export const cranUri = uriProcedure("cran-uri", ["guix", "build-system", "r"]);

/**
 * `(bioconductor-uri "NAME" version ['TYPE])`: an R package of Bioconductor; TYPE is `'annotation`,
 * `'experiment`, ... (give it as {@link quoted}).
 *
 * @example urlFetch({ url: bioconductorUri("limma"), sha256 }) // (uri (bioconductor-uri "limma" version))
 */
export const bioconductorUri = uriProcedure("bioconductor-uri", ["guix", "build-system", "r"]);

/**
 * `(hackage-uri "NAME" version)`: a Haskell package on Hackage.
 *
 * @example urlFetch({ url: hackageUri("aeson"), sha256 }) // (uri (hackage-uri "aeson" version))
 */
export const hackageUri = uriProcedure("hackage-uri", ["guix", "build-system", "haskell"]);

/**
 * `(rubygems-uri "NAME" version)`: a Ruby gem.
 *
 * @example urlFetch({ url: rubygemsUri("rake"), sha256 }) // (uri (rubygems-uri "rake" version))
 */
export const rubygemsUri = uriProcedure("rubygems-uri", ["guix", "build-system", "ruby"]);

/**
 * `(hexpm-uri "NAME" version)`: an Erlang or Elixir package on hex.pm.
 *
 * @example urlFetch({ url: hexpmUri("jsx"), sha256 }) // (uri (hexpm-uri "jsx" version))
 */
export const hexpmUri = uriProcedure("hexpm-uri", ["guix", "build-system", "rebar"]);

/**
 * A symbol quoted, `'NAME`: an argument such as Bioconductor's package type.
 *
 * @example bioconductorUri("org.Hs.eg.db", packageVersion, quoted("annotation")) // (bioconductor-uri "org.Hs.eg.db" version 'annotation)
 */
export function quoted(name: string): Scheme {
  return quote(sym(name));
}

/** A procedure of `(guix utils)` or another module applied to the version (and constant arguments). */
const versionProcedure =
  (procedure: string, module: readonly string[] = ["guix", "utils"]) =>
  (version: Part = packageVersion): Expression =>
    expression(list([sym(procedure), nodeOf(version)]), [module, ...modulesOf([version])]);

/**
 * `(version-major+minor version)`: "3.11" of "3.11.4".
 *
 * @example mirror("gnome", "sources/glib/", versionMajorMinor(), "/glib-", packageVersion, ".tar.xz")
 */
export const versionMajorMinor = versionProcedure("version-major+minor");

/**
 * `(version-major version)`: "3" of "3.11.4".
 *
 * @example concat("https://example.org/v", versionMajor(), "/x-", packageVersion, ".tar.gz")
 */
export const versionMajor = versionProcedure("version-major");

/**
 * `(version-major+minor+point version)`: "3.11.4" of "3.11.4.2".
 *
 * @example concat("https://example.org/", versionMajorMinorPoint(), "/x.tar.gz")
 */
export const versionMajorMinorPoint = versionProcedure("version-major+minor+point");

/**
 * `(version-with-underscores version)`: "1_2_3" of "1.2.3".
 *
 * @example concat("https://example.org/x-", versionWithUnderscores(), ".tar.gz")
 */
export const versionWithUnderscores = versionProcedure("version-with-underscores");

/**
 * `(go-version->git-ref version)`: the tag of a Go module's version (`v1.2.3`, or the commit of a
 * pseudo-version), for a git source's commit.
 *
 * @example gitFetch({ url, commit: goVersionToGitRef(), sha256 }) // (commit (go-version->git-ref version))
 */
export const goVersionToGitRef = versionProcedure("go-version->git-ref", ["guix", "build-system", "go"]);

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

/**
 * A comment among a package's inputs: a line of its own before the next input, or with `margin`
 * after the input before it, on that input's line.
 *
 * @example inputs: [inputComment(";; For the tests."), python-pytest, zlib, inputComment(";for zlib.h", { margin: true })]
 */
export function inputComment(text: string, options: { readonly margin?: boolean } = {}): Expression {
  return expression(comment(text, { margin: options.margin === true }), []);
}

/**
 * A variable the code around binds: a package's `let` bindings (`commit`, `revision`), a
 * procedure's argument.
 *
 * @example gitFetch({ url, commit: boundVariable("commit"), sha256 }) // (commit commit)
 */
export function boundVariable(name: string): Scheme {
  return sym(name);
}

/**
 * `(git-version "0.1" revision commit)`: the version of a package built from a git commit,
 * `0.1-1.0123abc`, from the `revision` and `commit` bound around it (see `bindings`).
 *
 * @example pkg({ name: "x", version: gitVersion("0.1"), bindings: [["commit", "0123..."], ["revision", "1"]], ... })
 */
export function gitVersion(
  version: string,
  revision: Part = sym("revision"),
  commit: Part = sym("commit"),
): Expression {
  return expression(list([sym("git-version"), str(version), nodeOf(revision), nodeOf(commit)]), [
    ["guix", "git-download"],
    ...modulesOf([revision, commit]),
  ]);
}

/**
 * `(package-version VARIABLE)`: the version of another package, for one that follows it.
 *
 * @example inherit(python, { name: "python-docs", version: versionOf("python") })
 */
export function versionOf(variable: string): Expression {
  return expression(list([sym("package-version"), sym(variable)]), [["guix", "packages"]]);
}

/**
 * `(git-file-name NAME VERSION)`: a checkout's file name from other parts than the package's own
 * name and version ({@link gitFileName} is those).
 *
 * @example gitFetch({ url, commit, sha256, fileName: gitFileNameOf("foo", packageVersion) }) // (git-file-name "foo" version)
 */
export function gitFileNameOf(name: Part, version: Part): Expression {
  return expression(list([sym("git-file-name"), nodeOf(name), nodeOf(version)]), [
    ["guix", "git-download"],
    ...modulesOf([name, version]),
  ]);
}
