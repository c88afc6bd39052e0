/**
 * The checks of single fields and records, shared by the validation of manifests and channels:
 * each gives the value (or its checked form) or its problems, with the path given.
 */
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { isDatum } from "@guix-ts/scheme-printer";
import type { CheckedGitReference, CheckedOrigin } from "./checked.js";
import { isLicenseName, type License } from "./licenses.js";
import { base32Problem } from "./nix-base32.js";
import { all, andKeep, check, each, ok, optional, problem, type Validation } from "./validation.js";
import { isScheme, type GitReference, type InstallPlanEntry, type Origin, type SearchPath } from "./values.js";

export const PACKAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9+._-]*$/;
export const SPECIFICATION = /^([A-Za-z0-9][A-Za-z0-9+._-]*)(?:@([^\s@:]+))?(?::([A-Za-z0-9_-]+))?$/;
const URL_SCHEMES = new Set(["http:", "https:", "ftp:", "git:", "ssh:", "file:", "mirror:"]);
export const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
export const TAG = /^[A-Za-z0-9_][A-Za-z0-9._+/-]*$/;
export const CHANNEL_NAME = /^[a-z][a-z0-9-]*$/;
export const OUTPUT = /^[A-Za-z0-9_-]+$/;
export const SYSTEM = /^[a-z0-9_]+-[a-z0-9_-]+$/;
export const VARIABLE = /^[^\s()"';]+$/;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;
export const kindOf = (value: unknown): unknown => (isObject(value) ? value.kind : undefined);
export const isDatumValue = (value: unknown): boolean => isScheme(value) && isDatum(value);

export const nonEmpty = (value: unknown, path: string, what: string): Validation<string> =>
  check(typeof value === "string" && value.trim() !== "", path, value as string, `expected a non-empty ${what}`);

/** A list (array) at `path`, each element checked; a problem when it is not an array. */
export function eachOf<T, U>(items: unknown, path: string, validate: (item: T, path: string) => Validation<U>) {
  return Array.isArray(items) ? each(items as readonly T[], path, validate) : problem(path, items, "expected a list");
}

/**
 * A URL Guix can fetch (one of its schemes), or the problem at `path`.
 *
 * @example validateUrl("https://example.org/x.tar.gz", "uri") // Right(...)
 */
export function validateUrl(url: unknown, path: string): Validation<string> {
  if (typeof url !== "string") return problem(path, url, "expected a URL string");
  // The URL parser drops tabs and newlines before it looks: the raw text is checked first.
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\s\u0000-\u001f\u007f]/.test(url))
    return problem(path, url, "expected a URL without spaces or control characters");
  try {
    const parsed = new URL(url);
    return check(
      URL_SCHEMES.has(parsed.protocol),
      path,
      url,
      `expected a URL with scheme ${[...URL_SCHEMES].join(" ")}`,
    );
  } catch {
    return problem(path, url, "expected a URL (scheme://host/path)");
  }
}

/**
 * A package name Guix accepts, or the problem at `path`.
 *
 * @example validatePackageName("python-fastapi", "name") // Right("python-fastapi")
 */
export function validatePackageName(name: unknown, path: string): Validation<string> {
  return check(
    typeof name === "string" && PACKAGE_NAME.test(name),
    path,
    name as string,
    "expected a package name: letters, digits and + . _ - (not starting with a symbol)",
  );
}

/**
 * A package specification (`name`, `name@version`, `name:output`), or the problem at `path`.
 *
 * @example validateSpecification("glib:bin", "spec") // Right("glib:bin")
 */
export function validateSpecification(spec: unknown, path: string): Validation<string> {
  return check(
    typeof spec === "string" && SPECIFICATION.test(spec),
    path,
    spec as string,
    'expected a specification "name", "name@version", "name:output" or "name@version:output"',
  );
}

export function validateLicense(license: License, path: string): Validation<License> {
  if (typeof license === "string")
    return check(
      isLicenseName(license),
      path,
      license,
      "expected a license that (guix licenses) exports (see LICENSE_NAMES), or nonCopyleft(uri) / fsfFree(uri)",
    );
  if (kindOf(license) === "license-procedure") return andKeep(license, validateUrl(license.uri, `${path}.uri`));
  return problem(path, license, "expected a license name, nonCopyleft(uri) or fsfFree(uri)");
}

