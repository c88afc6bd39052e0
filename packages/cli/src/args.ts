/** Parsing a command's arguments, with the usage error every command reports the same way. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors.js";
import type { CommandIO } from "./io.js";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>;

/**
 * The parsed arguments, or the exit code to return: 2 after printing the problem and the usage,
 * 0 after printing the usage for --help (every command takes it).
 */
export function parseCommand<const O extends Options>(
  name: string,
  argv: readonly string[],
  options: O,
  usage: string,
  io: CommandIO,
): Parsed<O> | number {
  try {
    const parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { ...options, help: { type: "boolean", short: "h" } },
    });
    if ((parsed.values as { help?: boolean }).help) {
      io.stdout(usage);
      return 0;
    }
    return parsed as unknown as Parsed<O>;
  } catch (error) {
    io.stderr(`guix-ts ${name}: ${(error as Error).message}\n${usage}`);
    return 2;
  }
}

/** `K=V` flags as a record; throws for one without `=`. */
export function keyValues(values: readonly string[] | undefined, option: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) {
    const i = v.indexOf("=");
    if (i <= 0) throw new UsageError(`${option} takes KEY=VALUE, got ${JSON.stringify(v)}`);
    out[v.slice(0, i)] = v.slice(i + 1);
  }
  return out;
}
