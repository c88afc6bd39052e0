/** The `guix-ts` command line: the command's flags, one library call, an exit code. */
import { readFileSync } from "node:fs";
import { processIO, type CommandIO } from "./io.js";

interface Command {
  readonly summary: string;
  /** It stops cleanly when `io.signal` aborts (Ctrl-C stops the build and the daemon); others exit at once. */
  readonly interruptible?: boolean;
  /** Loaded only when run, so a command loads what it uses and nothing else. */
  readonly load: () => Promise<{ run(argv: readonly string[], io: CommandIO): Promise<number>; usage: string }>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  build: {
    summary: "build the images a build script declares (default ./build.ts)",
    interruptible: true,
    load: () => import("./commands/build.js"),
  },
  print: {
    summary: "print the Scheme a build script (or an imported module) exports",
    load: () => import("./commands/print.js"),
  },
  shell: {
    summary: "a development environment with a build script's packages (guix shell)",
    interruptible: true,
    load: () => import("./commands/shell.js"),
  },
  fmt: { summary: "lay Scheme files out as `guix style` does", load: () => import("./commands/fmt.js") },
  hash: { summary: "print the sha256 of files or trees as `guix hash` does", load: () => import("./commands/hash.js") },
  lock: { summary: "pin git sources and channels in guix-ts.lock", load: () => import("./commands/lock.js") },
  image: {
    summary: "edit a Docker archive: working directory, env, ports, labels, user, tag",
    load: () => import("./commands/image.js"),
  },
  pack: {
    summary: "build a Docker image (or another pack) with Guix, rootless",
    load: () => import("./commands/pack.js"),
  },
  import: {
    summary: "turn a Guix file into a guix-ts module (typed where the builders can say it)",
    load: () => import("./commands/import.js"),
  },
  catalog: {
    summary: "what a Guix provides: build a catalogue from a checkout, list, show, search",
    load: () => import("./commands/catalog.js"),
  },
  setup: {
    summary: "set up a rootless Guix from its binary tarball",
    interruptible: true,
    load: () => import("./commands/setup.js"),
  },
  doctor: { summary: "say which ways of running Guix work here", load: () => import("./commands/doctor.js") },
};

const USAGE = `usage: guix-ts COMMAND [OPTION]...

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(7)} ${c.summary}`)
  .join("\n")}

Run \`guix-ts help COMMAND\` (or \`guix-ts COMMAND --help\`) for a command's options;
\`guix-ts --version\` for the version.
`;

/** This package's version, from its package.json. */
function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return `guix-ts ${manifest.version}\n`;
}

/**
 * Run the command line `argv` (without node and the script); resolves to the exit code.
 *
 * @example process.exitCode = await main(["fmt", "--check", "manifest.scm"]);
 */
export async function main(argv: readonly string[], io: CommandIO = processIO): Promise<number> {
  let [name, ...rest] = argv;
  if (name === "--version" || name === "-V") {
    io.stdout(version());
    return 0;
  }
  if (name === "help" && rest.length > 0) [name, rest] = [rest[0]!, ["--help"]];
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout)(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    const what = name.startsWith("-") ? "option" : "command";
    const { didYouMean } = await import("@guix-ts/core"); // only on this path: every command starts without it
    io.stderr(
      `guix-ts: unknown ${what} ${JSON.stringify(name)}${didYouMean(name, Object.keys(COMMANDS)) || "; run `guix-ts --help` for the commands"}\n`,
    );
    return 2;
  }
  const loaded = await command.load();
  try {
    if (io !== processIO) return await loaded.run(rest, io);
    return await withSignals(command.interruptible ?? false, (signal) => loaded.run(rest, { ...io, signal }));
  } catch (error) {
    // Not an error of the input nor of the work (those each have a line and a code): a bug of ours.
    io.stderr(`guix-ts ${name}: internal error: ${oneLine(error)}; please report it\n`);
    return 70;
  }
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split("\n")[0]!;
}

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/**
 * Run with Ctrl-C, SIGTERM and SIGHUP handled alike: an interruptible command is asked to stop
 * (a second signal does not wait); any other exits at once, 128 + the signal's number. Exiting
 * kills the process groups of running children and removes temporary files (their exit hooks).
 */
async function withSignals(interruptible: boolean, run: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  let received: keyof typeof SIGNALS | undefined;
  const handlers = Object.keys(SIGNALS).map((name) => {
    const handler = (): void => {
      const signal = name as keyof typeof SIGNALS;
      if (interruptible && received === undefined) {
        received = signal;
        controller.abort();
        return;
      }
      process.exit(128 + SIGNALS[signal]);
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  try {
    const code = await run(controller.signal);
    return received === undefined ? code : 128 + SIGNALS[received];
  } finally {
    for (const [name, handler] of handlers) process.off(name, handler);
  }
}

export type { CommandIO } from "./io.js";
