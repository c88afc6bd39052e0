/**
 * Guix's own options, with Guix's names and meanings: how to reach Guix, the options of every
 * building command (`guix build --help`), and those of `guix pack`. Enumerated values are checked here.
 */
import { basename, resolve } from "node:path";
import { PACK_COMPRESSIONS, TRANSFORMATION_OPTIONS, didYouMean, type PackCompression } from "@guix-ts/core";
import { run } from "@guix-ts/process";
import {
  BACKENDS,
  PACK_FORMATS,
  type Backend,
  type BuildOptions,
  type OpenGuixOptions,
  type PackFormat,
  type PackOptions,
} from "@guix-ts/runner";
import { UsageError } from "./errors.js";
import type { CommandIO } from "./io.js";

export const GUIX_FLAGS = {
  backend: { type: "string" },
  home: { type: "string" },
  daemon: { type: "string" },
} as const;

export const GUIX_FLAGS_USAGE = `How to reach Guix:
  --backend B           host, bubblewrap, proot or remote (default: the best that works here)
  --home DIR            the rootless Guix home (default ~/.local/share/guix-ts/guix)
  --daemon URL          a remote daemon (guix://HOST:PORT, ssh://...): build on a bigger machine
`;

/** The options of every building command, as `guix build` names them. */
export const BUILD_FLAGS = {
  "load-path": { type: "string", short: "L", multiple: true },
  "no-substitutes": { type: "boolean" },
  "substitute-urls": { type: "string" },
  "keep-failed": { type: "boolean", short: "K" },
  "keep-going": { type: "boolean", short: "k" },
  fallback: { type: "boolean" },
  cores: { type: "string", short: "c" },
  "max-jobs": { type: "string", short: "M" },
  verbosity: { type: "string", short: "v" },
  "no-grafts": { type: "boolean" },
  system: { type: "string", short: "s" },
  target: { type: "string" },
  "dry-run": { type: "boolean", short: "n" },
  // Guix's package transformations (--with-commit=PACKAGE=COMMIT...), each may be repeated.
  ...(Object.fromEntries(TRANSFORMATION_OPTIONS.map((t) => [t, { type: "string", multiple: true }])) as Record<
    string,
    { readonly type: "string"; readonly multiple: true }
  >),
} as const;

/** What `guix pack` packs, and as what: `guix-ts pack` takes these, `build` packs a script's manifest as docker. */
export const PACK_INPUT_FLAGS = {
  format: { type: "string", short: "f" },
  manifest: { type: "string", short: "m", multiple: true },
  expression: { type: "string", short: "e" },
} as const;

/** `guix pack`'s other options (the image's are in image-flags.ts). */
export const PACK_FLAGS = {
  compression: { type: "string", short: "C" },
  relocatable: { type: "boolean", short: "R", multiple: true },
  "max-layers": { type: "string" },
  "save-provenance": { type: "boolean" },
  localstatedir: { type: "boolean" },
  "profile-name": { type: "string" },
  root: { type: "string", short: "r" },
  derivation: { type: "boolean", short: "d" },
} as const;

export const BUILD_FLAGS_USAGE = `Guix's build options, as guix pack takes them:
  -L, --load-path DIR   modules from DIR        --no-substitutes   build everything locally
  --substitute-urls "URL..."                    -K, --keep-failed  -k, --keep-going  --fallback
  -c, --cores N  -M, --max-jobs N  -v, --verbosity 0-3  --no-grafts  -n, --dry-run
  -s, --system SYSTEM   --target TRIPLET
  --with-source --with-input --with-graft --with-branch --with-commit --with-git-url --with-patch
  --with-latest --with-version --with-c-toolchain --with-debug-info --with-configure-flag
  --without-tests --tune=CPU      package transformations, each PACKAGE=VALUE as in Guix
`;

type Values = { readonly [key: string]: string | boolean | (string | boolean)[] | undefined };

/** `value` if it is one of `allowed`, else a UsageError listing them, with the closest. */
export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `unknown ${option} ${JSON.stringify(value)}; expected one of ${allowed.join(", ")}${didYouMean(value, allowed)}`,
  );
}

/** A whole number at least `min`, else a UsageError. */
export function wholeNumber(option: string, value: string, min = 0): number {
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new UsageError(
      `${option} takes a whole number${min > 0 ? ` of at least ${min}` : ""}, got ${JSON.stringify(value)}`,
    );
  return Number(value);
}

function level(value: string): 0 | 1 | 2 | 3 {
  if (!/^[0-3]$/.test(value)) throw new UsageError(`--verbosity takes 0, 1, 2 or 3, got ${JSON.stringify(value)}`);
  return Number(value) as 0 | 1 | 2 | 3;
}

const text = (values: Values, key: string): string | undefined => values[key] as string | undefined;
const texts = (values: Values, key: string): string[] => (values[key] as string[] | undefined) ?? [];

