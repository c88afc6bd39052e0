/**
 * Guix command lines from typed options: argv arrays, never a shell string.
 * Options Guix rejects together are rejected here first, with the reason.
 */
import type { CheckedImage, PackCompression } from "@guix-ts/core";

/**
 * Options that Guix would refuse, each problem in a line.
 *
 * @example expect(() => packArgv({ format: "docker" })).toThrow(RunnerUsageError)
 */
export class RunnerUsageError extends Error {
  override readonly name = "RunnerUsageError";
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
  }
}

/** A package transformation as `guix build` takes it: `{ option: "with-commit", value: "guile=v3.0.9" }`. */
export interface Transformation {
  readonly option: string;
  readonly value: string;
}

/** The options every building command takes (guix build, pack, shell, time-machine's command). */
export interface BuildOptions {
  readonly loadPath?: readonly string[];
  /** `false` for `--no-substitutes`. */
  readonly substitutes?: boolean;
  readonly substituteUrls?: readonly string[];
  readonly keepFailed?: boolean;
  readonly keepGoing?: boolean;
  readonly fallback?: boolean;
  readonly cores?: number;
  readonly maxJobs?: number;
  readonly verbosity?: 0 | 1 | 2 | 3;
  readonly grafts?: boolean;
  readonly system?: string;
  readonly target?: string;
  readonly dryRun?: boolean;
  readonly transformations?: readonly Transformation[];
}

/** The argv of the options every building command takes; problems are added to `problems`. */
function buildOptionsArgv(o: BuildOptions, problems: string[]): string[] {
  const argv: string[] = [];
  for (const dir of o.loadPath ?? []) argv.push(`--load-path=${dir}`);
  if (o.substitutes === false) {
    argv.push("--no-substitutes");
    if (o.substituteUrls?.length) problems.push("substituteUrls given with substitutes: false: Guix would ignore them");
  }
  if (o.substituteUrls?.length) argv.push(`--substitute-urls=${o.substituteUrls.join(" ")}`);
  if (o.keepFailed) argv.push("--keep-failed");
  if (o.keepGoing) argv.push("--keep-going");
  if (o.fallback) argv.push("--fallback");
  for (const [flag, value] of [
    ["--cores", o.cores],
    ["--max-jobs", o.maxJobs],
  ] as const) {
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0) problems.push(`${flag} takes a whole number, got ${value}`);
    argv.push(`${flag}=${value}`);
  }
  if (o.verbosity !== undefined) argv.push(`--verbosity=${o.verbosity}`);
  if (o.grafts === false) argv.push("--no-grafts");
  if (o.system !== undefined) argv.push(`--system=${o.system}`);
  if (o.target !== undefined) argv.push(`--target=${o.target}`);
  if (o.dryRun) argv.push("--dry-run");
  for (const t of o.transformations ?? []) {
    if (!/^[a-z-]+$/.test(t.option)) problems.push(`not a transformation option: ${t.option}`);
    argv.push(`--${t.option}=${t.value}`);
  }
  return argv;
}

/** The formats `guix pack` makes. */
export type PackFormat = "tarball" | "squashfs" | "docker" | "deb" | "rpm" | "appimage";
/**
 * Every format `guix pack` makes.
 *
 * @example PACK_FORMATS.includes("docker") // true
 */
export const PACK_FORMATS: readonly PackFormat[] = ["tarball", "squashfs", "docker", "deb", "rpm", "appimage"];

