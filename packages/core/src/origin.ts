import { deepFreeze } from "./deep-freeze.js";
import { list, sym } from "@guix-ts/scheme-printer";
import { type Expression, type GitReference, type Layout, type Origin, type Scheme } from "./values.js";

/** The fields every origin builder takes besides its method and URI, and their layout. */
export interface OriginFields extends Layout {
  /** nix-base32 sha256; for a git checkout, leave it out to have `guix-ts lock` compute it. */
  readonly sha256?: string;
  readonly fileName?: Origin["fileName"];
  readonly patches?: Origin["patches"];
  readonly patchFlags?: readonly string[];
  readonly patchInputs?: Origin["patchInputs"];
  readonly snippet?: Scheme;
  readonly modules?: readonly (readonly string[])[];
}

/** What `origin()` takes: any fetch method. */
export interface OriginOptions extends OriginFields {
  /** A method variable and its module, e.g. `{ name: "hg-fetch", module: ["guix", "hg-download"] }`. */
  readonly method: { readonly name: string; readonly module: readonly string[] };
  readonly uri: Origin["uri"];
}

/**
 * `(origin (method ...) (uri ...) (sha256 (base32 "...")) ...)` for any fetch method.
 *
 * @example origin({ method: { name: "hg-fetch", module: ["guix", "hg-download"] }, uri: scheme`(hg-reference (url "https://hg.example.org/x") (changeset "abc"))`, sha256: "..." })
 */
export function origin(options: OriginOptions): Origin {
  return deepFreeze({ kind: "origin", ...options, sha256: options.sha256 });
}

/**
 * The package's `version` variable, for `(commit version)`.
 *
 * @example gitFetch({ url: "https://git.sr.ht/~qeef/damn-server", commit: packageVersion, sha256 }) // (commit version)
 */
export const packageVersion: Scheme = sym("version");

/**
 * The package's `home-page` variable, for a git source whose repository is the home page:
 * `(url home-page)`. `guix-ts lock` reads the package's home page for it.
 *
 * @example gitFetch({ url: packageHomePage, commit: packageVersion, sha256 }) // (url home-page)
 */
export const packageHomePage: Scheme = sym("home-page");

/**
 * `(git-file-name name version)`: the checkout's name, `NAME-VERSION-checkout`.
 *
 * @example gitFetch({ url, commit: packageVersion, sha256, fileName: gitFileName }) // (file-name (git-file-name name version))
 */
export const gitFileName: Scheme = list([sym("git-file-name"), sym("name"), sym("version")]);

/** What `gitFetch()` takes. */
export interface GitFetchOptions extends OriginFields {
  /** The repository's URL, or {@link packageHomePage} when it is the package's home page. */
  readonly url: string | Scheme;
  /**
   * A full commit id, a tag, {@link packageVersion} or a tag computed from it (`concat("v", packageVersion)`);
   * leave it out to follow `ref` through the lock file.
   */
  readonly commit?: string | Expression | Scheme;
  /** A branch or tag that `guix-ts lock` pins to its current commit (and hash) in `guix-ts.lock`. */
  readonly ref?: string;
  readonly recursive?: boolean;
}

/**
 * A git checkout.
 *
 * @example gitFetch({ url: "https://git.sr.ht/~qeef/damn-server", commit: packageVersion, sha256: "06wd..." })
 * // (origin (method git-fetch) (uri (git-reference (url "...") (commit version))) (sha256 (base32 "06wd...")))
 */
export function gitFetch(options: GitFetchOptions): Origin {
  const { url, commit, ref, recursive, ...rest } = options;
  const uri: GitReference = { kind: "git-reference", url, commit, ref, recursive };
  return origin({ method: gitFetchMethod, uri, ...rest });
}

/**
 * `git-fetch` of `(guix git-download)`, as an origin's `method`.
 *
 * @example inheritOrigin(packageSource("x"), { method: gitFetchMethod, uri: gitReference({...}) })
 */
export const gitFetchMethod = Object.freeze({ name: "git-fetch", module: Object.freeze(["guix", "git-download"]) });

/**
 * `url-fetch` of `(guix download)`, as an origin's `method`.
 *
 * @example inheritOrigin(packageSource("x"), { method: urlFetchMethod, uri: "https://example.org/x.tar.gz" })
 */
export const urlFetchMethod = Object.freeze({ name: "url-fetch", module: Object.freeze(["guix", "download"]) });

/** What `urlFetch()` takes: one URL (text, or computed: `concat(...)`, `pypiUri(...)`), or mirrors tried in order. */
export type UrlFetchOptions = ({ readonly url: string | Expression } | { readonly urls: readonly string[] }) &
  OriginFields;

/**
 * A file downloaded from a URL (or the first of several mirrors that answers).
 *
 * @example urlFetch({ url: "mirror://gnu/hello/hello-2.12.tar.gz", sha256: "..." })
 */
export function urlFetch(options: UrlFetchOptions): Origin {
  const uri = "url" in options ? options.url : options.urls;
  // Every field but the URL, those given only (an undefined field is not written).
  const rest = Object.fromEntries(
    Object.entries(options).filter(([key, value]) => key !== "url" && key !== "urls" && value !== undefined),
  ) as Omit<OriginOptions, "method" | "uri">;
  return origin({ method: urlFetchMethod, uri, ...rest });
}

/** What `inheritOrigin()` takes: any field of an origin, each overriding the parent's. */
export type InheritOriginOptions = Partial<OriginOptions>;

/**
 * `(origin (inherit PARENT) FIELD...)`: another origin with the fields given changed, as a variant's
 * source says it (`packageSource("x")` is `(package-source x)`).
 *
 * @example inheritOrigin(packageSource("eigen"), { patches: searchPatches("eigen-fix.patch") })
 */
export function inheritOrigin(parent: Scheme, fields: InheritOriginOptions = {}): Origin {
  return deepFreeze({
    kind: "origin",
    inherit: parent,
    ...fields,
    method: fields.method,
    uri: fields.uri,
    sha256: fields.sha256,
  });
}

/**
 * `(package-source VARIABLE)`: another package's origin, for {@link inheritOrigin}.
 *
 * @example inheritOrigin(packageSource("wpa-supplicant-minimal"), { patches: searchPatches("x.patch") })
 */
export function packageSource(variable: string): Scheme {
  return list([sym("package-source"), sym(variable)]);
}

/**
 * `(git-reference (url ...) (commit ...))`: the `uri` of a git origin, for {@link inheritOrigin} and
 * {@link origin} (`gitFetch` makes its own).
 *
 * @example inheritOrigin(packageSource("x"), { uri: gitReference({ url: "https://example.org/x.git", commit: packageVersion }) })
 */
export function gitReference(options: Pick<GitFetchOptions, "url" | "commit" | "ref" | "recursive">): GitReference {
  const { url, commit, ref, recursive } = options;
  return deepFreeze({ kind: "git-reference", url, commit, ref, recursive });
}
