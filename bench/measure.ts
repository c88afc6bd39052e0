import { performance } from "node:perf_hooks";

export interface BenchResult {
  readonly name: string;
  /** Milliseconds. */
  readonly ours: number;
  readonly peer: number;
  readonly target: string;
  readonly pass: boolean;
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

export function report(results: readonly BenchResult[]): string {
  return results
    .map((r) => {
      const ratio =
        r.peer >= r.ours
          ? `${(r.peer / r.ours).toFixed(1)}x faster`
          : `${(r.ours / r.peer).toFixed(2)}x the peer's time`;
      if (r.name.startsWith("  ")) return `${r.pass ? "ok  " : "MISS"} ${r.name.trim()} (target ${r.target})`;
      return `${r.pass ? "ok  " : "MISS"} ${r.name}: ${r.ours.toFixed(0)} ms vs ${r.peer.toFixed(0)} ms (${ratio}; target ${r.target})`;
    })
    .join("\n");
}
