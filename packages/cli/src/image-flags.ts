/** The flags that set what `guix pack` cannot, shared by `guix-ts image edit` and `guix-ts pack`. */
import type { ImageEditsOptions } from "@guix-ts/core";
import { keyValues } from "./args.js";

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

export interface ImageFlagValues {
  readonly workdir?: string | undefined;
  readonly env?: string[] | undefined;
  readonly expose?: string[] | undefined;
  readonly label?: string[] | undefined;
  readonly user?: string | undefined;
  readonly volume?: string[] | undefined;
  readonly cmd?: string[] | undefined;
  readonly tag?: string | undefined;
}

/** Whether any image flag was given. */
export function hasImageEdits(values: ImageFlagValues): boolean {
  return Object.keys(IMAGE_FLAGS).some((flag) => values[flag as keyof ImageFlagValues] !== undefined);
}

/** The edits the flags ask for; `--tag NAME[:TAG]`. Throws UsageError for a malformed K=V. */
export function imageEditsFromFlags(values: ImageFlagValues): ImageEditsOptions {
  const tag = values.tag === undefined ? undefined : /^(.+?)(?::([^:/]+))?$/.exec(values.tag);
  return {
    ...(tag?.[1] ? { name: tag[1] } : {}),
    ...(tag?.[2] ? { tag: tag[2] } : {}),
    ...(values.workdir !== undefined ? { workingDir: values.workdir } : {}),
    env: keyValues(values.env, "--env"),
    exposedPorts: values.expose ?? [],
    labels: keyValues(values.label, "--label"),
    ...(values.user !== undefined ? { user: values.user } : {}),
    volumes: values.volume ?? [],
    ...(values.cmd !== undefined ? { cmd: values.cmd } : {}),
  };
}
