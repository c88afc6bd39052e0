import { resolve } from "node:path";
import { setupGuix } from "@guix-ts/runner";
import { parseCommand } from "../args.js";
import { report } from "../errors.js";
import type { CommandIO } from "../io.js";
import { progressBar } from "../progress-bar.js";

export const usage = `usage: guix-ts setup --tarball FILE|URL [--sha256 HASH] [--home DIR]

Unpack a Guix binary release tarball (guix-binary-VERSION.x86_64-linux.tar.xz) into a
rootless Guix home (default ~/.local/share/guix-ts/guix), checking its sha256 (hex or nix-base32).
On a terminal a progress bar shows the download and the unpacking.
`;

/** `guix-ts setup`: exit 0, 1 when it cannot be set up, 2 on usage errors. */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand(
    "setup",
    argv,
    { tarball: { type: "string" }, sha256: { type: "string" }, home: { type: "string" } },
    usage,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  if (values.tarball === undefined) {
    io.stderr(`guix-ts setup: --tarball is required\n${usage}`);
    return 2;
  }
  const bar = progressBar(io);
  try {
    const home = await setupGuix({
      onProgress: (p) => bar.update(p.step, p.done, p.total),
      ...(io.signal ? { signal: io.signal } : {}),
      tarball: values.tarball,
      ...(values.sha256 !== undefined ? { sha256: values.sha256 } : {}),
      ...(values.home ? { home: resolve(values.home) } : {}),
    });
    bar.end();
    io.stdout(`Guix is set up at ${home}\nRun \`guix-ts doctor\` to see which backend runs it here.\n`);
    return 0;
  } catch (error) {
    bar.end();
    return report(error, "setup", usage, io);
  }
}
