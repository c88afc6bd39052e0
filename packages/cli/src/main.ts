/** The `guix-ts` command line. */
import { FMT_USAGE, fmt } from "./fmt.js";
import { HASH_USAGE, hash } from "./hash.js";
import { IMAGE_USAGE, image } from "./image.js";
import { LOCK_USAGE, lock } from "./lock.js";
import { DOCTOR_USAGE, PACK_USAGE, SETUP_USAGE, doctorCommand, pack, setup } from "./runner-commands.js";
import { processIO, type CommandIO } from "./io.js";

const USAGE = `usage: guix-ts COMMAND [OPTION]...

Commands:
  fmt     lay Scheme files out as \`guix style\` does
  hash    print the sha256 of files or trees as \`guix hash\` does
  lock    pin git sources and channels in guix-ts.lock
  image   edit a Docker archive: working directory, env, ports, labels, user, tag
  pack    build a Docker image (or another pack) with Guix, rootless
  setup   set up a rootless Guix from its binary tarball
  doctor  say which ways of running Guix work here

Run \`guix-ts COMMAND --help\` for a command's options.
`;

const COMMANDS: Record<string, { run: (argv: readonly string[], io: CommandIO) => Promise<number>; usage: string }> = {
  fmt: { run: fmt, usage: FMT_USAGE },
  hash: { run: hash, usage: HASH_USAGE },
  lock: { run: lock, usage: LOCK_USAGE },
  image: { run: image, usage: IMAGE_USAGE },
  pack: { run: pack, usage: PACK_USAGE },
  setup: { run: setup, usage: SETUP_USAGE },
  doctor: { run: doctorCommand, usage: DOCTOR_USAGE },
};

/** Run the command line `argv` (without node and the script); resolves to the exit code. */
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
  return command.run(rest, io);
}
