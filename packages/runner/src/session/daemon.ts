/**
 * guix-daemon's life in a session: started once in the container with
 * `--disable-chroot`, ready when its socket accepts a connection, stopped
 * with the session.
 */
import { createWriteStream, mkdirSync, watch } from "node:fs";
import { connect } from "node:net";
import { dirname, join } from "node:path";
import { ProcessError, start } from "@guix-ts/process";
import type { Backend } from "./backend.js";
import { containerCommand } from "./containers.js";
import { DaemonStartFailed } from "./errors.js";
import { CURRENT_GUIX, DAEMON_SOCKET, hostPath, type GuixHome } from "./home.js";

export interface Daemon {
  readonly socket: string;
  /** False when a daemon was already serving this home: it is used, not stopped. */
  readonly owned: boolean;
  readonly logFile: string;
  readonly pid: number;
  stop(): Promise<void>;
}

function canConnect(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ path });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** How the daemon is started and stopped: how long to wait for it, its extra arguments. */
export interface DaemonOptions {
  readonly readyTimeoutMs?: number;
  readonly stopGraceMs?: number;
  readonly extraArgs?: readonly string[];
}

/** Start guix-daemon for `home` and wait until its socket accepts a connection. */
export async function startDaemon(backend: Backend, home: GuixHome, options: DaemonOptions = {}): Promise<Daemon> {
  const socket = hostPath(home, DAEMON_SOCKET);
  if (await canConnect(socket)) return { socket, owned: false, logFile: "", pid: 0, stop: async () => undefined };
  mkdirSync(dirname(socket), { recursive: true });
  mkdirSync(join(home.varGuix, "log"), { recursive: true });
  mkdirSync(home.etcGuix, { recursive: true });
  const logFile = join(home.varGuix, "log", "guix-ts-daemon.log");
  const log = createWriteStream(logFile, { flags: "a" });
  const lines: string[] = [];
  const tail = (): string => lines.join("\n");
  const { file, args, env } = containerCommand(backend, home, [
    `${CURRENT_GUIX}/bin/guix-daemon`,
    "--disable-chroot",
    ...(options.extraArgs ?? []),
  ]);
  const record = (line: string): void => {
    log.write(`${line}\n`);
    if (lines.push(line) > 20) lines.shift();
  };
  const child = start(file, args, {
    env,
    container: backend === "bubblewrap" || backend === "proot",
    stdout: "pipe",
    onStderrLine: record,
    killGraceMs: options.stopGraceMs ?? 5000,
  });
  child.stdout!.on("data", (chunk: Buffer) => chunk.toString().split("\n").filter(Boolean).forEach(record));
  // How it ended, once it has; it ends when stopped, so this is never an unhandled failure.
  const ended = child.done.then(
    () => "it exited (0)",
    (error: unknown) =>
      error instanceof ProcessError && error.reason === "not-found"
        ? `cannot run ${file}: not installed`
        : `it exited (${(error as ProcessError).exitCode ?? (error as ProcessError).signal})`,
  );
  const stop = async (): Promise<void> => {
    await child.stop();
    await new Promise<void>((resolve) => log.end(resolve));
  };

  const timeoutMs = options.readyTimeoutMs ?? 30_000;
  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      let retry: NodeJS.Timeout | undefined;
      let delay = 2;
      const finish = (error?: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(retry);
        watcher.close();
        if (error) reject(error);
        else resolve();
      };
      // Try when the socket's folder changes; between bind() and listen() a connection is refused, so
      // a refused try is retried shortly after (backing off), until the deadline.
      const attempt = async (): Promise<void> => {
        clearTimeout(retry);
        if (settled) return;
        if (await canConnect(socket)) return finish();
        delay = Math.min(delay * 2, 100);
        retry = setTimeout(() => void attempt(), delay);
      };
      const watcher = watch(dirname(socket), () => void attempt());
      const timer = setTimeout(
        () =>
          finish(new DaemonStartFailed(`its socket ${socket} accepted no connection within ${timeoutMs} ms`, tail())),
        timeoutMs,
      );
      void ended.then((how) => finish(new DaemonStartFailed(`${how} before accepting connections`, tail())));
      void attempt();
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { socket, owned: true, logFile, pid: child.pid!, stop };
}
