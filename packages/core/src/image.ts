/**
 * One typed description of a Docker image: what `guix pack -f docker` is
 * told (entry point, arguments, symlinks, name) and what guix-ts sets in the
 * archive afterwards because `guix pack` cannot (working directory, env,
 * ports, labels, user, volumes, command, tag).
 */
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { andKeep, check, each, optional, orThrow, type Validation } from "./validation.js";
export { GuixValidationError, formatProblems } from "./validation.js";
import { deepFreeze } from "./deep-freeze.js";

export interface ImageSymlink {
  /** Where the link is made in the image: an absolute path (`/damn_server`). */
  readonly target: string;
  /** What it points to, relative to the profile (`damn_server`, `bin/sh`). */
  readonly source: string;
}

export interface ImageSpecOptions {
  /** Repository name: `damn-server`, `registry.example.org/team/app`. */
  readonly name: string;
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
}

export interface ImageSpec extends Required<Omit<ImageSpecOptions, "entryPoint" | "workingDir" | "user" | "cmd">> {
  readonly kind: "image-spec";
  readonly entryPoint: string | undefined;
  readonly cmd: readonly string[] | undefined;
  readonly workingDir: string | undefined;
  readonly user: string | undefined;
  /** Ports as `PORT/PROTOCOL`. */
  readonly exposedPorts: readonly string[];
}

const NAME_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const REPOSITORY = new RegExp(`^(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?${NAME_COMPONENT}(?:/${NAME_COMPONENT})*$`);
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PORT = /^([0-9]{1,5})(?:\/(tcp|udp|sctp))?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function normalizePort(port: string | number): string | undefined {
  const m = PORT.exec(String(port));
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 65535) return undefined;
  return `${Number(m[1])}/${m[2] ?? "tcp"}`;
}

const absolute = (path: unknown): boolean => typeof path === "string" && path.startsWith("/") && !path.includes("\0");

/** What may be changed in an image archive after the pack: all but the name may be left out. */
export type ImageEditsOptions = Omit<ImageSpecOptions, "name"> & { readonly name?: string };
export type ImageEdits = Omit<ImageSpec, "name"> & { readonly name: string | undefined };

/** Validate an image description, every problem at once (paths start at `image`). */
export function imageSpecE(options: ImageSpecOptions): Validation<ImageSpec> {
  return imageEditsE(options) as Validation<ImageSpec>;
}

/** Validate edits for an image archive made elsewhere: {@link imageSpecE} without requiring a name. */
export function imageEditsE(options: ImageEditsOptions): Validation<ImageEdits> {
  const p = "image";
  const env = Object.entries(options.env ?? {});
  const labels = Object.entries(options.labels ?? {});
  const checks = [
    optional(options.name, (n) =>
      check(
        typeof n === "string" && REPOSITORY.test(n),
        `${p}.name`,
        n,
        "expected a repository name: lower-case letters, digits and . _ - in /-separated parts",
      ),
    ),
    optional(options.tag, (t) =>
      check(
        TAG.test(t),
        `${p}.tag`,
        t,
        "expected a tag: letters, digits, _ . - (128 at most, not starting with . or -)",
      ),
    ),
    optional(options.entryPoint, (e) =>
      check(
        typeof e === "string" && e !== "" && !e.startsWith("/"),
        `${p}.entryPoint`,
        e,
        "expected a program relative to the profile, such as bin/uvicorn",
      ),
    ),
    optional(options.workingDir, (w) => check(absolute(w), `${p}.workingDir`, w, "expected an absolute path")),
    each(env, `${p}.env`, ([k, v], path) =>
      andKeep(
        k,
        check(ENV_NAME.test(k), `${path}`, k, "expected a variable name: letters, digits and _"),
        check(typeof v === "string" && !v.includes("\0"), `${path}`, v, "expected a string value"),
      ),
    ),
    each(options.exposedPorts ?? [], `${p}.exposedPorts`, (port, path) =>
      check(
        normalizePort(port) !== undefined,
        path,
        port,
        "expected PORT or PORT/tcp|udp|sctp with PORT from 1 to 65535",
      ),
    ),
    each(labels, `${p}.labels`, ([k, v], path) =>
      check(k !== "" && typeof v === "string", path, k, "expected a non-empty key and a string value"),
    ),
    optional(options.user, (u) =>
      check(
        /^[A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)?$/.test(u),
        `${p}.user`,
        u,
        "expected a user: name, uid, uid:gid or name:group",
      ),
    ),
    each(options.volumes ?? [], `${p}.volumes`, (v, path) => check(absolute(v), path, v, "expected an absolute path")),
    each(options.symlinks ?? [], `${p}.symlinks`, (s, path) =>
      andKeep(
        s,
        check(absolute(s.target), `${path}.target`, s.target, "expected an absolute path in the image"),
        check(
          typeof s.source === "string" && s.source !== "" && !s.source.startsWith("/"),
          `${path}.source`,
          s.source,
          "expected a path relative to the profile",
        ),
      ),
    ),
  ];
  return pipe(
    andKeep(options, ...checks),
    E.map(() =>
      deepFreeze({
        kind: "image-spec" as const,
        name: options.name,
        tag: options.tag ?? "latest",
        entryPoint: options.entryPoint,
        entryPointArgs: [...(options.entryPointArgs ?? [])],
        cmd: options.cmd === undefined ? undefined : [...options.cmd],
        workingDir: options.workingDir,
        env: { ...options.env },
        exposedPorts: (options.exposedPorts ?? []).map((port) => normalizePort(port)!),
        labels: { ...options.labels },
        user: options.user,
        volumes: [...(options.volumes ?? [])],
        symlinks: [...(options.symlinks ?? [])],
      }),
    ),
  );
}

/**
 * A validated image description; throws a `GuixValidationError` listing every problem.
 *
 * @example imageSpec({ name: "damn-server", tag: "1.0", entryPoint: "bin/uvicorn", workingDir: "/damn_server", exposedPorts: [80] })
 */
export function imageSpec(options: ImageSpecOptions): ImageSpec {
  if (options.name === undefined)
    return orThrow(
      check(false, "image.name", undefined, "missing: an image needs a repository name") as Validation<ImageSpec>,
    );
  return orThrow(imageSpecE(options));
}

/** What `guix pack -f docker` is told: `--entry-point`, `-A`, `-S`, `--image-tag`. */
export function packOptionsFor(spec: ImageSpec): {
  readonly entryPoint?: string;
  readonly entryPointArgs: readonly string[];
  readonly imageTag: string;
  readonly symlinks: readonly string[];
} {
  return {
    ...(spec.entryPoint === undefined ? {} : { entryPoint: spec.entryPoint }),
    entryPointArgs: spec.entryPointArgs,
    imageTag: spec.name,
    symlinks: spec.symlinks.map((s) => `${s.target}=${s.source}`),
  };
}
