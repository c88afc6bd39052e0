import { accessSync, constants } from "node:fs";
import { join } from "node:path";

/**
 * The path of the executable `command` on PATH, if it is there.
 *
 * @example onPath("bwrap") // "/usr/bin/bwrap", or undefined
 */
export function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (!dir) continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return join(dir, command);
    } catch {
      // not here
    }
  }
  return undefined;
}
