/**
 * Checks of builder values, gathering every problem with its path in the
 * builder tree (`manifest.manifests[1].packages[0].source.sha256`).
 */
import { isDatum } from "@guix-ts/scheme-printer";
import { base32Problem } from "./hash.js";
import { isLicenseName, type License } from "./licenses.js";
import { TRANSFORMATIONS_WITH_VALUE } from "./transformations.js";
import { all, andKeep, check, each, ok, optional, problem, type Validation } from "./validation.js";
import {
  isScheme,
  type ArgumentValue,
  type BuildSystem,
  type Channel,
  type InstallPlanEntry,
  type Manifest,
  type Origin,
  type Package,
  type PackageInput,
  type PackageRef,
  type Scheme,
  type SearchPath,
} from "./values.js";

const PACKAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9+._-]*$/;
const SPECIFICATION = /^([A-Za-z0-9][A-Za-z0-9+._-]*)(?:@([^\s@:]+))?(?::([A-Za-z0-9_-]+))?$/;
const URL_SCHEMES = new Set(["http:", "https:", "ftp:", "git:", "ssh:", "file:", "mirror:"]);
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._+/-]*$/;
const CHANNEL_NAME = /^[a-z][a-z0-9-]*$/;
const OUTPUT = /^[A-Za-z0-9_-]+$/;
const SYSTEM = /^[a-z0-9_]+-[a-z0-9_-]+$/;

const nonEmpty = (value: unknown, path: string, what: string): Validation<string> =>
  check(typeof value === "string" && value.trim() !== "", path, value as string, `expected a non-empty ${what}`);

const isDatumValue = (value: unknown): boolean => isScheme(value) && isDatum(value);

