/** The flags that describe an image, shared by `guix-ts image edit` and `guix-ts pack`. */
import type { ImageSpecOptions, ImageSymlink } from "@guix-ts/core";
import { keyValues } from "./args.js";
import { UsageError } from "./errors.js";

/** What `guix pack` cannot set: applied to the archive after the pack. */
export const IMAGE_FLAGS = {
  workdir: { type: "string" },
  env: { type: "string", multiple: true },
  expose: { type: "string", multiple: true },
  label: { type: "string", multiple: true },
  user: { type: "string" },
  volume: { type: "string", multiple: true },
  cmd: { type: "string", multiple: true },
  tag: { type: "string" },
} as const;

export const IMAGE_FLAGS_USAGE = `The image (over what the script declares):
  --entry-point PROG    program to run, relative to the profile (bin/uvicorn)
  -A, --entry-point-argument ARG   its arguments (repeatable)
  -S, --symlink /TARGET=SOURCE     a symlink in the image (repeatable)
  --image-tag NAME      the repository name guix pack gives the image
  --tag NAME[:TAG]  --workdir DIR  --env K=V  --expose PORT  --label K=V  --user U  --volume DIR  --cmd ARG
                        what guix pack cannot set: applied to the archive after the pack
`;

/** What `guix pack` is told. */
export const PACK_IMAGE_FLAGS = {
  "entry-point": { type: "string" },
  "entry-point-argument": { type: "string", short: "A", multiple: true },
  symlink: { type: "string", short: "S", multiple: true },
  "image-tag": { type: "string" },
} as const;

export interface ImageFlagValues {
  readonly workdir?: string | undefined;
  readonly env?: string[] | undefined;
  readonly expose?: string[] | undefined;
  readonly label?: string[] | undefined;
  readonly user?: string | undefined;
  readonly volume?: string[] | undefined;
  readonly cmd?: string[] | undefined;
  readonly tag?: string | undefined;
  readonly "entry-point"?: string | undefined;
  readonly "entry-point-argument"?: string[] | undefined;
  readonly symlink?: string[] | undefined;
  readonly "image-tag"?: string | undefined;
}

/**
 * `NAME[:TAG]` as Docker splits it: the tag follows the last `:` after the last `/` (a registry's
 * port is not a tag). Whatever the parts are, `validateImage` then says what is wrong with them.
 */
function reference(value: string): { name: string; tag?: string } {
  const colon = value.lastIndexOf(":");
  if (colon < 0 || colon < value.lastIndexOf("/")) return { name: value };
  return { name: value.slice(0, colon), tag: value.slice(colon + 1) };
}

/** `-S /TARGET=SOURCE`, split as Guix splits it: exactly one `=`. */
function symlink(spec: string): ImageSymlink {
  const parts = spec.split("=");
  if (parts.length !== 2) throw new UsageError(`--symlink takes /TARGET=SOURCE, got ${JSON.stringify(spec)}`);
  return { target: parts[0]!, source: parts[1]! };
}

/**
 * The image the flags describe; `--tag NAME[:TAG]` (or `--image-tag NAME`) names it. Unchecked:
 * `validateImage` says what is wrong. Throws UsageError for a malformed K=V or symlink.
 */
export function imageFromFlags(values: ImageFlagValues): ImageSpecOptions {
  const tag = values.tag === undefined ? undefined : reference(values.tag);
  const name = tag?.name ?? values["image-tag"];
  return {
    ...(name !== undefined ? { name } : {}),
    ...(tag?.tag !== undefined ? { tag: tag.tag } : {}),
    ...(values["entry-point"] !== undefined ? { entryPoint: values["entry-point"] } : {}),
    ...(values["entry-point-argument"] ? { entryPointArgs: values["entry-point-argument"] } : {}),
    ...(values.symlink ? { symlinks: values.symlink.map(symlink) } : {}),
    ...(values.workdir !== undefined ? { workingDir: values.workdir } : {}),
    ...(values.env ? { env: keyValues(values.env, "--env") } : {}),
    ...(values.expose ? { exposedPorts: values.expose } : {}),
    ...(values.label ? { labels: keyValues(values.label, "--label") } : {}),
    ...(values.user !== undefined ? { user: values.user } : {}),
    ...(values.volume ? { volumes: values.volume } : {}),
    ...(values.cmd !== undefined ? { cmd: values.cmd } : {}),
  };
}