export function validateGitReference(ref: GitReference, path: string): Validation<CheckedGitReference> {
  const commit = isScheme(ref.commit)
    ? ok(ref.commit)
    : ref.commit === undefined
      ? problem(
          `${path}.commit`,
          undefined,
          ref.ref === undefined
            ? "missing: give a commit, or a ref for `guix-ts lock` to pin"
            : `not pinned yet: run \`guix-ts lock\` to pin ref ${ref.ref}`,
        )
      : check(
          typeof ref.commit === "string" && (COMMIT.test(ref.commit) || TAG.test(ref.commit)),
          `${path}.commit`,
          ref.commit,
          "expected a full commit id (40 hex digits) or a tag",
        );
  return pipe(
    all({ url: validateUrl(ref.url, `${path}.url`), commit }),
    E.map(({ url, commit }) => ({
      kind: "git-reference" as const,
      url,
      commit,
      ...(ref.recursive === undefined ? {} : { recursive: ref.recursive }),
    })),
  );
}

export function validateOrigin(origin: Origin, path: string): Validation<CheckedOrigin> {
  if (kindOf(origin) !== "origin")
    return problem(path, origin, "expected an origin: gitFetch(...), urlFetch(...), origin(...)");
  const uri = origin.uri;
  const checkedUri: Validation<CheckedOrigin["uri"]> =
    typeof uri === "string"
      ? validateUrl(uri, `${path}.uri`)
      : Array.isArray(uri)
        ? each(uri as readonly string[], `${path}.uri`, validateUrl)
        : isScheme(uri)
          ? ok(uri)
          : kindOf(uri) === "git-reference"
            ? validateGitReference(uri as GitReference, path)
            : problem(`${path}.uri`, uri, "expected a URL, a list of URLs, a git reference or Scheme");
  const sha256 =
    origin.sha256 === undefined
      ? problem(`${path}.sha256`, undefined, "missing: give the nix-base32 sha256, or run `guix-ts lock` to compute it")
      : base32Problem(origin.sha256) === null
        ? ok(origin.sha256)
        : problem(`${path}.sha256`, origin.sha256, base32Problem(origin.sha256)!);
  return pipe(
    all({ method: nonEmpty(origin.method?.name, `${path}.method`, "fetch method"), uri: checkedUri, sha256 }),
    E.map(({ uri, sha256 }) => ({ ...origin, uri, sha256 })),
  );
}

export function validateInstallPlanEntry(entry: InstallPlanEntry, path: string): Validation<InstallPlanEntry> {
  const filters = ["include", "exclude", "includeRegexp", "excludeRegexp"] as const;
  return andKeep(
    entry,
    check(
      typeof entry.source === "string" && entry.source !== "" && !entry.source.startsWith("/"),
      `${path}.source`,
      entry.source,
      "expected a path relative to the source tree",
    ),
    check(
      typeof entry.target === "string" && entry.target !== "" && !entry.target.startsWith("/"),
      `${path}.target`,
      entry.target,
      "expected a path relative to the output",
    ),
    ...filters.map((f) =>
      optional(entry[f], (v) =>
        check(
          Array.isArray(v) && v.every((x) => typeof x === "string"),
          `${path}.${f}`,
          v,
          "expected a list of strings",
        ),
      ),
    ),
    optional(entry.output, (o) => check(OUTPUT.test(o), `${path}.output`, o, "expected an output name")),
  );
}

export function validateSearchPath(sp: SearchPath, path: string): Validation<SearchPath> {
  return andKeep(
    sp,
    check(
      /^[A-Za-z_][A-Za-z0-9_]*$/.test(sp.variable),
      `${path}.variable`,
      sp.variable,
      "expected an environment variable name",
    ),
    check(Array.isArray(sp.files) && sp.files.length > 0, `${path}.files`, sp.files, "expected at least one file"),
  );
}

/** A problem for each name given again; `names` are [name, where], `message` says it. */
export function duplicates(
  names: readonly [string, string][],
  message: (name: string, first: string) => string,
  wherePath: (where: string) => string = (where) => where,
): Validation<unknown>[] {
  const seen = new Map<string, string>();
  const found: Validation<unknown>[] = [];
  for (const [name, where] of names) {
    const first = seen.get(name);
    if (first !== undefined) found.push(problem(wherePath(where), name, message(name, first)));
    else seen.set(name, where);
  }
  return found;
}
