/**
 * fast-check arbitraries of the builders' inputs, valid by construction: packages (every field,
 * every typed build system, variants, inputs with outputs), origins, manifests (every manifest
 * operation, transformations), channels with introductions, image descriptions. Each `...WithFault`
 * companion puts one invalid field in a valid value and says the path validation must report.
 */
import fc from "fast-check";
import * as G from "@guix-ts/core";
import { schemeText } from "./scheme.js";

/**
 * A package name as Guix has them: `python-fastapi`, `r-abc`.
 *
 * @example fc.sample(anyPackageName, 3)
 */
export const anyPackageName = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,6}){0,2}$/);

/**
 * A version: `2.12.1`.
 *
 * @example fc.sample(anyVersion, 3)
 */
export const anyVersion = fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{1,3}){0,2}$/);

/**
 * A nix-base32 sha256: 52 characters of Nix's alphabet.
 *
 * @example fc.sample(anyHash, 3)
 */
export const anyHash = fc
  .array(fc.constantFrom(...G.NIX_BASE32_ALPHABET), { minLength: 52, maxLength: 52 })
  .map((a) => a.join(""));

/**
 * A full commit id: 40 hex digits.
 *
 * @example fc.sample(anyCommit, 3)
 */
export const anyCommit = fc.stringMatching(/^[0-9a-f]{40}$/);

// Host labels without "-": "xn--" starts a punycode label, which a URL parser rightly refuses when malformed.
/**
 * An https URL: `https://host.example.org/path`.
 *
 * @example fc.sample(anyUrl, 3)
 */
export const anyUrl = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/), anyPackageName)
  .map(([host, path]) => `https://${host}.example.org/${path}`);

/**
 * Text with something in it: escapes, control characters and any scalar value included.
 *
 * @example fc.sample(anyText, 3)
 */
export const anyText = schemeText.filter((t) => t.trim() !== "");

/**
 * A license of `(guix licenses)`.
 *
 * @example fc.sample(anyLicenseName, 3)
 */
export const anyLicenseName = fc.constantFrom(...G.LICENSE_NAMES);

/**
 * A license: a name, `nonCopyleft(uri)`, `fsfFree(uri)`.
 *
 * @example fc.sample(anyLicense, 3)
 */
export const anyLicense: fc.Arbitrary<G.License> = fc.oneof(
  { weight: 4, arbitrary: anyLicenseName },
  anyUrl.map((u) => G.nonCopyleft(u)),
  anyUrl.map((u) => G.fsfFree(u)),
);

const system = fc.constantFrom("x86_64-linux", "aarch64-linux", "i686-linux", "armhf-linux", "riscv64-linux");
const output = fc.constantFrom("doc", "lib", "bin", "static", "debug");
const propertyName = fc.stringMatching(/^[a-z][a-z-]{0,10}\??$/);

/**
 * A package of Guix by its variable and module: `guixPackage("zlib", "gnu packages compression")`.
 *
 * @example fc.sample(anyGuixPackage, 3)
 */
export const anyGuixPackage = anyPackageName.map((n) => G.guixPackage(n, `gnu packages ${n.split("-")[0]}`));

/**
 * An input: a package of Guix, or one of its outputs (`[glib, "bin"]`).
 *
 * @example fc.sample(anyInput, 3)
 */
export const anyInput: fc.Arbitrary<G.PackageInput> = fc.oneof(
  { weight: 3, arbitrary: anyGuixPackage },
  fc.tuple(anyGuixPackage, output).map(([p, o]) => [p, o] as const),
);

/**
 * An origin: a git checkout at a commit, a file by URL (or computed from the version), mirrors.
 *
 * @example fc.sample(anyOrigin, 3)
 */
export const anyOrigin: fc.Arbitrary<G.Origin> = fc.oneof(
  fc
    .record({
      url: anyUrl,
      commit: fc.oneof(anyCommit, fc.constant(G.packageVersion), fc.constant(G.concat("v", G.packageVersion))),
      sha256: anyHash,
      recursive: fc.boolean(),
      fileName: fc.constant(G.gitFileName),
    })
    .map((o) => G.gitFetch(o)),
  fc
    .record({
      url: fc.oneof(
        anyUrl,
        anyPackageName.map((n) => G.pypiUri(n)),
        anyPackageName.map((n) => G.cranUri(n)),
        anyUrl.map((u) => G.concat(`${u}-`, G.packageVersion, ".tar.gz")),
      ),
      sha256: anyHash,
      patches: fc.option(
        fc
          .array(anyPackageName, { minLength: 1, maxLength: 2 })
          .map((ps) => G.searchPatches(...ps.map((p) => `${p}.patch`))),
        { nil: undefined },
      ),
    })
    .map((o) => G.urlFetch(o)),
  fc.record({ urls: fc.array(anyUrl, { minLength: 1, maxLength: 3 }), sha256: anyHash }).map((o) => G.urlFetch(o)),
);

