/**
 * One description of a Docker image, from the build script to `guix pack`'s command line and the
 * edit of its archive: what `guix pack -f docker` is told (entry point, arguments, symlinks, name,
 * layers, compression) and what guix-ts sets in the archive afterwards because `guix pack` cannot
 * (working directory, env, ports, labels, user, volumes, command, tag). `imageSpec` builds it;
 * `validateImage` checks it once and gives the {@link CheckedImage} everything else takes.
 */
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { deepFreeze } from "./deep-freeze.js";
import { andKeep, check, each, optional, problem, type Validation } from "./validation.js";

/** A symlink `guix pack -S` makes in the image: `/target=source`. */
export interface ImageSymlink {
  /** Where the link is made in the image: an absolute path (`/damn_server`). */
  readonly target: string;
  /** What it points to, relative to the profile (`damn_server`, `bin/sh`). */
  readonly source: string;
}

/** The compressions `guix pack` can write. */
export type PackCompression = "gzip" | "lzip" | "xz" | "zstd" | "bzip2" | "none";
/**
 * Every compression `guix pack` can write.
 *
 * @example PACK_COMPRESSIONS.includes("zstd") // true
 */
export const PACK_COMPRESSIONS: readonly PackCompression[] = ["gzip", "lzip", "xz", "zstd", "bzip2", "none"];

/** What an image says: every field of a Docker image config, plus what `guix pack` is told. */
export interface ImageSpecOptions {
  /** Repository name: `damn-server`, `registry.example.org/team/app`. */
  readonly name?: string;
  /** Tag (`latest` by default). */
  readonly tag?: string;
  /** Program run by the container, relative to the profile (`bin/uvicorn`). */
  readonly entryPoint?: string;
  readonly entryPointArgs?: readonly string[];
  /** Default arguments (`Cmd`), replaced by those given to `docker run`. */
  readonly cmd?: readonly string[];
  /** The process's working directory: an absolute path in the image. */
  readonly workingDir?: string;
  /** Environment, added to (and overriding) the profile's search paths. */
  readonly env?: Readonly<Record<string, string>>;
  /** `80`, `80/tcp`, `53/udp`. */
  readonly exposedPorts?: readonly (string | number)[];
  readonly labels?: Readonly<Record<string, string>>;
  /** `name`, `uid`, `uid:gid`, `name:group`. */
  readonly user?: string;
  /** Absolute paths of volumes. */
  readonly volumes?: readonly string[];
  readonly symlinks?: readonly ImageSymlink[];
  /** At most this many layers (`guix pack --max-layers`). */
  readonly maxLayers?: number;
  /** The archive's compression (`guix pack --compression`; gzip by default). */
  readonly compression?: PackCompression;
}

/** An image as the build script describes it (not checked yet). */
export interface ImageSpec extends ImageSpecOptions {
  readonly kind: "image-spec";
}

/** An image once checked: defaults filled in, ports as `PORT/PROTOCOL`. */
export interface CheckedImage {
  readonly kind: "checked-image";
  readonly name: string | undefined;
  readonly tag: string;
  readonly entryPoint: string | undefined;
  readonly entryPointArgs: readonly string[];
  readonly cmd: readonly string[] | undefined;
  readonly workingDir: string | undefined;
  readonly env: Readonly<Record<string, string>>;
  readonly exposedPorts: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly user: string | undefined;
  readonly volumes: readonly string[];
  readonly symlinks: readonly ImageSymlink[];
  readonly maxLayers: number | undefined;
  readonly compression: PackCompression | undefined;
}

/**
 * An image description. It only builds; {@link validateImage} checks it.
 *
 * @example imageSpec({ name: "damn-server", entryPoint: "bin/uvicorn", workingDir: "/", exposedPorts: [80] })
 */
export function imageSpec(options: ImageSpecOptions): ImageSpec {
  return deepFreeze({ ...options, kind: "image-spec" });
}

const NAME_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const REPOSITORY = new RegExp(`^(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?${NAME_COMPONENT}(?:/${NAME_COMPONENT})*$`);
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PORT = /^([0-9]{1,5})(?:\/(tcp|udp|sctp))?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const USER = /^[A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)?$/;

function normalizePort(port: unknown): string | undefined {
  const m = typeof port === "string" || typeof port === "number" ? PORT.exec(String(port)) : null;
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 65535) return undefined;
  return `${Number(m[1])}/${m[2] ?? "tcp"}`;
}

const absolute = (path: unknown): boolean => typeof path === "string" && path.startsWith("/") && !path.includes("\0");
const strings = (value: unknown): value is readonly string[] =>
  Array.isArray(value) && value.every((v) => typeof v === "string" && !v.includes("\0"));
const record = (value: unknown): [string, unknown][] =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? Object.entries(value) : [];

/** How `validateImage()` checks: where the image is, and whether it needs a name. */
export interface ValidateImageOptions {
  /** Where the image is in the builder tree (`image`). */
  readonly path?: string;
  /** Whether a name is needed (a new image); edits of an existing archive may leave it out. */
  readonly requireName?: boolean;
}