/** What `packArgv()` takes: every `guix pack` option. */
export interface PackOptions extends BuildOptions {
  readonly format?: PackFormat;
  /** Manifest files (`-m`, several are concatenated). */
  readonly manifests?: readonly string[];
  /** Package specifications. */
  readonly packages?: readonly string[];
  /** `-e EXPR` */
  readonly expression?: string;
  /**
   * What the pack holds and how it starts: entry point (`--entry-point`, `-A`), symlinks (`-S`), and
   * for docker the name (`--image-tag`), `--max-layers` and the compression.
   */
  readonly image?: CheckedImage;
  /** `-R` (1) or `-RR` (2). */
  readonly relocatable?: 0 | 1 | 2;
  /** For packs without an image; an image carries its own. */
  readonly compression?: PackCompression;
  readonly saveProvenance?: boolean;
  readonly localstatedir?: boolean;
  /** `guix-profile` (Guix's default) or `current-guix`. */
  readonly profileName?: "guix-profile" | "current-guix";
  /** `--root=FILE`: a GC root for the pack. */
  readonly root?: string;
  /** `--derivation`: print the derivation, build nothing. */
  readonly derivation?: boolean;
}

/** `--entry-point`, `-A`, `--image-tag`, `--max-layers`, `-S` and the compression, from a checked image. */
function imageArgv(image: CheckedImage, format: PackFormat, problems: string[]): string[] {
  const argv: string[] = [];
  if (image.entryPoint !== undefined) argv.push(`--entry-point=${image.entryPoint}`);
  const dockerOnly: [string, boolean][] = [
    ["entryPointArgs", image.entryPointArgs.length > 0],
    ["name", image.name !== undefined],
    ["maxLayers", image.maxLayers !== undefined],
  ];
  for (const [key, given] of dockerOnly)
    if (given && format !== "docker") problems.push(`the image's ${key} needs format "docker", not "${format}"`);
  if (image.entryPointArgs.length > 0 && image.entryPoint === undefined)
    problems.push("entryPointArgs (-A) need an entryPoint");
  for (const arg of image.entryPointArgs) argv.push(`--entry-point-argument=${arg}`);
  if (image.name !== undefined) argv.push(`--image-tag=${image.name}`);
  if (image.maxLayers !== undefined) argv.push(`--max-layers=${image.maxLayers}`);
  for (const link of image.symlinks) argv.push(`--symlink=${link.target}=${link.source}`);
  return argv;
}

/**
 * `guix pack ...`
 *
 * @example packArgv({ format: "docker", manifests: ["manifest.scm"], image }) // ["pack", "--format=docker", ...]
 */
export function packArgv(o: PackOptions): string[] {
  const problems: string[] = [];
  const argv = ["pack"];
  const format = o.format ?? "tarball";
  if (o.format !== undefined) argv.push(`--format=${o.format}`);
  for (const m of o.manifests ?? []) argv.push(`--manifest=${m}`);
  if (o.expression !== undefined) argv.push(`--expression=${o.expression}`);
  if (!o.manifests?.length && !o.packages?.length && o.expression === undefined)
    problems.push("nothing to pack: give manifests, packages or an expression");
  if (o.manifests?.length && (o.packages?.length || o.expression !== undefined)) {
    problems.push(
      "manifests and packages (or an expression) do not go together: Guix refuses both a manifest and a package list",
    );
  }
  if (o.image !== undefined) argv.push(...imageArgv(o.image, format, problems));
  const compression = o.image?.compression ?? o.compression;
  if (o.image?.compression !== undefined && o.compression !== undefined && o.compression !== o.image.compression)
    problems.push(`two compressions: ${o.compression} for the pack, ${o.image.compression} for its image`);
  if (o.relocatable) argv.push(o.relocatable === 2 ? "-RR" : "-R");
  if (compression !== undefined) {
    if (format === "squashfs" || format === "appimage")
      problems.push(`compression does not apply to format "${format}"`);
    argv.push(`--compression=${compression}`);
  }
  if (o.saveProvenance) argv.push("--save-provenance");
  if (o.localstatedir) argv.push("--localstatedir");
  if (o.profileName !== undefined) {
    if (o.profileName !== "guix-profile" && o.profileName !== "current-guix")
      problems.push(`profileName is "guix-profile" or "current-guix", got ${o.profileName}`);
    argv.push(`--profile-name=${o.profileName}`);
  }
  if (o.root !== undefined) argv.push(`--root=${o.root}`);
  if (o.derivation) argv.push("--derivation");
  argv.push(...buildOptionsArgv(o, problems));
  // Package specifications are operands, never options, whatever they look like.
  if (o.packages?.length) argv.push("--", ...o.packages);
  if (problems.length > 0) throw new RunnerUsageError(problems);
  return argv;
}

