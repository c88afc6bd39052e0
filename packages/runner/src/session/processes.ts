/**
 * Child processes in their own process group, so that stopping one stops
 * everything it started (a container, the daemon inside it); SIGTERM first,
 * SIGKILL after a grace period.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

export function spawnGroup(file: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  return spawn(file, args, { ...options, detached: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The processes of a process group, from /proc. */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name (which may hold spaces): state ppid pgrp ...
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid && fields[0] !== "Z") members.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return members;
}

/**
 * Stop the process group of `child`: SIGTERM, then SIGKILL whatever is still there after `graceMs`.
 * With `spareLeader` the leader (a container: bwrap, proot) is not sent SIGTERM: the processes in it
 * are, so they stop cleanly, and the container then ends by itself (bwrap would otherwise SIGKILL them).
 */
export async function stopGroup(child: ChildProcess, graceMs: number, spareLeader = false): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    if (spareLeader) {
      for (const member of groupMembers(pid)) if (member !== pid) process.kill(member, "SIGTERM");
    } else {
      process.kill(-pid, "SIGTERM");
    }
  } catch {
    // already gone
  }
  let timer: NodeJS.Timeout | undefined;
  const killed = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
  ]);
  clearTimeout(timer);
  if (killed || alive(pid)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // gone already
    }
    await exited;
  }
}
