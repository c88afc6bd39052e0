/**
 * From an error to what the user sees: one line (or one per problem) and the exit code. Matched by
 * name, so the commands that do not need a package do not load it to recognise its errors.
 */
import type { CommandIO } from "./io.js";

/** A command line that does not make sense: the message, then the command's usage. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

interface Shown {
  readonly code: number;
  readonly message: string;
}

/** Exit codes: 1 the work failed, 2 the input is wrong, 3 no Guix here. */
const EXIT: Readonly<Record<string, number>> = {
  UsageError: 2,
  ScriptError: 2,
  EnvironmentError: 2,
  GuixValidationError: 2,
  RunnerUsageError: 2,
  SchemeSyntaxError: 2,
  ProcessError: 1,
  DockerArchiveError: 1,
  LockError: 1,
  GitPrefetchError: 1,
  SetupError: 1,
  DaemonStartFailed: 1,
  NarHashError: 1,
  FileWriteError: 1,
  CatalogError: 1,
  GuixNotFound: 3,
};

/** How a known error is shown, or undefined for one that is not ours (a bug: let it be seen). */
export function shown(error: unknown): Shown | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = EXIT[error.name];
  if (code === undefined) return undefined;
  const problems = (error as { problems?: readonly { path: string; message: string }[] }).problems;
  // A validation error's message starts with a count; its problems are the lines to show.
  const message =
    error.name === "GuixValidationError" && problems !== undefined
      ? error.message.split("\n").slice(1).join("\n")
      : error.message;
  return { code, message };
}

/** Report `error` for command `name`: the exit code, after writing its lines (and the usage, for a usage error). */
export function report(error: unknown, name: string, usage: string, io: CommandIO): number {
  const known = shown(error);
  if (known === undefined) throw error;
  const lines = known.message
    .split("\n")
    .map((line) => `guix-ts ${name}: ${line}\n`)
    .join("");
  io.stderr(lines + ((error as Error).name === "UsageError" ? usage : ""));
  return known.code;
}
