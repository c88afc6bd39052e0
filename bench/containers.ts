/**
 * Container overhead: one syscall-heavy job (walk and stat a 50,000-file tree, then tar it) on the
 * host, under bubblewrap and under proot, in the same run; and a session's first command (which
 * starts the daemon) against its later ones. Guix itself is the test suite's stand-in here.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openGuix } from "@guix-ts/runner";
// Internals, on purpose: the bench times the container wrapper itself, around a job that is not Guix.
import { containerCommand } from "../packages/runner/src/session/containers.js";
import { guixHome } from "../packages/runner/src/session/home.js";
import { makeStandInHome } from "../test/fixtures/stand-in-guix/home.js";
import { bestOf, type BenchResult } from "./measure.js";

export async function benchContainers(dir: string): Promise<BenchResult[]> {
  const tree = join(dir, "walk");
  for (let d = 0; d < 500; d++) {
    mkdirSync(join(tree, `d${d}`), { recursive: true });
    for (let f = 0; f < 100; f++) writeFileSync(join(tree, `d${d}`, `f${f}`), "x");
  }
  const job = [
    "sh",
    "-c",
    `find "${tree}" -type f -exec stat -c %s {} + > /dev/null && tar -cf /dev/null -C "${tree}" .`,
  ];
  const home = guixHome(makeStandInHome(join(dir, "home")));
  const time = (backend: "host" | "bubblewrap" | "proot", runs: number): number => {
    const { file, args, env } = containerCommand(backend, home, job);
    return bestOf(runs, () => void execFileSync(file, args, { stdio: "ignore", env: { ...process.env, ...env } }));
  };
  // Written files reach the disk first, so that neither side pays for the writeback.
  execFileSync("sync");
  const host = time("host", 5);
  const bwrap = time("bubblewrap", 5);
  // proot takes seconds here: one timed run after the warm-up.
  const proot = time("proot", 1);

  const openStart = performance.now();
  const session = await openGuix({ backend: "bubblewrap", home: home.root });
  const openMs = performance.now() - openStart;
  let first = 0;
  const later: number[] = [];
  try {
    first = performance.now();
    await session.describe();
    first = performance.now() - first;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await session.describe();
      later.push(performance.now() - start);
    }
  } finally {
    await session.close();
  }
  const laterMs = Math.min(...later);
  return [
    {
      name: "walk, stat and tar 50,000 files: bubblewrap vs host",
      ours: bwrap,
      peer: host,
      target: "within 1.1x of the host",
      pass: bwrap <= host * 1.1,
    },
    {
      name: "walk, stat and tar 50,000 files: proot vs host (the fallback)",
      ours: proot,
      peer: host,
      target: "reported only",
      pass: true,
    },
    {
      name: `  session: opening (starts the daemon) ${openMs.toFixed(0)} ms; first command ${first.toFixed(0)} ms; later commands ${laterMs.toFixed(0)} ms (one daemon for all)`,
      ours: laterMs,
      peer: openMs,
      target: "the daemon started once per session",
      pass: true,
    },
  ];
}
