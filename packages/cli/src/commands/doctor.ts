import { resolve } from "node:path";
import { doctor } from "@guix-ts/runner";
import { parseCommand } from "../args.js";
import { report } from "../errors.js";
import type { CommandIO } from "../io.js";

export const usage = `usage: guix-ts doctor [--home DIR]

Say which ways of running Guix work here, and what to do about those that do not.
`;

/** `guix-ts doctor`: exit 0 when some way of running Guix works, 1 when none does. */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand("doctor", argv, { home: { type: "string" } }, usage, io);
  if (typeof parsed === "number") return parsed;
  try {
    const checks = await doctor(parsed.values.home ? { home: resolve(parsed.values.home) } : {});
    for (const c of checks)
      io.stdout(`${c.ok ? "ok  " : "--  "} ${c.name.padEnd(11)} ${c.detail}${c.fix ? `\n      fix: ${c.fix}` : ""}\n`);
    return checks.at(-1)!.ok ? 0 : 1;
  } catch (error) {
    return report(error, "doctor", usage, io);
  }
}