/**
 * Check an image description, every problem at once with its path, or the {@link CheckedImage}.
 *
 * @example validateImage(imageSpec({ name: "app", exposedPorts: [80] })) // Right({ exposedPorts: ["80/tcp"], tag: "latest", ... })
 */
export function validateImage(spec: ImageSpecOptions, options: ValidateImageOptions = {}): Validation<CheckedImage> {
  const p = options.path ?? "image";
  if (typeof spec !== "object" || spec === null) return problem(p, spec, "expected an image: imageSpec({...})");
  const listOf = (value: unknown, path: string, what: string, valid: (v: unknown) => boolean) =>
    optional(value, (v) =>
      Array.isArray(v)
        ? each(v, path, (item, ip) => check(valid(item), ip, item, what))
        : problem(path, v, "expected a list"),
    );
  const checks = [
    spec.name === undefined
      ? check(!options.requireName, `${p}.name`, undefined, "missing: an image needs a repository name")
      : check(
          typeof spec.name === "string" && spec.name.length <= 255 && REPOSITORY.test(spec.name),
          `${p}.name`,
          spec.name,
          "expected a repository name: lower-case letters, digits and . _ - in /-separated parts (255 at most)",
        ),
    optional(spec.tag, (t) =>
      check(
        typeof t === "string" && TAG.test(t),
        `${p}.tag`,
        t,
        "expected a tag: letters, digits, _ . - (128 at most, not starting with . or -)",
      ),
    ),
    optional(spec.entryPoint, (e) =>
      check(
        typeof e === "string" && e !== "" && !e.startsWith("/") && !e.includes("\0"),
        `${p}.entryPoint`,
        e,
        "expected a program relative to the profile, such as bin/uvicorn",
      ),
    ),
    optional(spec.entryPointArgs, (a) => check(strings(a), `${p}.entryPointArgs`, a, "expected a list of strings")),
    optional(spec.cmd, (c) => check(strings(c), `${p}.cmd`, c, "expected a list of strings")),
    optional(spec.workingDir, (w) => check(absolute(w), `${p}.workingDir`, w, "expected an absolute path")),
    each(record(spec.env), `${p}.env`, ([k, v], path) =>
      andKeep(
        k,
        check(ENV_NAME.test(k), path, k, "expected a variable name: letters, digits and _"),
        check(typeof v === "string" && !v.includes("\0"), path, v, "expected a string value"),
      ),
    ),
    listOf(
      spec.exposedPorts,
      `${p}.exposedPorts`,
      "expected PORT or PORT/tcp|udp|sctp with PORT from 1 to 65535",
      (port) => normalizePort(port) !== undefined,
    ),
    each(record(spec.labels), `${p}.labels`, ([k, v], path) =>
      check(k !== "" && typeof v === "string", path, k, "expected a non-empty key and a string value"),
    ),
    optional(spec.user, (u) =>
      check(typeof u === "string" && USER.test(u), `${p}.user`, u, "expected a user: name, uid, uid:gid or name:group"),
    ),
    listOf(spec.volumes, `${p}.volumes`, "expected an absolute path", absolute),
    optional(spec.symlinks, (links) =>
      Array.isArray(links)
        ? each(links as readonly ImageSymlink[], `${p}.symlinks`, (s, path) =>
            andKeep(
              s,
              check(absolute(s?.target), `${path}.target`, s?.target, "expected an absolute path in the image"),
              check(
                typeof s?.source === "string" &&
                  s.source !== "" &&
                  !s.source.startsWith("/") &&
                  !s.source.includes("\0"),
                `${path}.source`,
                s?.source,
                "expected a path relative to the profile",
              ),
            ),
          )
        : problem(`${p}.symlinks`, links, "expected a list"),
    ),
    optional(spec.maxLayers, (n) =>
      check(Number.isInteger(n) && n >= 1, `${p}.maxLayers`, n, "expected a positive whole number"),
    ),
    optional(spec.compression, (c) =>
      check(PACK_COMPRESSIONS.includes(c), `${p}.compression`, c, `expected one of ${PACK_COMPRESSIONS.join(", ")}`),
    ),
  ];
  return pipe(
    andKeep(spec, ...checks),
    E.map((): CheckedImage =>
      deepFreeze({
        kind: "checked-image",
        name: spec.name,
        tag: spec.tag ?? "latest",
        entryPoint: spec.entryPoint,
        entryPointArgs: [...(spec.entryPointArgs ?? [])],
        cmd: spec.cmd === undefined ? undefined : [...spec.cmd],
        workingDir: spec.workingDir,
        env: { ...spec.env },
        exposedPorts: (spec.exposedPorts ?? []).map((port) => normalizePort(port)!),
        labels: { ...spec.labels },
        user: spec.user,
        volumes: [...(spec.volumes ?? [])],
        symlinks: (spec.symlinks ?? []).map((s) => ({ target: s.target, source: s.source })),
        maxLayers: spec.maxLayers,
        compression: spec.compression,
      }),
    ),
  );
}