const flagList = fc.array(anyText, { maxLength: 3 });
/** What every build system takes: tests, flags, phases. */
const common = fc.record(
  {
    tests: fc.boolean(),
    configureFlags: fc.oneof(
      flagList,
      flagList.map((f) => G.flags(f)),
    ),
    makeFlags: flagList,
    parallelBuild: fc.boolean(),
    phases: fc
      .array(fc.constantFrom("check", "configure", "strip", "validate-runpath"), { minLength: 1, maxLength: 2 })
      .map((names) => G.modifyPhases(names.map((n) => G.deletePhase(n)))),
  },
  { requiredKeys: [] },
);

/**
 * A build system: each of the typed ones (gnu, cmake, pyproject, cargo, go, copy, ...), with common arguments.
 *
 * @example fc.sample(anyBuildSystem, 3)
 */
export const anyBuildSystem: fc.Arbitrary<G.BuildSystem> = fc.oneof(
  fc
    .record({
      source: anyPackageName,
      target: anyPackageName,
      style: fc.constantFrom("modern" as const, "quoted" as const),
    })
    .map(({ source, target, style }) => G.copyBuildSystem({ installPlan: [{ source, target }], style })),
  common.map((o) => G.gnuBuildSystem(o)),
  common.map((o) => G.cmakeBuildSystem({ ...o, buildType: "Release" })),
  common.map((o) => G.mesonBuildSystem(o)),
  common.map((o) => G.pythonBuildSystem(o)),
  common.map((o) => G.pyprojectBuildSystem({ ...o, testFlags: ["-k", "not network"] })),
  common.map((o) => G.cargoBuildSystem({ ...o, installSource: false })),
  fc.tuple(common, anyUrl).map(([o, u]) => G.goBuildSystem({ ...o, importPath: u.slice("https://".length) })),
  common.map((o) => G.nodeBuildSystem(o)),
  common.map((o) => G.emacsBuildSystem(o)),
  common.map((o) => G.rBuildSystem(o)),
  common.map((o) => G.perlBuildSystem(o)),
  common.map((o) => G.rubyBuildSystem(o)),
  common.map((o) => G.duneBuildSystem(o)),
  common.map((o) => G.haskellBuildSystem(o)),
  common.map((o) => G.qtBuildSystem(o)),
  common.map((o) => G.mavenBuildSystem(o)),
  common.map((o) => G.fontBuildSystem(o)),
  common.map((o) => G.zigBuildSystem(o)),
  common.map((o) => G.glibOrGtkBuildSystem(o)),
  common.map((o) => G.ocamlBuildSystem(o)),
  common.map((o) => G.juliaBuildSystem(o)),
  common.map((o) => G.antBuildSystem(o)),
  common.map((o) => G.texliveBuildSystem(o)),
  common.map((o) => G.guileBuildSystem(o)),
  fc.constant(G.trivialBuildSystem({ builder: G.scheme`(begin (mkdir %output))` })),
  fc
    .tuple(common, fc.constantFrom("sbcl" as const, "ecl" as const))
    .map(([o, lisp]) => G.asdfBuildSystem({ ...o, lisp })),
);

/**
 * Every field of `pkg()`: what `anyPackage` builds.
 *
 * @example fc.sample(anyPackageOptions, 3)
 */
export const anyPackageOptions: fc.Arbitrary<G.PackageOptions> = fc.record(
  {
    name: anyPackageName,
    version: anyVersion,
    source: fc.option(anyOrigin, { nil: undefined }),
    buildSystem: anyBuildSystem,
    inputs: fc.array(anyInput, { maxLength: 3 }),
    nativeInputs: fc.array(anyInput, { maxLength: 2 }),
    propagatedInputs: fc.array(anyInput, { maxLength: 2 }),
    outputs: fc.uniqueArray(output, { maxLength: 2 }).map((o) => ["out", ...o]),
    synopsis: anyText,
    description: anyText,
    homePage: anyUrl,
    license: fc.oneof(anyLicense, fc.array(anyLicense, { minLength: 1, maxLength: 2 })),
    properties: fc.dictionary(propertyName, fc.oneof(anyText, fc.boolean(), fc.integer()), { maxKeys: 2 }),
    supportedSystems: fc.uniqueArray(system, { minLength: 1, maxLength: 3 }),
    nativeSearchPaths: fc.constant([G.predefinedSearchPath("SSL_CERT_DIR")]),
  },
  { requiredKeys: ["name", "version", "source", "buildSystem", "synopsis", "description", "homePage", "license"] },
);

