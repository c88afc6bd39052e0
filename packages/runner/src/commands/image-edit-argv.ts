/** `guix-ts image edit` command lines: what a checked image sets that `guix pack` cannot, as flags. */
import type { CheckedImage } from "@guix-ts/core";

/**
 * The flags of `guix-ts image edit` that set `image`'s working directory, env, ports, labels, user,
 * volumes, command and tag in an archive `guix pack` wrote.
 *
 * @example imageEditArgv(image) // ["--tag=damn-server:latest", "--workdir=/", "--expose=80/tcp", "--cmd=app:app"]
 */
export function imageEditArgv(image: CheckedImage): string[] {
  return [
    ...(image.name === undefined ? [] : [`--tag=${image.name}:${image.tag}`]),
    ...(image.workingDir === undefined ? [] : [`--workdir=${image.workingDir}`]),
    ...Object.entries(image.env).map(([k, v]) => `--env=${k}=${v}`),
    ...image.exposedPorts.map((port) => `--expose=${port}`),
    ...Object.entries(image.labels).map(([k, v]) => `--label=${k}=${v}`),
    ...(image.user === undefined ? [] : [`--user=${image.user}`]),
    ...image.volumes.map((v) => `--volume=${v}`),
    ...(image.cmd ?? []).map((arg) => `--cmd=${arg}`),
  ];
}

/**
 * An argument as a POSIX shell reads it back: bare when safe, else in single quotes.
 *
 * @example shellQuote("app:app") // "app:app"; shellQuote("it's") // "'it'\\''s'"
 */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}
