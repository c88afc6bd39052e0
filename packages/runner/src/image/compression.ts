/**
 * The compressions a Docker archive from `guix pack` may have: gzip (the
 * default, done by zlib here on every core), zstd and xz (by the real `zstd` and `xz`), or
 * none. Fixed settings, so the same input gives the same bytes.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { ProcessError, start, type Child, type ProcessOptions } from "@guix-ts/process";
import { createParallelGzip } from "./parallel-gzip.js";

/** The compressions of a Docker archive guix-ts reads and writes. */
export type Compression = "gzip" | "zstd" | "xz" | "none";

const MAGIC: [Compression, number[]][] = [
  ["gzip", [0x1f, 0x8b]],
  ["zstd", [0x28, 0xb5, 0x2f, 0xfd]],
  ["xz", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
];

const PROGRAMS = {
  zstd: { command: "zstd", decompress: ["-dcq"], compress: ["-cq", "-3", "-T1"], install: "zstd" },
  xz: { command: "xz", decompress: ["-dcq"], compress: ["-cq", "-6", "-T1"], install: "xz-utils" },
} as const;

/**
 * The compression of a file, from its first bytes; `none` for a tar, undefined for anything else.
 *
 * @example await detectCompression("pack.tar.gz") // "gzip"
 */
export async function detectCompression(path: string): Promise<Compression | undefined> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, 512, 0);
    for (const [kind, magic] of MAGIC) if (magic.every((b, i) => head[i] === b)) return kind;
    if (bytesRead >= 262 && head.toString("latin1", 257, 262) === "ustar") return "none";
    return undefined;
  } finally {
    await handle.close();
  }
}

/** A running compressor; `done` settles when it exits, failing with what it said if it failed. */
function run(
  kind: "zstd" | "xz",
  args: readonly string[],
  io: Pick<ProcessOptions, "stdin" | "stdout">,
): Child & {
  readonly finished: Promise<void>;
} {
  const { command, install } = PROGRAMS[kind];
  const child = start(command, args, { ...io, killGraceMs: 0 });
  const finished = child.done.then(
    () => undefined,
    (error: unknown) => {
      if (error instanceof ProcessError && error.reason === "not-found")
        throw new Error(`${command} is not installed (apt-get install ${install})`);
      throw error;
    },
  );
  return { ...child, finished };
}

export interface Source {
  readonly stream: Readable;
  /** Settles once everything was read and the decompressor exited well. */
  readonly done: Promise<void>;
  readonly stop: () => void;
}

/** The decompressed bytes of `path`. */
export function openDecompressed(path: string, kind: Compression): Source {
  if (kind === "gzip" || kind === "none") {
    const file = createReadStream(path, { highWaterMark: 1 << 18 });
    if (kind === "none") return { stream: file, done: Promise.resolve(), stop: () => file.destroy() };
    // Larger pieces, fewer trips to zlib's thread: 64 KiB ones made gunzip a third slower.
    const gunzip = createGunzip({ chunkSize: 1 << 18 });
    const done = pipeline(file, gunzip).catch((error: Error) => {
      throw new Error(`gzip: ${error.message}`);
    });
    return { stream: gunzip, done, stop: () => gunzip.destroy() };
  }
  const child = run(kind, [...PROGRAMS[kind].decompress, "--", path], { stdout: "pipe" });
  return { stream: child.stdout!, done: child.finished, stop: () => void child.stop() };
}

export interface Sink {
  readonly stream: Writable;
  /** Settles once everything written reached the file. */
  readonly done: Promise<void>;
  readonly stop: () => void;
}

/** A stream whose bytes reach the open file `fd` compressed with `kind`. */
export function openCompressed(fd: number, kind: Compression): Sink {
  if (kind === "gzip" || kind === "none") {
    const file = createWriteStream("", { fd, autoClose: false, highWaterMark: 1 << 16 });
    if (kind === "none")
      return {
        stream: file,
        done: new Promise((resolve, reject) => file.on("finish", resolve).on("error", reject)),
        stop: () => file.destroy(),
      };
    const gzip = createParallelGzip({ level: 6 });
    return { stream: gzip, done: pipeline(gzip, file), stop: () => gzip.destroy() };
  }
  const child = run(kind, PROGRAMS[kind].compress, { stdin: "pipe", stdout: fd });
  child.stdin!.on("error", () => undefined);
  return { stream: child.stdin!, done: child.finished, stop: () => void child.stop() };
}
