/** `guix-ts setup`, `guix-ts doctor` and `guix-ts pack`: Guix run rootless, from the command line. */
import { execFileSync } from "node:child_process";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import {
  GuixValidationError,
  channelsFile,
  formatProblems,
  imageEditsE,
  manifestFile,
  orThrow,
  readLock,
  type Channel,
  type Manifest,
} from "@guix-ts/core";
import * as R from "@guix-ts/runner";
import { UsageError, parseCommand } from "./args.js";
import { IMAGE_FLAGS, hasImageEdits, imageEditsFromFlags } from "./image-flags.js";
import type { CommandIO } from "./io.js";
import { loadModule } from "./load-module.js";

export const SETUP_USAGE = `usage: guix-ts setup --tarball FILE|URL [--sha256 HASH] [--home DIR]

Unpack a Guix binary release tarball (guix-binary-VERSION.x86_64-linux.tar.xz) into a
rootless Guix home (default ~/.local/share/guix-ts/guix), checking its sha256 (hex or nix-base32).
`;

export async function setup(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand(
    "setup",
    argv,
    { tarball: { type: "string" }, sha256: { type: "string" }, home: { type: "string" } },
    SETUP_USAGE,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  if (values.tarball === undefined) {
    io.stderr(`guix-ts setup: --tarball is required\n${SETUP_USAGE}`);
    return 2;
  }
  try {
    const home = await R.setupGuix({
      tarball: values.tarball,
      ...(values.sha256 ? { sha256: values.sha256 } : {}),
      ...(values.home ? { home: resolve(values.home) } : {}),
    });
    io.stdout(`Guix is set up at ${home}\nRun \`guix-ts doctor\` to see which backend runs it here.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof R.SetupError)) throw error;
    io.stderr(`guix-ts setup: ${error.message}\n`);
    return 1;
  }
}

export const DOCTOR_USAGE = `usage: guix-ts doctor [--home DIR]

Say which ways of running Guix work here, and what to do about those that do not.
`;

export async function doctorCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand("doctor", argv, { home: { type: "string" } }, DOCTOR_USAGE, io);
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const checks = R.doctor(values.home ? { home: resolve(values.home) } : {});
  for (const c of checks)
    io.stdout(`${c.ok ? "ok  " : "--  "} ${c.name.padEnd(14)} ${c.detail}${c.fix ? `\n      fix: ${c.fix}` : ""}\n`);
  return checks.at(-1)!.ok ? 0 : 1;
}

export const PACK_USAGE = `usage: guix-ts pack MANIFEST [OPTION]...

Build a pack with Guix (a Docker image by default) from MANIFEST: a .scm file, or a .ts/.js
build script exporting \`manifest\` (and optionally \`channels\`; guix-ts.lock beside it is used).
  --channels FILE       run the Guix these channels pin (guix time-machine -C FILE -- pack)
  --format FMT          docker (default), tarball, squashfs, deb, rpm, appimage
  --entry-point PROG    program to run, relative to the profile (bin/uvicorn)
  -A, --entry-point-argument ARG   its arguments (repeatable)
  -S, --symlink /TARGET=SOURCE     a symlink in the image (repeatable)
  --image-tag NAME      the repository name guix pack gives the image
  --workdir DIR  --env K=V  --expose PORT  --label K=V  --user U  --volume DIR  --cmd ARG  --tag NAME[:TAG]
                        what guix pack cannot set: applied to the archive after the pack
  --load                docker load (or podman load) the result
  --output FILE         where to copy the pack (default: print its path only)
  --backend B           host, bubblewrap, proot or remote    --home DIR   the rootless Guix home
  --daemon URL          a remote daemon (guix://host:port, ssh://...)
  --dry-run             show what would be built
`;

async function manifestAndChannels(path: string, dir: string): Promise<{ manifest: string; channels?: string }> {
  if (path.endsWith(".scm")) return { manifest: resolve(path) };
  const module = await loadModule(path);
  const lockPath = join(dirname(path), "guix-ts.lock");
  const lock = existsSync(lockPath) ? await readLock(lockPath) : undefined;
  if (module.manifest === undefined) throw new Error(`${path} exports no \`manifest\``);
  const manifest = join(dir, "manifest.scm");
  await writeFile(manifest, manifestFile({ manifest: module.manifest as Manifest, ...(lock ? { lock } : {}) }).text);
  if (module.channels === undefined) return { manifest };
  const channels = join(dir, "channels.scm");
  await writeFile(
    channels,
    channelsFile({ channels: module.channels as readonly Channel[], ...(lock ? { lock } : {}) }).text,
  );
  return { manifest, channels };
}

/** `guix-ts pack`: 0, 1 when Guix failed, 2 on usage errors, 3 when no Guix is here (with what to do). */
export async function pack(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand(
    "pack",
    argv,
    {
      channels: { type: "string" },
      format: { type: "string", default: "docker" },
      "entry-point": { type: "string" },
      "entry-point-argument": { type: "string", short: "A", multiple: true },
      symlink: { type: "string", short: "S", multiple: true },
      "image-tag": { type: "string" },
      ...IMAGE_FLAGS,
      load: { type: "boolean" },
      output: { type: "string" },
      backend: { type: "string" },
      home: { type: "string" },
      daemon: { type: "string" },
      "dry-run": { type: "boolean" },
    },
    PACK_USAGE,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.stderr(`guix-ts pack: give one MANIFEST\n${PACK_USAGE}`);
    return 2;
  }
  const dir = await mkdtemp(join(tmpdir(), "guix-ts-pack-"));
  try {
    const files = await manifestAndChannels(positionals[0]!, dir);
    const channels = values.channels ? resolve(values.channels) : files.channels;
    const options: R.PackOptions = {
      format: values.format as R.PackFormat,
      manifests: [files.manifest],
      ...(values["entry-point"] ? { entryPoint: values["entry-point"] } : {}),
      ...(values["entry-point-argument"] ? { entryPointArgs: values["entry-point-argument"] } : {}),
      ...(values.symlink ? { symlinks: values.symlink } : {}),
      ...(values["image-tag"] ? { imageTag: values["image-tag"] } : {}),
      ...(values["dry-run"] ? { dryRun: true } : {}),
    };
    const tty = process.stderr.isTTY === true;
    const started = Date.now();
    const onLog = (line: string): void => {
      if (!tty) return;
      const what = /^(building|downloading|substituting)\s+(\S+)/.exec(line);
      if (what)
        process.stderr.write(
          `\r\x1b[K[${Math.round((Date.now() - started) / 1000)}s] ${what[1]} ${basename(what[2]!)}`,
        );
    };
    // The edits are checked before Guix runs, not after a long build.
    const edits = imageEditsFromFlags(values);
    orThrow(imageEditsE(edits));
    let guix: R.GuixSession;
    try {
      guix = await R.openGuix({
        ...(values.backend ? { backend: values.backend as R.Backend } : {}),
        ...(values.home ? { home: resolve(values.home) } : {}),
        ...(values.daemon ? { daemonSocket: values.daemon } : {}),
        onLog,
      });
    } catch (error) {
      if (!(error instanceof R.GuixNotFound)) throw error;
      const command = [
        ...(channels ? ["guix", "time-machine", "-C", channels, "--"] : ["guix"]),
        ...R.packArgv(options),
      ];
      io.stderr(`guix-ts pack: ${error.message}\nThe command it would run:\n  ${command.join(" ")}\n`);
      return 3;
    }
    // Ctrl-C stops the build and the daemon (a detached process group would outlive us otherwise).
    const interrupt = new AbortController();
    const onSignal = (): void => interrupt.abort();
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      const run = { signal: interrupt.signal };
      const result = channels ? await guix.timeMachinePack({ channels }, options, run) : await guix.pack(options, run);
      if (tty) process.stderr.write("\r\x1b[K");
      io.stdout(`${result.storePath}\n`);
      const editing = hasImageEdits(values);
      let final = result.hostPath;
      if (editing) {
        final = values.output
          ? resolve(values.output)
          : resolve(`${basename(result.storePath).replace(/^[0-9a-z]{32}-/, "")}`);
        const edited = await R.editDockerArchive(result.hostPath, final, edits);
        io.stdout(`${final}: ${edited.repoTag}\n`);
      } else if (values.output) {
        final = resolve(values.output);
        await copyFile(result.hostPath, final);
        io.stdout(`${final}\n`);
      }
      if (values.load) {
        const engine = ["docker", "podman"].find((e) => {
          try {
            execFileSync(e, ["version"], { stdio: "ignore" });
            return true;
          } catch {
            return false;
          }
        });
        if (engine === undefined) {
          io.stderr("guix-ts pack: --load needs a running Docker engine or podman; none answers here\n");
          return 1;
        }
        execFileSync(engine, ["load", "-i", final], { stdio: "inherit" });
      }
      return 0;
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await guix.close();
    }
  } catch (error) {
    if (error instanceof R.RunnerUsageError || error instanceof GuixValidationError || error instanceof UsageError) {
      io.stderr(
        `guix-ts pack: ${error instanceof GuixValidationError ? formatProblems(error.problems) : error.message}\n`,
      );
      return 2;
    }
    if (
      error instanceof R.GuixCommandFailed ||
      error instanceof R.DaemonStartFailed ||
      error instanceof R.DockerArchiveError ||
      error instanceof R.Timeout ||
      error instanceof R.Aborted
    ) {
      io.stderr(`guix-ts pack: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