/** What `timeMachineArgv()` takes: which Guix to run. */
export interface TimeMachineOptions extends BuildOptions {
  /** `-C FILE`: the channels to run with. */
  readonly channels?: string;
  /** For the `guix` channel (over the channels file's, if any): a commit or tag, a branch, a URL. */
  readonly commit?: string;
  readonly branch?: string;
  readonly url?: string;
  readonly disableAuthentication?: boolean;
  /** `-q`: do not load the user's and system's channel files. */
  readonly noChannelFiles?: boolean;
}

/**
 * `guix time-machine ... -- COMMAND`
 *
 * @example timeMachineArgv({ channels: "channels.scm" }, packArgv(pack)) // ["time-machine", "--channels=channels.scm", "--", "pack", ...]
 */
export function timeMachineArgv(o: TimeMachineOptions, command: readonly string[]): string[] {
  const problems: string[] = [];
  const argv = ["time-machine"];
  if (o.channels !== undefined) argv.push(`--channels=${o.channels}`);
  if (o.commit !== undefined) argv.push(`--commit=${o.commit}`);
  if (o.branch !== undefined) argv.push(`--branch=${o.branch}`);
  if (o.url !== undefined) argv.push(`--url=${o.url}`);
  if (o.commit !== undefined && o.branch !== undefined) problems.push("commit and branch do not go together");
  if (o.disableAuthentication) argv.push("--disable-authentication");
  if (o.noChannelFiles) argv.push("--no-channel-files");
  argv.push(...buildOptionsArgv(o, problems));
  if (command.length === 0) problems.push("time-machine needs a command to run");
  if (problems.length > 0) throw new RunnerUsageError(problems);
  return [...argv, "--", ...command];
}

/**
 * `guix build -m MANIFEST...`
 *
 * @example buildArgv({ manifests: ["manifest.scm"], cores: 2 }) // ["build", "--manifest=manifest.scm", "--cores=2"]
 */
export function buildArgv(o: BuildOptions & { readonly manifests: readonly string[] }): string[] {
  const problems: string[] = [];
  if (o.manifests.length === 0) problems.push("build needs a manifest");
  const argv = ["build", ...o.manifests.map((m) => `--manifest=${m}`), ...buildOptionsArgv(o, problems)];
  if (problems.length > 0) throw new RunnerUsageError(problems);
  return argv;
}

/** What `shellArgv()` takes: the manifests and the command to run. */
export interface ShellOptions extends BuildOptions {
  readonly manifests: readonly string[];
  readonly pure?: boolean;
  readonly container?: boolean;
  /** The command to run in the environment; an interactive shell when empty. */
  readonly command: readonly string[];
}

/**
 * `guix shell -m MANIFEST... [--container] [-- COMMAND...]`
 *
 * @example shellArgv({ manifests: ["manifest.scm"], container: true, command: ["python3"] })
 * // ["shell", "--manifest=manifest.scm", "--container", "--", "python3"]
 */
export function shellArgv(o: ShellOptions): string[] {
  const problems: string[] = [];
  const argv = ["shell", ...o.manifests.map((m) => `--manifest=${m}`)];
  if (o.pure) argv.push("--pure");
  if (o.container) argv.push("--container");
  argv.push(...buildOptionsArgv(o, problems));
  if (problems.length > 0) throw new RunnerUsageError(problems);
  return o.command.length === 0 ? argv : [...argv, "--", ...o.command];
}

/**
 * `guix describe -f channels`
 *
 * @example await guix.run(describeArgv()) // guix describe --format=channels
 */
export function describeArgv(): string[] {
  return ["describe", "--format=channels"];
}
