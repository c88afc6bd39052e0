/**
 * Guix command lines from typed options: argv arrays, never a shell string.
 * Options Guix rejects together are rejected here first, with the reason.
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

export function buildOptionsArgv(o: BuildOptions, problems: string[]): string[] {
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

export type PackFormat = "tarball" | "squashfs" | "docker" | "deb" | "rpm" | "appimage";
export type PackCompression = "gzip" | "lzip" | "xz" | "zstd" | "bzip2" | "none";

export interface PackOptions extends BuildOptions {
  readonly format?: PackFormat;
  /** Manifest files (`-m`, several are concatenated). */
  readonly manifests?: readonly string[];
  /** Package specifications. */
  readonly packages?: readonly string[];
  /** `-e EXPR` */
  readonly expression?: string;
  /** The program to run, relative to the profile: `bin/uvicorn`. */
  readonly entryPoint?: string;
  /** `-A`: arguments of the entry point (docker, and with an entry point). */
  readonly entryPointArgs?: readonly string[];
  /** `--image-tag` (docker). */
  readonly imageTag?: string;
  /** `--max-layers` (docker). */
  readonly maxLayers?: number;
  /** `-S /target=source`: target absolute, source relative to the profile. */
  readonly symlinks?: readonly string[];
  /** `-R` (1) or `-RR` (2). */
  readonly relocatable?: 0 | 1 | 2;
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

const DOCKER_ONLY: readonly (keyof PackOptions)[] = ["entryPointArgs", "imageTag", "maxLayers"];

/** `guix pack ...` */
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
  if (o.entryPoint !== undefined) {
    if (o.entryPoint.startsWith("/"))
      problems.push(`the entry point is relative to the profile (bin/...), got ${o.entryPoint}`);
    argv.push(`--entry-point=${o.entryPoint}`);
  }
  for (const key of DOCKER_ONLY) {
    const value = o[key];
    if (value !== undefined && (!Array.isArray(value) || value.length > 0) && format !== "docker")
      problems.push(`${key} needs format "docker", not "${format}"`);
  }
  if (o.entryPointArgs?.length && o.entryPoint === undefined) problems.push("entryPointArgs (-A) need an entryPoint");
  for (const arg of o.entryPointArgs ?? []) argv.push(`--entry-point-argument=${arg}`);
  if (o.imageTag !== undefined) argv.push(`--image-tag=${o.imageTag}`);
  if (o.maxLayers !== undefined) {
    if (!Number.isInteger(o.maxLayers) || o.maxLayers < 1)
      problems.push(`maxLayers takes a positive whole number, got ${o.maxLayers}`);
    argv.push(`--max-layers=${o.maxLayers}`);
  }
  for (const spec of o.symlinks ?? []) {
    const m = /^([^=]+)=(.+)$/.exec(spec);
    if (!m) problems.push(`a symlink is TARGET=SOURCE, got ${spec}`);
    else if (!m[1]!.startsWith("/")) problems.push(`a symlink's target is absolute (/bin/sh=bin/bash), got ${m[1]}`);
    else if (m[2]!.startsWith("/"))
      problems.push(`a symlink's source is relative to the profile (bin/bash), got ${m[2]}`);
    argv.push(`--symlink=${spec}`);
  }
  if (o.relocatable) argv.push(o.relocatable === 2 ? "-RR" : "-R");
  if (o.compression !== undefined) {
    if (format === "squashfs" || format === "appimage")
      problems.push(`compression does not apply to format "${format}"`);
    argv.push(`--compression=${o.compression}`);
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
  argv.push(...(o.packages ?? []));
  if (problems.length > 0) throw new RunnerUsageError(problems);
  return argv;
}

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

/** `guix time-machine ... -- COMMAND` */
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

/** `guix build -m MANIFEST...` */
export function buildArgv(o: BuildOptions & { readonly manifests: readonly string[] }): string[] {
  const problems: string[] = [];
  if (o.manifests.length === 0) problems.push("build needs a manifest");
  const argv = ["build", ...o.manifests.map((m) => `--manifest=${m}`), ...buildOptionsArgv(o, problems)];
  if (problems.length > 0) throw new RunnerUsageError(problems);
  return argv;
}

/** `guix shell -m MANIFEST... [--container] -- COMMAND...` */
export function shellArgv(
  o: BuildOptions & {
    readonly manifests: readonly string[];
    readonly pure?: boolean;
    readonly container?: boolean;
    readonly command: readonly string[];
  },
): string[] {
  const problems: string[] = [];
  if (o.command.length === 0) problems.push("shell needs a command to run");
  const argv = ["shell", ...o.manifests.map((m) => `--manifest=${m}`)];
  if (o.pure) argv.push("--pure");
  if (o.container) argv.push("--container");
  argv.push(...buildOptionsArgv(o, problems));
  if (problems.length > 0) throw new RunnerUsageError(problems);
  return [...argv, "--", ...o.command];
}

/** `guix describe -f channels` */
export function describeArgv(): string[] {
  return ["describe", "--format=channels"];
}
