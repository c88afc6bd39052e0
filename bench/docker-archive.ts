/** Editing a 1 GB Docker archive against a plain tar + gzip re-pack of it, in the same run. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, openSync, writeSync, closeSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { BenchResult } from "./measure.js";

const GB = 1024 * 1024 * 1024;

/** A big, moderately compressible file: text lines with numbers, like a store's contents. */
function writeBigFile(path: string, size: number): void {
  const fd = openSync(path, "w");
  const chunk = Buffer.alloc(8 * 1024 * 1024);
  let line = 0;
  for (let written = 0; written < size; written += chunk.length) {
    let pos = 0;
    while (pos < chunk.length - 100)
      pos += chunk.write(`/gnu/store/${(line * 2654435761) >>> 0}-package-${line++ % 977}/lib/file.so\n`, pos);
    writeSync(fd, chunk, 0, Math.min(chunk.length, size - written));
  }
  closeSync(fd);
}

export function benchDockerArchive(dir: string): BenchResult[] {
  const work = join(dir, "archive");
  mkdirSync(work);
  const input = join(work, "pack.tar.gz");
  // The layout of guix pack's archives (test/fixtures/guix-docker-archive.ts), with one 1 GB layer.
  const image = join(work, "image");
  mkdirSync(join(image, "layer"), { recursive: true });
  writeBigFile(join(image, "layer", "big.bin"), GB);
  execFileSync("sh", [
    "-c",
    'cd "$0" && tar -cf layer.tar --mtime=@1 --owner=0 --group=0 -C layer . && rm -r layer && mkdir id && mv layer.tar id/ && printf 1.0 > id/VERSION',
    image,
  ]);
  execFileSync("sh", [
    "-c",
    `cd "$0" && printf '%s' '{"architecture":"amd64","config":{"env":["PATH=/bin"]},"os":"linux","rootfs":{"type":"layers","diff_ids":[]}}' > config.json && printf '%s' '[{"Config":"config.json","RepoTags":["bench:latest"],"Layers":["id/layer.tar"]}]' > manifest.json && tar -cf - . | gzip -1 > "$1"`,
    image,
    input,
  ]);

  const child = spawnSync(
    process.execPath,
    [join(import.meta.dirname, "edit-archive-child.mjs"), input, join(work, "edited.tar.gz")],
    { encoding: "utf8" },
  );
  if (child.status !== 0) throw new Error(`edit failed: ${child.stderr}`);
  const ours = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { ms: number; maxRssKb: number };

  const unpacked = join(work, "unpacked");
  mkdirSync(unpacked);
  const start = performance.now();
  execFileSync("sh", [
    "-c",
    'tar -xzf "$0" -C "$1" && tar -cf - -C "$1" . | gzip -6 > "$2"',
    input,
    unpacked,
    join(work, "repacked.tar.gz"),
  ]);
  const peer = performance.now() - start;
  const size = (statSync(input).size / 1024 / 1024).toFixed(0);
  return [
    {
      name: `edit a 1 GB Docker archive (${size} MB gzipped) vs tar + gzip re-pack`,
      ours: ours.ms,
      peer,
      target: "no slower than the re-pack",
      pass: ours.ms <= peer,
    },
    {
      name: `  peak memory of the edit: ${(ours.maxRssKb / 1024).toFixed(0)} MB`,
      ours: ours.maxRssKb / 1024,
      peer: 100,
      target: "under 100 MB",
      pass: ours.maxRssKb / 1024 < 100,
    },
  ];
}
