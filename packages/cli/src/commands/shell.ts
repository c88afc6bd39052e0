import { dirname, join, resolve } from "node:path";
import { readLock } from "@guix-ts/pinning";
import { ProcessError } from "@guix-ts/process";
import { GuixNotFound, openGuix, shellArgv, shellQuote, timeMachineArgv, writeBuildFiles } from "@guix-ts/runner";
import { parseCommand } from "../args.js";
import { UsageError, report } from "../errors.js";
import {
  BUILD_FLAGS,
  BUILD_FLAGS_USAGE,
  GUIX_FLAGS,
  GUIX_FLAGS_USAGE,
  buildOptions,
  guixOptions,
} from "../guix-flags.js";
import type { CommandIO } from "../io.js";
import { loadBuildFile, lockBeside } from "../load-module.js";

export const usage = `usage: guix-ts shell [FILE] [OPTION]... [-- COMMAND...]

A development environment with the packages of a build script's manifest (FILE, default
./build.ts): \`guix shell -m manifest.scm\`, through \`guix time-machine -C channels.scm\` when the
script pins channels; COMMAND runs in it (an interactive shell when none), on this terminal.
  -o, --output DIR      where manifest.scm and channels.scm are written (default: out/ beside FILE)
  --pure                unset the environment variables the environment does not set
  --container           run in a container, isolated from the rest of the system
${BUILD_FLAGS_USAGE}
${GUIX_FLAGS_USAGE}`;

const FLAGS = {
  output: { type: "string", short: "o" },
  pure: { type: "boolean" },
  container: { type: "boolean", short: "C" },
  ...BUILD_FLAGS,
  ...GUIX_FLAGS,
} as const;

/** `guix-ts shell`: COMMAND's exit status is Guix's; 2 on usage errors, 3 without a Guix. */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const dash = argv.indexOf("--");
  const command = dash < 0 ? [] : argv.slice(dash + 1);
  const parsed = parseCommand("shell", dash < 0 ? argv : argv.slice(0, dash), FLAGS, usage, io);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  try {
    if (positionals.length > 1) throw new UsageError("give one build script; the command to run goes after --");
    const file = positionals[0] ?? "build.ts";
    const build = await loadBuildFile(file);
    const files = await writeBuildFiles({
      build: { ...build, images: {} },
      outputDir: resolve(values.output ?? join(dirname(resolve(file)), "out")),
      lock: await readLock(lockBeside(file)),
    });
    const shell = {
      ...buildOptions(values),
      manifests: ["manifest.scm"],
      ...(values.pure ? { pure: true } : {}),
      ...(values.container ? { container: true } : {}),
      command,
    };
    const machine = files.channels ? { channels: "channels.scm" } : undefined;
    const cwd = dirname(files.manifest);
    let session;
    try {
      session = await openGuix(guixOptions(values, io));
    } catch (error) {
      if (!(error instanceof GuixNotFound)) throw error;
      const argv = machine ? timeMachineArgv(machine, shellArgv(shell)) : shellArgv(shell);
      io.stderr(
        `guix-ts shell: ${error.message}\nThe command it would run, from ${cwd}:\n  guix ${argv.map(shellQuote).join(" ")}\n`,
      );
      return 3;
    }
    try {
      await session.shell(shell, machine, { cwd, ...(io.signal ? { signal: io.signal } : {}) });
      return 0;
    } finally {
      await session.close();
    }
  } catch (error) {
    // The command's own failure is its exit status, as `guix shell -- COMMAND` gives it.
    if (error instanceof ProcessError && error.exitCode !== undefined && command.length > 0) return error.exitCode;
    return report(error, "shell", usage, io);
  }
}