/** The building options the flags give, checked. */
export function buildOptions(values: Values): BuildOptions {
  const number = (key: string): number | undefined => {
    const v = text(values, key);
    return v === undefined ? undefined : wholeNumber(`--${key}`, v);
  };
  const verbosity = text(values, "verbosity");
  const transformations = TRANSFORMATION_OPTIONS.flatMap((option) =>
    texts(values, option).map((value) => ({ option, value })),
  );
  const substituteUrls = text(values, "substitute-urls")?.split(/\s+/).filter(Boolean);
  const options: BuildOptions = {
    ...(values["load-path"] ? { loadPath: texts(values, "load-path").map((dir) => resolve(dir)) } : {}),
    ...(values["no-substitutes"] ? { substitutes: false } : {}),
    ...(substituteUrls ? { substituteUrls } : {}),
    ...(values["keep-failed"] ? { keepFailed: true } : {}),
    ...(values["keep-going"] ? { keepGoing: true } : {}),
    ...(values.fallback ? { fallback: true } : {}),
    ...(number("cores") !== undefined ? { cores: number("cores")! } : {}),
    ...(number("max-jobs") !== undefined ? { maxJobs: number("max-jobs")! } : {}),
    ...(verbosity !== undefined ? { verbosity: level(verbosity) } : {}),
    ...(values["no-grafts"] ? { grafts: false } : {}),
    ...(text(values, "system") !== undefined ? { system: text(values, "system")! } : {}),
    ...(text(values, "target") !== undefined ? { target: text(values, "target")! } : {}),
    ...(values["dry-run"] ? { dryRun: true } : {}),
    ...(transformations.length > 0 ? { transformations } : {}),
  };
  if (options.substitutes === false && substituteUrls)
    throw new UsageError("--no-substitutes and --substitute-urls do not go together");
  return options;
}

/** `guix pack`'s own options the flags give, checked; the image's (`-C`, `--max-layers`) apart. */
export function packOptions(values: Values): {
  readonly format: PackFormat;
  readonly maxLayers: number | undefined;
  readonly compression: PackCompression | undefined;
  readonly extras: Omit<PackOptions, keyof BuildOptions | "image" | "format" | "compression">;
} {
  const relocatable = (values.relocatable as boolean[] | undefined)?.length ?? 0;
  if (relocatable > 2) throw new UsageError("-R is given once (relocatable) or twice (-RR, fully relocatable)");
  const compression = text(values, "compression");
  const maxLayers = text(values, "max-layers");
  const profileName = text(values, "profile-name");
  const manifests = texts(values, "manifest").map((m) => resolve(m));
  return {
    format: oneOf("--format", text(values, "format") ?? "docker", PACK_FORMATS),
    maxLayers: maxLayers === undefined ? undefined : wholeNumber("--max-layers", maxLayers, 1),
    compression:
      compression === undefined ? undefined : oneOf<PackCompression>("--compression", compression, PACK_COMPRESSIONS),
    extras: {
      ...(manifests.length > 0 ? { manifests } : {}),
      ...(text(values, "expression") !== undefined ? { expression: text(values, "expression")! } : {}),
      ...(relocatable > 0 ? { relocatable: relocatable as 1 | 2 } : {}),
      ...(values["save-provenance"] ? { saveProvenance: true } : {}),
      ...(values.localstatedir ? { localstatedir: true } : {}),
      ...(profileName !== undefined
        ? { profileName: oneOf("--profile-name", profileName, ["guix-profile", "current-guix"] as const) }
        : {}),
      ...(text(values, "root") !== undefined ? { root: resolve(text(values, "root")!) } : {}),
      ...(values.derivation ? { derivation: true } : {}),
    },
  };
}

/** How to open the session the flags ask for, with a one-line progress on a terminal. */
export function guixOptions(values: Values, io: CommandIO): OpenGuixOptions {
  const backend = text(values, "backend");
  const home = text(values, "home");
  const daemon = text(values, "daemon");
  const onLog = progress(io);
  return {
    ...(backend !== undefined ? { backend: oneOf<Backend>("--backend", backend, BACKENDS) } : {}),
    ...(home ? { home: resolve(home) } : {}),
    ...(daemon ? { daemonSocket: daemon } : {}),
    ...(onLog ? { onLog } : {}),
  };
}

/** On a terminal, one line that says what Guix is building or downloading now. */
function progress(io: CommandIO): ((line: string) => void) | undefined {
  if (io.terminal !== true) return undefined;
  const started = Date.now();
  return (line) => {
    const what = /^(building|downloading|substituting)\s+(\S+)/.exec(line);
    if (what) io.stderr(`\r\x1b[K[${Math.round((Date.now() - started) / 1000)}s] ${what[1]} ${basename(what[2]!)}`);
  };
}

/** Load an archive into the first container engine that answers. */
export async function load(archive: string): Promise<void> {
  for (const engine of ["docker", "podman"]) {
    if (
      !(await run(engine, ["version"]).then(
        () => true,
        () => false,
      ))
    )
      continue;
    await run(engine, ["load", "--input", archive], { stdout: "inherit" });
    return;
  }
  throw new UsageError("--load needs a running Docker engine or podman; none answers here");
}
