import { performance } from "node:perf_hooks";

export interface BenchResult {
  readonly name: string;
  /** Milliseconds. */
  readonly ours: number;
  readonly peer: number;
  readonly target: string;
  readonly pass: boolean;
  /** What the peer is, when the name does not say it. */
  readonly peerName?: string;
}

/** The fastest of `runs` timings of `work`, in milliseconds (after one warm-up run unless `warmUp` is false). */
export function bestOf(runs: number, work: () => void, warmUp = true): number {
  if (warmUp) work();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** The median of `runs` timings of `work`, in milliseconds (no warm-up): for whole commands, whose runs vary. */
export function medianOf(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** The fastest of `runs` timings of asynchronous `work`, in milliseconds (no warm-up: the caller decides). */
export async function bestOfAsync(runs: number, work: () => Promise<unknown> | unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** The results as a table: each job, guix-ts's time, the peer and its time, the ratio, the goal, met or not. */
export function report(results: readonly BenchResult[]): string {
  const rows = results.map((r) => {
    if (r.name.startsWith("  ")) return [r.pass ? "ok" : "MISS", r.name.trim(), "", "", "", "", r.target];
    const ratio =
      r.peer >= r.ours ? `${(r.peer / r.ours).toFixed(1)}x faster` : `${(r.ours / r.peer).toFixed(2)}x the peer's time`;
    return [
      r.pass ? "ok" : "MISS",
      r.name,
      `${r.ours.toFixed(0)} ms`,
      r.peerName ?? "",
      `${r.peer.toFixed(0)} ms`,
      ratio,
      r.target,
    ];
  });
  const header = ["", "job", "guix-ts", "peer", "peer's time", "ratio", "goal"];
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