export function validateUrl(url: unknown, path: string): Validation<string> {
  if (typeof url !== "string") return problem(path, url, "expected a URL string");
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

export function validatePackageName(name: unknown, path: string): Validation<string> {
  return check(
    typeof name === "string" && PACKAGE_NAME.test(name),
    path,
    name as string,
    "expected a package name: letters, digits and + . _ - (not starting with a symbol)",
  );
}

export function validateSpecification(spec: unknown, path: string): Validation<string> {
  return check(
    typeof spec === "string" && SPECIFICATION.test(spec),
    path,
    spec as string,
    'expected a specification "name", "name@version", "name:output" or "name@version:output"',
  );
}

function validateLicense(license: License, path: string): Validation<License> {
  if (typeof license === "string")
    return check(
      isLicenseName(license),
      path,
      license,
      "expected a license that (guix licenses) exports (see LICENSE_NAMES), or nonCopyleft(uri) / fsfFree(uri)",
    );
  if (typeof license === "object" && license !== null && license.kind === "license-procedure") {
    return andKeep(license, validateUrl(license.uri, `${path}.uri`));
  }
  return problem(path, license, "expected a license name, nonCopyleft(uri) or fsfFree(uri)");
}

export function validatePackageRef(ref: PackageRef, path: string): Validation<PackageRef> {
  if (isScheme(ref)) return check(isDatumValue(ref), path, ref, "expected a datum");
  switch (ref.kind) {
    case "package":
      return validatePackage(ref, path);
    case "guix-package":
      return andKeep(
        ref,
        check(
          typeof ref.variable === "string" && /^[^\s()"';]+$/.test(ref.variable),
          `${path}.variable`,
          ref.variable,
          "expected a variable name",
        ),
        check(
          ref.module.length > 0 && ref.module.every((p) => /^[^\s()"';]+$/.test(p)),
          `${path}.module`,
          ref.module.join(" "),
          'expected a module name such as "gnu packages python"',
        ),
      );
    case "transformed":
      return andKeep(
        ref,
        validatePackageRef(ref.package, `${path}.package`),
        each(ref.options, `${path}.options`, (o, p) =>
          TRANSFORMATIONS_WITH_VALUE.has(o.option)
            ? check(/^[^=\s]+=\S.*$/.test(o.value), p, o.value, `expected PACKAGE=VALUE for ${o.option}`)
            : check(/^\S+$/.test(o.value), p, o.value, `expected a package name for ${o.option}`),
        ),
      );
    default:
      return problem(path, ref, "expected a package: pkg(...), guixPackage(...), transform(...) or Scheme");
  }
}

function validateInput(input: PackageInput, path: string): Validation<PackageInput> {
  if (Array.isArray(input)) {
    const [ref, output] = input as readonly [PackageRef, string];
    return andKeep(
      input,
      validatePackageRef(ref, `${path}[0]`),
      check(
        typeof output === "string" && OUTPUT.test(output),
        `${path}[1]`,
        output,
        'expected an output name such as "out" or "bin"',
      ),
    );
  }
  return validatePackageRef(input as PackageRef, path);
}

function validateOrigin(origin: Origin, path: string): Validation<Origin> {
  const uri = origin.uri;
  let uriCheck: Validation<unknown>;
  if (typeof uri === "string") uriCheck = validateUrl(uri, `${path}.uri`);
  else if (Array.isArray(uri)) uriCheck = each(uri as readonly string[], `${path}.uri`, validateUrl);
  else if (isScheme(uri)) uriCheck = ok(uri);
  else {
    const ref = uri as Exclude<Origin["uri"], string | readonly string[] | Scheme>;
    uriCheck = all({
      url: validateUrl(ref.url, `${path}.url`),
      commit: isScheme(ref.commit)
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
            ),
    });
  }
  const hash =
    origin.sha256 === undefined
      ? problem(`${path}.sha256`, undefined, "missing: give the nix-base32 sha256, or run `guix-ts lock` to compute it")
      : base32Problem(origin.sha256) === null
        ? ok(origin.sha256)
        : problem(`${path}.sha256`, origin.sha256, base32Problem(origin.sha256)!);
  return andKeep(origin, nonEmpty(origin.method?.name, `${path}.method`, "fetch method"), uriCheck, hash);
}

function validateInstallPlanEntry(entry: InstallPlanEntry, path: string): Validation<InstallPlanEntry> {
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

function validateArgument(value: ArgumentValue, path: string): Validation<ArgumentValue> {
  if (typeof value === "boolean" || typeof value === "string") return ok(value);
  if (typeof value === "number") return check(Number.isFinite(value), path, value, "expected a finite number");
  if (Array.isArray(value))
    return check(
      value.every((v) => typeof v === "string"),
      path,
      value,
      "expected a list of strings",
    );
  if (isScheme(value)) return check(isDatumValue(value), path, value, "expected a datum");
  const kind = (value as { kind?: string }).kind;
  if (kind === "package" || kind === "guix-package" || kind === "transformed")
    return validatePackageRef(value as PackageRef, path);
  if (kind === "install-plan") {
    const plan = value as Extract<ArgumentValue, { kind: "install-plan" }>;
    return andKeep(value, each(plan.entries, path, validateInstallPlanEntry));
  }
  return problem(path, value, "expected a boolean, number, string, list of strings, package or Scheme");
}

function validateBuildSystem(bs: BuildSystem, path: string): Validation<BuildSystem> {
  if (typeof bs !== "object" || bs === null || bs.kind !== "build-system")
    return problem(path, bs, "expected a build system such as copyBuildSystem()");
  return andKeep(
    bs,
    check(/^[a-z0-9-]+$/.test(bs.name), `${path}.name`, bs.name, "expected a build system name"),
    ...bs.arguments.map(([keyword, value]) => validateArgument(value, `${path}.${keyword}`)),
  );
}

function validateSearchPath(sp: SearchPath, path: string): Validation<SearchPath> {
  return andKeep(
    sp,
    check(
      /^[A-Za-z_][A-Za-z0-9_]*$/.test(sp.variable),
      `${path}.variable`,
      sp.variable,
      "expected an environment variable name",
    ),
    check(sp.files.length > 0, `${path}.files`, sp.files, "expected at least one file"),
  );
}

/** Every problem of a package and of the packages it uses. */
export function validatePackage(p: Package, path: string): Validation<Package> {
  const licenses = Array.isArray(p.license) ? (p.license as readonly License[]) : [p.license as License];
  return andKeep(
    p,
    validatePackageName(p.name, `${path}.name`),
    check(
      typeof p.version === "string" && /^\S+$/.test(p.version),
      `${path}.version`,
      p.version,
      "expected a version without spaces",
    ),
    p.source === undefined
      ? ok(undefined)
      : isScheme(p.source)
        ? ok(p.source)
        : validateOrigin(p.source, `${path}.source`),
    validateBuildSystem(p.buildSystem, `${path}.buildSystem`),
    each(p.inputs, `${path}.inputs`, validateInput),
    each(p.nativeInputs, `${path}.nativeInputs`, validateInput),
    each(p.propagatedInputs, `${path}.propagatedInputs`, validateInput),
    optional(p.outputs, (outs) =>
      check(
        outs.length > 0 && outs.every((o) => OUTPUT.test(o)),
        `${path}.outputs`,
        outs,
        'expected output names such as "out", "doc"',
      ),
    ),
    nonEmpty(p.synopsis, `${path}.synopsis`, "synopsis"),
    nonEmpty(p.description, `${path}.description`, "description"),
    validateUrl(p.homePage, `${path}.homePage`),
    check(licenses.length > 0, `${path}.license`, p.license, "expected at least one license"),
    each(licenses, Array.isArray(p.license) ? `${path}.license` : path, (l, lp) =>
      validateLicense(l, Array.isArray(p.license) ? lp : `${path}.license`),
    ),
    optional(p.supportedSystems, (s) =>
      each(s, `${path}.supportedSystems`, (sys, sp) =>
        check(SYSTEM.test(sys), sp, sys, 'expected a system such as "x86_64-linux"'),
      ),
    ),
    optional(p.nativeSearchPaths, (s) => each(s, `${path}.nativeSearchPaths`, validateSearchPath)),
    optional(p.searchPaths, (s) => each(s, `${path}.searchPaths`, validateSearchPath)),
  );
}

/** The names a manifest installs, with where each comes from, for the duplicate check. */
function entryNames(m: Manifest, path: string): [string, string][] {
  if (isScheme(m)) return [];
  switch (m.kind) {
    case "specifications-manifest":
      return m.specifications.map((spec, i): [string, string] => {
        const [, name = spec, , output] = SPECIFICATION.exec(spec) ?? [];
        return [output && output !== "out" ? `${name}:${output}` : name, `${path}.specifications[${i}]`];
      });
    case "packages-manifest":
      return m.packages.flatMap((input, i): [string, string][] => {
        const [ref, output] = Array.isArray(input)
          ? (input as readonly [PackageRef, string])
          : [input as PackageRef, undefined];
        const name = refName(ref);
        return name === undefined
          ? []
          : [[output && output !== "out" ? `${name}:${output}` : name, `${path}.packages[${i}]`]];
      });
    case "concatenated-manifest":
      return m.manifests.flatMap((sub, i) => entryNames(sub, `${path}.manifests[${i}]`));
    case "development-manifest":
      return [];
  }
}

function refName(ref: PackageRef): string | undefined {
  if (isScheme(ref)) return undefined;
  if (ref.kind === "package") return ref.name;
  if (ref.kind === "guix-package") return ref.variable;
  return refName(ref.package);
}

function validateManifestShape(m: Manifest, path: string): Validation<Manifest> {
  if (isScheme(m)) return check(isDatumValue(m), path, m, "expected a datum");
  switch (m.kind) {
    case "specifications-manifest":
      return andKeep(m, each(m.specifications, `${path}.specifications`, validateSpecification));
    case "packages-manifest":
      return andKeep(m, each(m.packages, `${path}.packages`, validateInput));
    case "concatenated-manifest":
      return andKeep(m, each(m.manifests, `${path}.manifests`, validateManifestShape));
    case "development-manifest":
      return andKeep(m, validatePackageRef(m.package, `${path}.package`));
    default:
      return problem(path, m, "expected a manifest: specificationsToManifest(...), packagesToManifest(...) ...");
  }
}

/** Every problem of a manifest: its packages, its specifications, and names it installs twice. */
export function validateManifest(m: Manifest, path = "manifest"): Validation<Manifest> {
  const seen = new Map<string, string>();
  const duplicates: Validation<unknown>[] = [];
  for (const [name, where] of entryNames(m, path)) {
    const first = seen.get(name);
    if (first !== undefined)
      duplicates.push(problem(where, name, `package ${name} is already in the manifest at ${first}`));
    else seen.set(name, where);
  }
  return andKeep(m, validateManifestShape(m, path), ...duplicates);
}

/** Every problem of a channel. */
export function validateChannel(c: Channel, path: string): Validation<Channel> {
  const fingerprint = c.introduction?.signer;
  return andKeep(
    c,
    check(
      typeof c.name === "string" && CHANNEL_NAME.test(c.name),
      `${path}.name`,
      c.name,
      "expected a channel name: lower-case letters, digits and -",
    ),
    validateUrl(c.url, `${path}.url`),
    optional(c.branch, (b) => check(TAG.test(b), `${path}.branch`, b, "expected a branch name")),
    optional(c.commit, (commit) =>
      check(COMMIT.test(commit), `${path}.commit`, commit, "expected a full commit id: 40 hex digits"),
    ),
    optional(c.introduction, (intro) =>
      all({
        commit: check(
          COMMIT.test(intro.commit),
          `${path}.introduction.commit`,
          intro.commit,
          "expected a full commit id: 40 hex digits",
        ),
        signer: check(
          typeof fingerprint === "string" && /^[0-9A-Fa-f]{40}$/.test(fingerprint.replace(/ /g, "")),
          `${path}.introduction.signer`,
          fingerprint,
          "expected an OpenPGP fingerprint: 40 hex digits, spaces allowed",
        ),
      }),
    ),
  );
}

export function validateChannels(channels: readonly Channel[], path = "channels"): Validation<readonly Channel[]> {
  const names = new Map<string, number>();
  const duplicates: Validation<unknown>[] = [];
  channels.forEach((c, i) => {
    const first = names.get(c.name);
    if (first !== undefined)
      duplicates.push(problem(`${path}[${i}].name`, c.name, `channel ${c.name} is already at ${path}[${first}]`));
    else names.set(c.name, i);
  });
  return andKeep(channels, each(channels, path, validateChannel), ...duplicates);
}