/**
 * A package definition, `pkg({...})`, any of its fields given.
 *
 * @example fc.assert(fc.property(anyPackage, (p) => E.isRight(manifestFileE({ manifest: packagesToManifest([p]) }))))
 */
export const anyPackage: fc.Arbitrary<G.Package> = anyPackageOptions.map((o) => G.pkg(o));

/**
 * A variant of a package (`inherit`, `packageInherit`): a new name and version, its inputs modified, its tests off.
 *
 * @example fc.sample(anyVariant, 3)
 */
export const anyVariant: fc.Arbitrary<G.PackageVariant> = fc
  .record({
    parent: fc.oneof(anyGuixPackage, anyPackage),
    name: anyPackageName,
    version: fc.option(anyVersion, { nil: undefined }),
    style: fc.constantFrom("inherit", "package/inherit"),
    added: fc.array(anyGuixPackage, { maxLength: 2 }),
    deleted: fc.array(anyPackageName, { maxLength: 2 }),
  })
  .map(({ parent, name, version, style, added, deleted }) =>
    (style === "inherit" ? G.inherit : G.packageInherit)(parent, {
      name,
      ...(version === undefined ? {} : { version }),
      inputs: G.modifyInputs(
        ...(deleted.length > 0 ? [G.deleteInputs(...deleted)] : []),
        ...(added.length > 0 ? [G.prepend(...added)] : []),
      ),
      arguments: G.substituteKeywordArguments(G.keywordSubstitution("tests?", false)),
    }),
  );

/**
 * A package of Guix with transformations (`transform(p, [withoutTests(...), ...])`).
 *
 * @example fc.sample(anyTransformed, 3)
 */
export const anyTransformed: fc.Arbitrary<G.Transformed> = fc
  .tuple(anyGuixPackage, anyPackageName, anyPackageName, anyCommit)
  .map(([p, a, b, commit]) =>
    G.transform(p, [G.withoutTests(a), G.withInput(a, b), G.withCommit(b, commit), G.tune()]),
  );

/** The name a package of a manifest goes by. */
const nameOf = (p: G.Package | G.PackageVariant | G.GuixPackage | G.Transformed): string =>
  p.kind === "guix-package"
    ? p.variable
    : p.kind === "transformed"
      ? nameOf(p.package as G.GuixPackage)
      : (p.name ?? (p.kind === "package-variant" ? nameOf(p.parent as G.GuixPackage) : ""));

/**
 * A manifest: specifications, packages (own, variants, Guix's, transformed), a development manifest, their concatenation.
 *
 * @example fc.assert(fc.asyncProperty(anyManifest, async (m) => (await guileReadsBack(manifestFile({ manifest: m }))).ok))
 */
export const anyManifest: fc.Arbitrary<G.Manifest> = fc
  .record({
    specifications: fc.uniqueArray(anyPackageName, { maxLength: 3 }),
    packages: fc.uniqueArray(fc.oneof(anyPackage, anyVariant, anyGuixPackage, anyTransformed), {
      maxLength: 4,
      selector: nameOf,
    }),
    development: fc.option(anyGuixPackage, { nil: undefined }),
  })
  .map(({ specifications, packages, development }) => {
    // A package is named once in a manifest: as a specification, a package or the development one.
    const names = new Set(packages.map(nameOf));
    const developed = development !== undefined && !names.has(development.variable) ? development : undefined;
    if (developed !== undefined) names.add(developed.variable);
    return G.concatenateManifests([
      G.specificationsToManifest(specifications.filter((s) => !names.has(s))),
      G.packagesToManifest(packages),
      ...(developed === undefined ? [] : [G.packageToDevelopmentManifest(developed)]),
    ]);
  });

/**
 * A channel: named, pinned to a commit, with its introduction.
 *
 * @example fc.sample(anyChannel, 3)
 */
export const anyChannel: fc.Arbitrary<G.Channel> = fc
  .record({
    name: anyPackageName,
    url: anyUrl,
    commit: anyCommit,
    signer: fc.stringMatching(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/),
    introduced: anyCommit,
  })
  .map(({ name, url, commit, signer, introduced }) =>
    G.channel({ name, url, commit, introduction: { commit: introduced, signer } }),
  );

/**
 * A channels file's channels: Guix's, then others, each name once.
 *
 * @example fc.assert(fc.property(anyChannels, (channels) => E.isRight(channelsFileE({ channels }))))
 */
export const anyChannels: fc.Arbitrary<G.Channel[]> = fc
  .tuple(anyCommit, fc.uniqueArray(anyChannel, { maxLength: 3, selector: (c) => c.name }))
  .map(([commit, others]) => [G.guixChannel({ commit }), ...others.filter((c) => c.name !== "guix")]);

