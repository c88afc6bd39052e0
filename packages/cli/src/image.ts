import { parseArgs } from "node:util";
import { GuixValidationError, formatProblems, type ImageEditsOptions } from "@guix-ts/core";
import { DockerArchiveError, editDockerArchive, type Compression } from "@guix-ts/runner";
import type { CommandIO } from "./io.js";

export const IMAGE_USAGE = `usage: guix-ts image edit INPUT OUTPUT [OPTION]...

Set in a Docker archive (as \`guix pack -f docker\` writes it) what guix pack cannot.
  --workdir DIR        the working directory (WorkingDir)
  --env K=V            an environment variable, added to the profile's (repeatable)
  --expose PORT[/PROTO] a port to expose, 80 or 53/udp (repeatable)
  --label K=V          a label (repeatable)
  --user USER          user[:group] to run as
  --volume DIR         a volume (repeatable)
  --cmd ARG            the default command's arguments, Cmd (repeatable, in order)
  --tag NAME[:TAG]     the image's name and tag (default: the archive's name, tag latest)
  --compression C      gzip, zstd, xz or none (default: the input's)
`;

function pairs(values: readonly string[] | undefined, option: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) {
    const i = v.indexOf("=");
    if (i <= 0) throw new UsageError(`${option} takes KEY=VALUE, got ${JSON.stringify(v)}`);
    out[v.slice(0, i)] = v.slice(i + 1);
  }
  return out;
}

class UsageError extends Error {}

/** `guix-ts image edit`: exit 0, 1 when the archive cannot be edited, 2 on usage errors. */
export async function image(argv: readonly string[], io: CommandIO): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        workdir: { type: "string" },
        env: { type: "string", multiple: true },
        expose: { type: "string", multiple: true },
        label: { type: "string", multiple: true },
        user: { type: "string" },
        volume: { type: "string", multiple: true },
        cmd: { type: "string", multiple: true },
        tag: { type: "string" },
        compression: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      io.stdout(IMAGE_USAGE);
      return 0;
    }
    const [sub, input, output, ...extra] = positionals;
    if (sub !== "edit" || input === undefined || output === undefined || extra.length > 0)
      throw new UsageError("expected: image edit INPUT OUTPUT");
    if (values.compression !== undefined && !["gzip", "zstd", "xz", "none"].includes(values.compression)) {
      throw new UsageError(`unknown compression ${values.compression}`);
    }
    const tag = values.tag === undefined ? undefined : /^(.+?)(?::([^:/]+))?$/.exec(values.tag);
    const edits: ImageEditsOptions = {
      ...(tag?.[1] ? { name: tag[1] } : {}),
      ...(tag?.[2] ? { tag: tag[2] } : {}),
      ...(values.workdir !== undefined ? { workingDir: values.workdir } : {}),
      env: pairs(values.env, "--env"),
      exposedPorts: values.expose ?? [],
      labels: pairs(values.label, "--label"),
      ...(values.user !== undefined ? { user: values.user } : {}),
      volumes: values.volume ?? [],
      ...(values.cmd !== undefined ? { cmd: values.cmd } : {}),
    };
    const result = await editDockerArchive(
      input,
      output,
      edits,
      values.compression ? { compression: values.compression as Compression } : {},
    );
    io.stdout(`${output}: ${result.repoTag} (config ${result.config})\n`);
    return 0;
  } catch (error) {
    if (error instanceof GuixValidationError) {
      io.stderr(`guix-ts image: ${formatProblems(error.problems)}\n`);
      return 2;
    }
    if (error instanceof DockerArchiveError) {
      io.stderr(`guix-ts image: ${error.message}\n`);
      return 1;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`guix-ts image: ${(error as Error).message}\n${IMAGE_USAGE}`);
      return 2;
    }
    throw error;
  }
}
