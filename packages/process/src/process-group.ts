/**
 * Stopping a process group: every child runs as the leader of its own group, so that stopping it
 * stops everything it started (a container, the daemon inside it). SIGTERM first, SIGKILL after a
 * grace period. Kept apart from execa because execa signals the direct child only.
 */
import { readFileSync, readdirSync } from "node:fs";

function alive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The live processes of a process group, from /proc. */
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

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * Stop the group led by `pid`, whose end `exited` reports: SIGTERM, then SIGKILL to whatever is
 * still there after `graceMs`. With `spareLeader` the leader (a container: bwrap, proot) is not
 * sent SIGTERM, the processes in it are, so they stop cleanly and the container then ends by itself
 * (bwrap would otherwise SIGKILL them).
 */
export async function stopGroup(
  pid: number,
  exited: Promise<unknown>,
  graceMs: number,
  spareLeader = false,
): Promise<void> {
  if (spareLeader) {
    for (const member of groupMembers(pid)) if (member !== pid) signal(member, "SIGTERM");
  } else {
    signal(-pid, "SIGTERM");
  }
  let timer: NodeJS.Timeout | undefined;
  const late = await Promise.race([
    exited.then(
      () => false,
      () => false,
    ),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
  ]);
  clearTimeout(timer);
  if (late || alive(pid)) {
    signal(-pid, "SIGKILL");
    await exited.catch(() => undefined);
  }
}

const groups = new Set<number>();
let hooked = false;

/** Track a group so that it is killed if this process exits first (execa does not clean up detached children). */
export function trackGroup(pid: number): () => void {
  if (!hooked) {
    hooked = true;
    process.once("exit", () => groups.forEach((group) => signal(-group, "SIGKILL")));
  }
  groups.add(pid);
  return () => groups.delete(pid);
}