const absolute = anyPackageName.map((n) => `/${n}`);
/**
 * An image description: name, tag, entry point, command, environment, ports, labels, user, volumes, layers, compression.
 *
 * @example fc.assert(fc.property(anyImageSpec, (spec) => E.isRight(validateImage(spec))))
 */
export const anyImageSpec: fc.Arbitrary<G.ImageSpec> = fc
  .record(
    {
      name: anyPackageName,
      tag: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/),
      entryPoint: anyPackageName.map((n) => `bin/${n}`),
      cmd: fc.array(
        anyText.filter((t) => !t.includes("\0")),
        { maxLength: 2 },
      ),
      workingDir: absolute,
      env: fc.dictionary(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/), anyPackageName, { maxKeys: 2 }),
      exposedPorts: fc.array(fc.integer({ min: 1, max: 65535 }), { maxLength: 2 }),
      labels: fc.dictionary(anyPackageName, anyPackageName, { maxKeys: 2 }),
      user: anyPackageName,
      volumes: fc.array(absolute, { maxLength: 2 }),
      maxLayers: fc.integer({ min: 2, max: 100 }),
      compression: fc.constantFrom(...G.PACK_COMPRESSIONS),
    },
    { requiredKeys: ["name"] },
  )
  .map((o) => G.imageSpec(o));

/** A value with one field made invalid, and the path (from the value) its problem must be reported at. */
export interface WithFault<T> {
  readonly value: T;
  readonly path: string;
}

// Package faults: the path each is reported at, and how to make it.
const PACKAGE_FAULTS: readonly [string, (p: G.PackageOptions) => G.PackageOptions][] = [
  ["name", (p) => ({ ...p, name: "has space" })],
  ["version", (p) => ({ ...p, version: "" })],
  ["source.sha256", (p) => ({ ...p, source: G.urlFetch({ url: "https://example.org/x.tgz", sha256: "short" }) })],
  ["homePage", (p) => ({ ...p, homePage: "nowhere" })],
  ["license", (p) => ({ ...p, license: "made-up" as G.LicenseName })],
  ["synopsis", (p) => ({ ...p, synopsis: " " })],
  ["outputs", (p) => ({ ...p, outputs: ["no way"] })],
  ["supportedSystems[0]", (p) => ({ ...p, supportedSystems: ["not a system"] })],
];

/**
 * A package with one invalid field, and its path in the package (`"homePage"`): validation of a
 * manifest holding it first reports `manifest.packages[0].homePage`.
 *
 * @example fc.assert(fc.property(anyPackageWithFault, ({ value, path }) => problemsOf(value).map((p) => p.path) equals [`manifest.packages[0].${path}`]))
 */
export const anyPackageWithFault: fc.Arbitrary<WithFault<G.Package>> = fc
  .tuple(anyPackageOptions, fc.constantFrom(...PACKAGE_FAULTS))
  .map(([options, [path, fault]]) => ({ value: G.pkg(fault(options)), path }));

/**
 * A channel with one invalid field, and its path in the channel (`"commit"`).
 *
 * @example fc.sample(anyChannelWithFault, 1) // [{ value: channel({... commit: "main" }), path: "commit" }]
 */
export const anyChannelWithFault: fc.Arbitrary<WithFault<G.Channel>> = fc
  .tuple(
    anyChannel,
    fc.constantFrom<[string, (c: G.Channel) => G.Channel]>(
      ["commit", (c) => ({ ...c, commit: "main" })],
      ["url", (c) => ({ ...c, url: "not a url" })],
      ["introduction.signer", (c) => ({ ...c, introduction: { commit: c.introduction!.commit, signer: "" } })],
    ),
  )
  .map(([c, [path, fault]]) => ({ value: G.deepFreeze(fault(c)), path }));

/**
 * An image description with one invalid field, and its path (`"exposedPorts[0]"`).
 *
 * @example fc.sample(anyImageSpecWithFault, 1) // [{ value: imageSpec({... exposedPorts: [0] }), path: "exposedPorts[0]" }]
 */
export const anyImageSpecWithFault: fc.Arbitrary<WithFault<G.ImageSpec>> = fc
  .tuple(
    anyImageSpec,
    fc.constantFrom<[string, (s: G.ImageSpec) => G.ImageSpecOptions]>(
      ["exposedPorts[0]", (s) => ({ ...s, exposedPorts: [0] })],
      ["workingDir", (s) => ({ ...s, workingDir: "relative/dir" })],
      ["tag", (s) => ({ ...s, tag: "-bad tag" })],
    ),
  )
  .map(([s, [path, fault]]) => ({ value: G.imageSpec(fault(s)), path }));
