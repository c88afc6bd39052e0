/**
 * Running programs: execa spawns them and splits their output; each runs as the leader of its own
 * process group, which is what is stopped on abort, time-out or exit. Output is bounded: stdout up
 * to `maxStdout` bytes, stderr as its last lines.
 */
import { accessSync, constants, statSync } from "node:fs";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { execa, type Options, type ResultPromise } from "execa";
import { ProcessError } from "./process-error.js";
import { stopGroup, trackGroup } from "./process-group.js";

export interface ProcessOptions {
  readonly cwd?: string;
  /** Added to (and overriding) this process's environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Stops the command (and everything it started) when aborted. */
  readonly signal?: AbortSignal;
  /** Stops the command after this many milliseconds. */
  readonly timeoutMs?: number;
  /** Between SIGTERM and SIGKILL when stopping (default 3000). */
  readonly killGraceMs?: number;
  /** The command is a container (bwrap, proot): stopping signals the processes inside it first. */
  readonly container?: boolean;
  /** Every line the command writes on stderr, as it comes. */
  readonly onStderrLine?: (line: string) => void;
  /** What the command reads: text or bytes, an open file descriptor, the terminal, a stream to write (`pipe`), or nothing (default). */
  readonly stdin?: string | Uint8Array | number | "inherit" | "pipe";
  /** Where its stdout goes: kept and returned (default), a stream to read (`pipe`), a file descriptor, the terminal. */
  readonly stdout?: "keep" | "pipe" | number | "inherit";
  /** How many bytes of stdout are kept at most (default 16 MiB); past that the command is stopped. */
  readonly maxStdout?: number;
  /** The command as errors show it, when the argv run is a wrapper's (a container's). */
  readonly display?: readonly string[];
}

/** A running command. */
export interface Child {
  readonly pid: number | undefined;
  /** Its stdin, with `stdin: "pipe"`. */
  readonly stdin: Writable | null;
  /** Its stdout, with `stdout: "pipe"`. */
  readonly stdout: Readable | null;
  /** Its kept stdout once it exited with 0; else a {@link ProcessError}. */
  readonly done: Promise<string>;
  /** Stop it and everything it started: SIGTERM, then SIGKILL after the grace period. */
  stop(): Promise<void>;
}

const STDERR_LINES = 30;
const LINE_LENGTH = 1000;

function stdinOption(stdin: ProcessOptions["stdin"]): Record<string, unknown> {
  if (stdin === undefined) return { stdin: "ignore" };
  if (stdin === "pipe" || stdin === "inherit" || typeof stdin === "number") return { stdin };
  return { input: stdin };
}

function stdoutOption(stdout: ProcessOptions["stdout"]): unknown {
  return stdout === undefined || stdout === "keep" ? "pipe" : stdout;
}

/**
 * Run beside the command, in its process group, by the shell that then becomes the command: once
 * this process is gone (even killed with SIGKILL, when no exit hook runs), it kills the whole group
 * within a second. Its own output goes nowhere, so it holds none of the command's pipes open.
 */
// (Started from a subshell that exits at once, it is no child of the command: proot waits for its children.)
const WATCH =
  'parent=$PPID; ( (while kill -0 "$parent" 2>/dev/null; do sleep 1; done; kill -KILL 0) & ) </dev/null >/dev/null 2>&1; exec "$0" "$@"';

