import { copyFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { orThrow, validateImage } from "@guix-ts/core";
import { readLock } from "@guix-ts/pinning";
import { run as runProcess } from "@guix-ts/process";
import {
  BACKENDS,
  GuixNotFound,
  PACK_FORMATS,
  archiveName,
  buildImages,
  openGuix,
  packCommands,
  packImage,
  shellQuote,
  type Backend,
  type PackFormat,
} from "@guix-ts/runner";
import { parseCommand } from "../args.js";
import { UsageError, report } from "../errors.js";
import { IMAGE_FLAGS, PACK_IMAGE_FLAGS, imageFromFlags } from "../image-flags.js";
import type { CommandIO } from "../io.js";
import { loadBuildFile } from "../load-module.js";

export const usage = `usage: guix-ts pack MANIFEST [OPTION]...

Build a Docker image with Guix from MANIFEST: a .scm file, or a .ts/.js build script exporting
\`manifest\` (and optionally \`channels\` and \`image\`; guix-ts.lock beside it is used).
  --channels FILE       run the Guix these channels pin (guix time-machine -C FILE -- pack)
  --entry-point PROG    program to run, relative to the profile (bin/uvicorn)
  -A, --entry-point-argument ARG   its arguments (repeatable)
  -S, --symlink /TARGET=SOURCE     a symlink in the image (repeatable)
  --image-tag NAME      the repository name guix pack gives the image
  --workdir DIR  --env K=V  --expose PORT  --label K=V  --user U  --volume DIR  --cmd ARG  --tag NAME[:TAG]
                        what guix pack cannot set: applied to the archive after the pack
  --load                docker load (or podman load) the result
  --output FILE         where to write the image (default: NAME-TAG.tar.gz here)
  --backend B           host, bubblewrap, proot or remote    --home DIR   the rootless Guix home
  --daemon URL          a remote daemon (guix://host:port, ssh://...)
  --dry-run             show what would be built
`;

const FLAGS = {
  channels: { type: "string" },
  format: { type: "string", default: "docker" },
  ...PACK_IMAGE_FLAGS,
  ...IMAGE_FLAGS,
  load: { type: "boolean" },
  output: { type: "string" },
  backend: { type: "string" },
  home: { type: "string" },
  daemon: { type: "string" },
  "dry-run": { type: "boolean" },
} as const;

/** Load an archive into the first container engine that answers. */
async function load(archive: string): Promise<void> {
  for (const engine of ["docker", "podman"]) {
    if (
      !(await runProcess(engine, ["version"]).then(
        () => true,
        () => false,
      ))
    )
      continue;
    await runProcess(engine, ["load", "--input", archive], { stdout: "inherit" });
    return;
  }
  throw new UsageError("--load needs a running Docker engine or podman; none answers here");
}

/** `guix-ts pack`: 0, 1 when Guix failed, 2 on usage errors, 3 when no Guix is here (with what to do). */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand("pack", argv, FLAGS, usage, io);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  // Ctrl-C, SIGTERM and SIGHUP (io.signal) stop the build and the daemon.
  const signal = io.signal ?? new AbortController().signal;
  try {
    if (positionals.length !== 1) throw new UsageError("give one MANIFEST");
    const path = positionals[0]!;
    const format = values.format as PackFormat;
    if (!PACK_FORMATS.includes(format))
      throw new UsageError(`unknown format ${values.format}; expected one of ${PACK_FORMATS.join(", ")}`);
    if (format !== "docker" && !path.endsWith(".scm"))
      throw new UsageError(`--format ${format} takes a .scm manifest; a build script builds docker images`);
    if (values.backend !== undefined && !BACKENDS.includes(values.backend as Backend))
      throw new UsageError(`unknown backend ${values.backend}; expected one of ${BACKENDS.join(", ")}`);
    const flags = imageFromFlags(values);
    const onLog = progress();
    const guix = {
      ...(values.backend ? { backend: values.backend as Backend } : {}),
      ...(values.home ? { home: resolve(values.home) } : {}),
      ...(values.daemon ? { daemonSocket: values.daemon } : {}),
      ...(onLog ? { onLog } : {}),
    };
    const packOptions = values["dry-run"] ? { dryRun: true } : {};
    let archive: string;
    if (path.endsWith(".scm")) {
      // The edits are checked before Guix runs, not after a long build.
      const image = orThrow(validateImage(flags));
      const output = resolve(values.output ?? archiveName(image));
      const job = {
        manifest: resolve(path),
        channels: values.channels ? resolve(values.channels) : undefined,
        image,
        output,
        packOptions,
        format,
        signal,
      };
      let session;
      try {
        session = await openGuix(guix);
      } catch (error) {
        if (!(error instanceof GuixNotFound)) throw error;
        const commands = packCommands(job);
        io.stderr(
          `guix-ts pack: ${error.message}\nThe command it would run:\n  ${commands.pack.map(shellQuote).join(" ")}\n`,
        );
        return 3;
      }
      try {
        const built = await packImage(session, job);
        io.stdout(`${built.storePath}\n${built.path}${built.repoTag ? `: ${built.repoTag}` : ""}\n`);
        archive = built.path;
      } finally {
        await session.close();
      }
    } else {
      const build = await loadBuildFile(path);
      const exported = Object.values(build.images);
      if (exported.length > 1) throw new UsageError(`${path} exports several images: build them with guix-ts build`);
      const image = { ...exported[0], ...flags, kind: "image-spec" as const };
      const lockPath = join(dirname(path), "guix-ts.lock");
      const result = await buildImages({
        build: { ...build, images: { default: image } },
        outputDir: values.output ? dirname(resolve(values.output)) : join(dirname(resolve(path)), "out"),
        lock: await readLock(lockPath),
        guix,
        packOptions,
        signal,
      });
      if (result.kind === "no-guix") {
        const [only] = result.commands;
        io.stderr(
          `guix-ts pack: ${result.reason.message}\nThe command it would run:\n  ${only!.pack.map(shellQuote).join(" ")}\n`,
        );
        return 3;
      }
      const [built] = result.images;
      archive = values.output ? resolve(values.output) : built!.path;
      if (archive !== built!.path) await copyFile(built!.path, archive);
      io.stdout(`${built!.storePath}\n${archive}: ${built!.repoTag}\n`);
    }
    if (values.load) await load(archive);
    return 0;
  } catch (error) {
    return report(error, "pack", usage, io);
  }
}

/** On a terminal, one line that says what Guix is building or downloading now. */
function progress(): ((line: string) => void) | undefined {
  if (process.stderr.isTTY !== true) return undefined;
  const started = Date.now();
  return (line) => {
    const what = /^(building|downloading|substituting)\s+(\S+)/.exec(line);
    if (what)
      process.stderr.write(`\r\x1b[K[${Math.round((Date.now() - started) / 1000)}s] ${what[1]} ${basename(what[2]!)}`);
  };
}
