/** Parsing a command's arguments, with the usage error every command reports the same way. */
import { parseArgs, type ParseArgsConfig } from "node:util";
// The suggestions alone: parsing a command's flags loads nothing else of core.
import { didYouMean } from "@guix-ts/core/suggest";
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
    io.stderr(`guix-ts ${name}: ${parseProblem(error as Error & { code?: string }, options)}\n${usage}`);
    return 2;
  }
}

/** Node's parser message in guix-ts's words: one line, with the closest option for an unknown one. */
function parseProblem(error: Error & { code?: string }, options: Options): string {
  const flags = Object.entries({ ...options, help: { type: "boolean", short: "h" } }).flatMap(([name, o]) => [
    `--${name}`,
    ...(o.short ? [`-${o.short}`] : []),
  ]);
  const unknown = /^Unknown option '([^']+)'/.exec(error.message);
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown)
    return `unknown option ${unknown[1]}${didYouMean(unknown[1]!, flags)}`;
  const missing = /^Option '.*?(--[\w-]+)[^']*' argument missing/.exec(error.message);
  if (missing) return `${missing[1]} takes a value (one starting with - is written ${missing[1]}=VALUE)`;
  return error.message.split("\n")[0]!;
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
