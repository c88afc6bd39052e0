/** A progress bar on one terminal line: bytes done, rate and time left; drawn only on a terminal. */
import type { CommandIO } from "./io.js";

const WIDTH = 24;
/** Redrawing more often than this only costs time. */
const EVERY_MS = 100;

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}

/**
 * The line for `done` of `total` bytes (total unknown: no bar, no time left) after `seconds`.
 *
 * @example progressLine("download", 2 ** 20, 4 * 2 ** 20, 2) // "download [######------------------]  25%  1.0 MiB / 4.0 MiB  0.5 MiB/s  6s left"
 */
export function progressLine(label: string, done: number, total: number | undefined, seconds: number): string {
  const rate = seconds > 0 ? done / seconds : 0;
  const speed = `${mib(rate)}/s`;
  if (total === undefined) return `${label} ${mib(done)}  ${speed}`;
  const part = Math.min(1, done / total);
  const filled = Math.round(part * WIDTH);
  const bar = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}]`;
  const left = done >= total ? "0s" : rate > 0 ? duration((total - done) / rate) : "?";
  return `${label} ${bar} ${String(Math.floor(part * 100)).padStart(3)}%  ${mib(done)} / ${mib(total)}  ${speed}  ${left} left`;
}

/**
 * A function to tell progress to: on a terminal it redraws one line (at most every 100 ms, and
 * always at 100%); elsewhere it does nothing. `end()` finishes the line.
 */
export function progressBar(io: CommandIO): {
  update(label: string, done: number, total: number | undefined): void;
  end(): void;
} {
  let started = Date.now();
  let label = "";
  let drawn = 0;
  let open = false;
  return {
    update(next, done, total) {
      if (io.terminal !== true) return;
      const now = Date.now();
      if (next !== label) {
        if (open) io.stderr("\n");
        [label, started, drawn] = [next, now, 0];
      }
      if (now - drawn < EVERY_MS && done !== total) return;
      drawn = now;
      open = true;
      io.stderr(`\r\x1b[K${progressLine(label.padEnd(8), done, total, (now - started) / 1000)}`);
    },
    end() {
      if (open) io.stderr("\n");
      open = false;
    },
  };
}
