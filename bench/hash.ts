/** NAR hashing against nix-hash on the same tree, in the same run. */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { narHash } from "@guix-ts/pinning";
import { bestOfAsync, type BenchResult } from "./measure.js";

function makeTree(root: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const random = Buffer.alloc(64 * 1024 * 1024);
  for (let i = 0; i < random.length; i += 4) random.writeUInt32LE((Math.imul(i, 2654435761) ^ (i >>> 7)) >>> 0, i);
  for (let d = 0; d < 200; d++) {
    const dir = join(root, `dir-${d}`, `sub-${d % 7}`);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 100; f++) {
      const size = 1024 + (((d * 100 + f) * 7919) % 16384);
      writeFileSync(join(dir, `file-${f}.dat`), random.subarray(f * 1000, f * 1000 + size));
      files++;
      bytes += size;
    }
  }
  for (let b = 0; b < 8; b++) {
    writeFileSync(join(root, `big-${b}.bin`), random.subarray(b, b + 48 * 1024 * 1024));
    files++;
    bytes += 48 * 1024 * 1024;
  }
  return { files, bytes };
}

export async function benchHash(dir: string): Promise<BenchResult[]> {
  const root = join(dir, "tree");
  const { files, bytes } = makeTree(root);
  let ours = "";
  let theirs = "";
  // One warm-up each so both read from the page cache.
  const oursMs = await bestOfAsync(3, async () => (ours = await narHash(root)));
  const nixMs = await bestOfAsync(
    3,
    () => (theirs = execFileSync("nix-hash", ["--type", "sha256", "--base32", root], { encoding: "utf8" }).trim()),
  );
  if (ours !== theirs) throw new Error(`hash mismatch: guix-ts ${ours}, nix-hash ${theirs}`);
  return [
    {
      name: `NAR hash of ${(bytes / 1024 / 1024).toFixed(0)} MB in ${files} files vs nix-hash`,
      ours: oursMs,
      peer: nixMs,
      target: "no slower than nix-hash",
      pass: oursMs <= nixMs,
    },
  ];
}