/** The program to run: `file` if it is a path to an executable, else where it is on `path`. */
function executable(file: string, path: string): string | undefined {
  const runnable = (candidate: string): boolean => {
    try {
      accessSync(candidate, constants.X_OK);
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  };
  if (file.includes("/")) return runnable(file) ? file : undefined;
  for (const dir of path.split(":")) if (dir && runnable(join(dir, file))) return join(dir, file);
  return undefined;
}

/** A command that cannot start: it is not installed. */
function notFound(command: readonly string[]): Child {
  const done = Promise.reject(new ProcessError(command, "not-found"));
  done.catch(() => undefined);
  return { pid: undefined, stdin: null, stdout: null, done, stop: async () => undefined };
}

/**
 * Start `file ARGS...`; arguments go to the program as they are, never through a shell (the
 * watcher's shell passes them on as `"$@"`, untouched).
 *
 * @example const child = start("zstd", ["-dcq", "--", path], { stdout: "pipe" });
 */
export function start(file: string, args: readonly string[], options: ProcessOptions = {}): Child {
  const command = options.display ?? [file, ...args];
  const program = executable(file, options.env?.PATH ?? process.env.PATH ?? "");
  if (program === undefined) return notFound(command);
  const keep = options.stdout === undefined || options.stdout === "keep";
  const tail: string[] = [];
  let stopped: "timeout" | "aborted" | "output-too-large" | undefined;
  const subprocess = execa("/bin/sh", ["-c", WATCH, program, ...args], {
    cwd: options.cwd,
    env: options.env,
    extendEnv: true,
    detached: true,
    reject: false,
    ...stdinOption(options.stdin),
    stdout: stdoutOption(options.stdout),
    stderr: "pipe",
    buffer: { stdout: keep, stderr: false },
    maxBuffer: { stdout: options.maxStdout ?? 16 * 1024 * 1024 },
    stripFinalNewline: false,
  } as Options) as unknown as ResultPromise;
  const pid = subprocess.pid;
  const untrack = pid === undefined ? () => undefined : trackGroup(pid);
  const exited = subprocess.then(() => undefined);
  const stop = async (why?: typeof stopped): Promise<void> => {
    stopped ??= why;
    if (pid !== undefined) await stopGroup(pid, exited, options.killGraceMs ?? 3000, options.container ?? false);
  };

  const lines = (async () => {
    for await (const line of subprocess.iterable({ from: "stderr", binary: false }) as AsyncIterable<string>) {
      if (tail.length === STDERR_LINES) tail.shift();
      tail.push(line.length > LINE_LENGTH ? `${line.slice(0, LINE_LENGTH)}...` : line);
      options.onStderrLine?.(line);
    }
  })().catch(() => undefined);

  const onAbort = (): void => void stop("aborted");
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener("abort", onAbort, { once: true });
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => void stop("timeout"), options.timeoutMs);

  const done = (async (): Promise<string> => {
    try {
      const result = await subprocess;
      await lines;
      const stderrTail = tail.join("\n");
      const code = (result as { code?: string }).code;
      if (code === "ENOENT" && result.exitCode === undefined && result.signal === undefined)
        throw new ProcessError(command, "not-found");
      if ((result as { isMaxBuffer?: boolean }).isMaxBuffer) stopped ??= "output-too-large";
      if (stopped !== undefined)
        throw new ProcessError(command, stopped, {
          stderrTail,
          ...(stopped === "timeout" ? { timeoutMs: options.timeoutMs } : {}),
        });
      if (result.signal !== undefined) throw new ProcessError(command, "signal", { signal: result.signal, stderrTail });
      if (result.exitCode !== 0) throw new ProcessError(command, "exit", { exitCode: result.exitCode, stderrTail });
      return keep ? String(result.stdout ?? "") : "";
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      // Whatever the leader left behind in its group goes with it.
      if (pid !== undefined) await stopGroup(pid, Promise.resolve(), 0);
      untrack();
    }
  })();
  return {
    pid,
    // execa's own stream views: they end when the program's output ends and report its failure.
    stdin: options.stdin === "pipe" ? subprocess.writable() : null,
    stdout: options.stdout === "pipe" ? subprocess.readable({ from: "stdout", binary: true }) : null,
    done,
    stop: () => stop(),
  };
}

/**
 * Run `file ARGS...` to its end: its stdout, or a {@link ProcessError} saying how it ended.
 *
 * @example const head = (await run("git", ["rev-parse", "HEAD"], { cwd: repo })).trim();
 */
export function run(file: string, args: readonly string[], options: ProcessOptions = {}): Promise<string> {
  return start(file, args, options).done;
}
