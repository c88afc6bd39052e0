/** The `guix-ts` command line: the command's flags, one library call, an exit code. */
import { processIO, type CommandIO } from "./io.js";

interface Command {
  readonly summary: string;
  /** Loaded only when run, so a command loads what it uses and nothing else. */
  readonly load: () => Promise<{ run(argv: readonly string[], io: CommandIO): Promise<number>; usage: string }>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
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
  setup: { summary: "set up a rootless Guix from its binary tarball", load: () => import("./commands/setup.js") },
  doctor: { summary: "say which ways of running Guix work here", load: () => import("./commands/doctor.js") },
};

const USAGE = `usage: guix-ts COMMAND [OPTION]...

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(7)} ${c.summary}`)
  .join("\n")}

Run \`guix-ts COMMAND --help\` for a command's options.
`;

/**
 * Run the command line `argv` (without node and the script); resolves to the exit code.
 *
 * @example process.exitCode = await main(["fmt", "--check", "manifest.scm"]);
 */
export async function main(argv: readonly string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout)(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr(`guix-ts: unknown command ${JSON.stringify(name)}\n${USAGE}`);
    return 2;
  }
  return (await command.load()).run(rest, io);
}

export type { CommandIO } from "./io.js";
