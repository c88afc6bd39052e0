/**
 * The checks of single fields and records, shared by the validation of manifests and channels:
 * each gives the value (or its checked form) or its problems, with the path given.
 */
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { isDatum } from "@guix-ts/scheme-printer";
import type { CheckedGitReference, CheckedOrigin } from "./checked.js";
import { isLicenseName, type License } from "./licenses.js";
import { didYouMean } from "./suggest.js";
import { base32Problem } from "./nix-base32.js";
import { all, andKeep, check, each, ok, optional, problem, show, type Validation } from "./validation.js";
import {
  isScheme,
  PREDEFINED_SEARCH_PATHS,
  type AnySearchPath,
  type Expression,
  type PredefinedSearchPath,
  type GitReference,
  type InstallPlanEntry,
  type Origin,
  type SearchPath,
} from "./values.js";
import { isExpression } from "./expressions.js";

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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text that can be written: a string of Unicode scalar values (no lone UTF-16 surrogate). */
export const isText = (value: unknown): value is string => typeof value === "string" && !LONE_SURROGATE.test(value);

/** A string that matches `pattern` (and can be written). */
export const matches = (pattern: RegExp, value: unknown): value is string => isText(value) && pattern.test(value);

/** A text field: any string that can be written, or the problem. */
export const text = (value: unknown, path: string, what: string): Validation<string> =>
  check(isText(value), path, value as string, `expected ${what} (text without lone surrogates)`);

export const nonEmpty = (value: unknown, path: string, what: string): Validation<string> =>
  check(isText(value) && value.trim() !== "", path, value as string, `expected a non-empty ${what}`);

/** A list of text at `path`. */
export const texts = (value: unknown, path: string, what = "a list of strings"): Validation<readonly string[]> =>
  check(Array.isArray(value) && Array.from(value).every(isText), path, value as readonly string[], `expected ${what}`);

/**
 * A Scheme datum made by `@guix-ts/scheme-printer`'s constructors (or the reader), checked through
 * and through: a look-alike object is not one, and is refused rather than printed.
 */
export function isDatumValue(value: unknown): boolean {
  if (!isScheme(value) || !isDatum(value)) return false;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown>;
    if (!isScheme(node) || !Object.isFrozen(node)) return false;
    switch (node.kind) {
      case "list":
      case "vector":
        if (!Array.isArray(node.items)) return false;
        stack.push(...Array.from(node.items as unknown[]));
        if (node.kind === "list" && node.tail !== undefined) stack.push(node.tail);
        break;
      case "prefixed":
      case "datum-comment":
        stack.push(node.datum);
        break;
      default:
        break;
    }
  }
  return true;
}

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
  if (!isText(url)) return problem(path, url, "expected a URL string");
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
    matches(PACKAGE_NAME, name),
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
    matches(SPECIFICATION, spec),
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
  if (kindOf(license) === "license-procedure") {
    const l = license as Extract<License, { kind: "license-procedure" }>;
    return andKeep(
      l,
      check(
        l.procedure === "non-copyleft" || l.procedure === "fsf-free",
        `${path}.procedure`,
        l.procedure,
        "expected non-copyleft or fsf-free",
      ),
      validateUrl(l.uri, `${path}.uri`),
      optional(l.comment, (c) => text(c, `${path}.comment`, "a comment")),
    );
  }
  return problem(path, license, "expected a license name, nonCopyleft(uri) or fsfFree(uri)");
}

/** A string, or a Scheme datum written as it is. */
const textOrDatum = (value: unknown, path: string, what: string): Validation<unknown> =>
  isExpression(value)
    ? validateExpression(value, path)
    : check(isText(value) || isDatumValue(value), path, value, `expected ${what}: a string or Scheme`);

/**
 * An expression's Scheme and the modules it names.
 *
 * @example validateExpression(pypiUri("fastapi"), "package.source.uri") // Right(expression)
 */
export function validateExpression(e: Expression, path: string): Validation<Expression> {
  return andKeep(
    e,
    check(
      isDatumValue(e.node) || (e.node.kind === "comment" && /^;/.test(e.node.text)),
      `${path}.node`,
      e.node,
      "expected Scheme",
    ),
    each(Array.isArray(e.modules) ? e.modules : [e.modules], `${path}.modules`, (m, mp) =>
      check(
        Array.isArray(m) && m.length > 0 && Array.from(m).every((x) => matches(VARIABLE, x)),
        mp,
        m,
        'expected a module name, as ["guix", "build", "utils"]',
      ),
    ),
  );
}

export function validateGitReference(ref: GitReference, path: string): Validation<CheckedGitReference> {
  const commit: Validation<string | Expression | import("./values.js").Scheme> =
    ref.commit === undefined
      ? problem(
          `${path}.commit`,
          undefined,
          ref.ref === undefined
            ? "missing: give a commit, or a ref for `guix-ts lock` to pin"
            : `not pinned yet: run \`guix-ts lock\` to pin ref ${isText(ref.ref) ? ref.ref : show(ref.ref)}`,
        )
      : isExpression(ref.commit)
        ? ok(ref.commit)
        : isDatumValue(ref.commit)
          ? ok(ref.commit as import("./values.js").Scheme)
          : check(
              matches(COMMIT, ref.commit) || matches(TAG, ref.commit),
              `${path}.commit`,
              ref.commit as string,
              "expected a full commit id (40 hex digits), a tag, or Scheme such as packageVersion",
            );
  return pipe(
    all({
      url: isScheme(ref.url)
        ? check(isDatumValue(ref.url), `${path}.url`, ref.url, "expected a URL or Scheme")
        : validateUrl(ref.url, `${path}.url`),
      commit,
      ref: optional(ref.ref, (r) => check(matches(TAG, r), `${path}.ref`, r, "expected a branch or tag name")),
      recursive: optional(ref.recursive, (r) =>
        check(typeof r === "boolean", `${path}.recursive`, r, "expected true or false"),
      ),
    }),
    E.map(({ url, commit }) => ({
      kind: "git-reference" as const,
      url,
      commit,
      ...(ref.recursive === undefined ? {} : { recursive: ref.recursive }),
    })),
  );
}

/** `(method ...)`: a fetch procedure and the module that exports it. */
function validateMethod(method: unknown, path: string): Validation<unknown> {
  const m = isObject(method) ? method : {};
  return andKeep(
    method,
    nonEmpty(m.name, `${path}.method`, "fetch method"),
    check(
      Array.isArray(m.module) && m.module.length > 0 && Array.from(m.module).every((part) => matches(VARIABLE, part)),
      `${path}.method.module`,
      m.module,
      'expected the module of the method, as ["guix", "git-download"]',
    ),
  );
}

export function validateOrigin(origin: Origin, path: string): Validation<CheckedOrigin> {
  if (kindOf(origin) !== "origin")
    return problem(path, origin, "expected an origin: gitFetch(...), urlFetch(...), origin(...)");
  const uri: unknown = origin.uri;
  // An origin inheriting another's may leave any field to it.
  const inherits = origin.inherit !== undefined;
  const checkedUri: Validation<CheckedOrigin["uri"]> =
    uri === undefined && inherits
      ? ok(undefined)
      : typeof uri === "string"
        ? validateUrl(uri, `${path}.uri`)
        : Array.isArray(uri)
          ? andKeep(
              uri,
              check(uri.length > 0, `${path}.uri`, uri, "expected at least one URL"),
              each(uri, `${path}.uri`, validateUrl),
            )
          : isExpression(uri)
            ? validateExpression(uri, `${path}.uri`)
            : isDatumValue(uri)
              ? ok(uri as import("./values.js").Scheme)
              : kindOf(uri) === "git-reference"
                ? validateGitReference(uri as GitReference, path)
                : problem(`${path}.uri`, uri, "expected a URL, a list of URLs, a git reference or Scheme");
  const sha256 =
    origin.sha256 === undefined
      ? inherits
        ? ok(undefined)
        : problem(
            `${path}.sha256`,
            undefined,
            "missing: give the nix-base32 sha256, or run `guix-ts lock` to compute it",
          )
      : base32Problem(origin.sha256) === null
        ? ok(origin.sha256)
        : problem(`${path}.sha256`, origin.sha256, base32Problem(origin.sha256)!);
  return pipe(
    all({
      method: origin.method === undefined && inherits ? ok(undefined) : validateMethod(origin.method, path),
      inherit: optional(origin.inherit, (x) =>
        check(isDatumValue(x), `${path}.inherit`, x, "expected Scheme: packageSource(...) or an origin's variable"),
      ),
      uri: checkedUri,
      sha256,
      fileName: optional(origin.fileName, (f) => textOrDatum(f, `${path}.fileName`, "a file name")),
      patches: optional(origin.patches, (ps): Validation<unknown> =>
        isExpression(ps)
          ? validateExpression(ps, `${path}.patches`)
          : eachOf(ps, `${path}.patches`, (x, xp) => textOrDatum(x, xp, "a patch")),
      ),
      patchFlags: optional(origin.patchFlags, (flags) => texts(flags, `${path}.patchFlags`)),
      comments: optional(origin.comments, (c) => validateComments(c, `${path}.comments`)),
      innerComments: optional(origin.innerComments, (c) => validateComments(c, `${path}.innerComments`)),
      blankLinesBefore: optional(origin.blankLinesBefore, (b) => texts(b, `${path}.blankLinesBefore`)),
      marginComments: optional(origin.marginComments, (c) => validateMarginComments(c, `${path}.marginComments`)),
      order: optional(origin.order, (o) => texts(o, `${path}.order`)),
      patchInputs: optional(origin.patchInputs, (inputs) =>
        eachOf(inputs, `${path}.patchInputs`, (i, ip) =>
          check(
            kindOf(i) === "guix-package" || isDatumValue(i),
            ip,
            i,
            "expected a package of Guix (guixPackage(...)) or Scheme",
          ),
        ),
      ),
      snippet: optional(origin.snippet, (x) =>
        check(isDatumValue(x), `${path}.snippet`, x, "expected Scheme (a gexp)"),
      ),
      modules: optional(origin.modules, (ms) =>
        eachOf(ms, `${path}.modules`, (m, mp) =>
          check(
            Array.isArray(m) && m.length > 0 && Array.from(m).every((x) => matches(VARIABLE, x)),
            mp,
            m,
            'expected a module name, as ["guix", "build", "utils"]',
          ),
        ),
      ),
    }),
    E.map(({ uri, sha256 }) => ({ ...origin, uri, sha256 })),
  );
}

export function validateInstallPlanEntry(entry: InstallPlanEntry, path: string): Validation<InstallPlanEntry> {
  if (!isObject(entry)) return problem(path, entry, "expected an install plan entry: { source, target }");
  const filters = ["include", "exclude", "includeRegexp", "excludeRegexp"] as const;
  const relative = (value: unknown): boolean => isText(value) && value !== "" && !value.startsWith("/");
  return andKeep(
    entry,
    check(relative(entry.source), `${path}.source`, entry.source, "expected a path relative to the source tree"),
    check(relative(entry.target), `${path}.target`, entry.target, "expected a path relative to the output"),
    ...filters.map((f) => optional(entry[f], (v) => texts(v, `${path}.${f}`))),
    optional(entry.output, (o) => check(matches(OUTPUT, o), `${path}.output`, o, "expected an output name")),
  );
}

export function validateSearchPath(sp: AnySearchPath, path: string): Validation<AnySearchPath> {
  if (isScheme(sp)) return check(isDatumValue(sp), path, sp, "expected a datum");
  if (kindOf(sp) === "predefined-search-path") {
    const name = (sp as PredefinedSearchPath).variable;
    return andKeep(
      sp,
      check(
        (PREDEFINED_SEARCH_PATHS as readonly string[]).includes(name),
        `${path}.variable`,
        name,
        `not one of Guix's search paths (${PREDEFINED_SEARCH_PATHS.join(" ")})${didYouMean(String(name), PREDEFINED_SEARCH_PATHS)}`,
      ),
    );
  }
  if (kindOf(sp) !== "search-path")
    return problem(path, sp, "expected searchPath({ variable, files }), predefinedSearchPath(...) or Scheme");
  return writtenSearchPath(sp as SearchPath, path);
}

function writtenSearchPath(sp: SearchPath, path: string): Validation<SearchPath> {
  return andKeep(
    sp,
    check(
      matches(/^[A-Za-z_][A-Za-z0-9_]*$/, sp.variable),
      `${path}.variable`,
      sp.variable,
      "expected an environment variable name",
    ),
    check(Array.isArray(sp.files) && sp.files.length > 0, `${path}.files`, sp.files, "expected at least one file"),
    texts(sp.files, `${path}.files`),
    check(
      sp.separator === undefined || sp.separator === null || isText(sp.separator),
      `${path}.separator`,
      sp.separator,
      "expected a separator string, or null for none",
    ),
    check(
      sp.fileType === undefined || sp.fileType === "directory" || sp.fileType === "regular",
      `${path}.fileType`,
      sp.fileType,
      'expected "directory" or "regular"',
    ),
    optional(sp.filePattern, (f) => text(f, `${path}.filePattern`, "a regular expression")),
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

/**
 * Comment lines by field name: each one line, starting with `;`.
 *
 * @example validateComments({ arguments: [";; The tests need a network."] }, "package.comments") // Right
 */
export function validateComments(comments: unknown, path: string): Validation<unknown> {
  if (!isObject(comments) || Array.isArray(comments))
    return problem(path, comments, "expected { field: [comment lines] }");
  return andKeep(
    comments,
    ...Object.entries(comments).map(([field, lines]) =>
      Array.isArray(lines) && lines.every((l) => typeof l === "string" && l.startsWith(";") && !l.includes("\n"))
        ? ok(lines)
        : problem(`${path}.${field}`, lines, "expected comment lines, each one line starting with ;"),
    ),
  );
}

/**
 * Margin comments by field name: each one line starting with `;`.
 *
 * @example validateMarginComments({ version: "; the last with Python 2" }, "package.marginComments") // Right
 */
export function validateMarginComments(comments: unknown, path: string): Validation<unknown> {
  if (!isObject(comments) || Array.isArray(comments)) return problem(path, comments, "expected { field: comment }");
  return andKeep(
    comments,
    ...Object.entries(comments).map(([field, line]) =>
      typeof line === "string" && line.startsWith(";") && !line.includes("\n")
        ? ok(line)
        : problem(`${path}.${field}`, line, "expected a comment: one line starting with ;"),
    ),
  );
}
