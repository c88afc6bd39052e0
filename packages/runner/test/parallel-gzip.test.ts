// gzip on every core: the real gzip reads what it writes back to the input, and the bytes are the
// same whatever the number of blocks deflated at once (fixed blocks, each with the 32 KiB before it as dictionary).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createParallelGzip } from "../src/image/parallel-gzip.js";

const gzip = (chunks: readonly Buffer[], parallel: number): Promise<Buffer> =>
  buffer(Readable.from(chunks).pipe(createParallelGzip({ parallel })));

/** Random and repetitive bytes, `size` of them: what deflate finds matches in, across block boundaries. */
const bytes = (size: number): Buffer => {
  const half = randomBytes(size >> 1);
  return Buffer.concat([half, half.subarray(0, size - half.length)]);
};

describe("parallel gzip", () => {
  it("the real gzip reads it back, at and around the block boundaries, and the bytes do not depend on how many blocks are deflated at once", async () => {
    for (const size of [0, 1, 32 * 1024, 128 * 1024 - 1, 128 * 1024, 128 * 1024 + 1, 3 * 128 * 1024 + 5, 2_000_000]) {
      const data = bytes(size);
      const chunks = [data.subarray(0, 1000), data.subarray(1000, 200_000), data.subarray(200_000)];
      const [one, two, three] = await Promise.all([gzip(chunks, 1), gzip(chunks, 2), gzip(chunks, 3)]);
      expect(two.equals(one) && three.equals(one), `size ${size}`).toBe(true);
      expect(execFileSync("gzip", ["-dc"], { input: one, maxBuffer: 1 << 30 }).equals(data), `size ${size}`).toBe(true);
    }
  });

  // The blocks are filled in a few buffers taken in turn (one more than may be on their way): 25 blocks
  // go through 5 buffers five times over, in chunks smaller and larger than a block.
  it("the same bytes when the block buffers come round many times, for any chunk sizes", async () => {
    const data = bytes(25 * 512 * 1024 + 12_345);
    const chunks: Buffer[] = [];
    for (let at = 0, i = 0; at < data.length; i++) {
      const size = [700, 1_300_000, 65_536, 524_288, 3_000_001][i % 5]!;
      chunks.push(data.subarray(at, at + size));
      at += size;
    }
    const [one, three] = await Promise.all([gzip(chunks, 1), gzip([data], 3)]);
    expect(one.equals(three)).toBe(true);
    expect(execFileSync("gzip", ["-dc"], { input: one, maxBuffer: 1 << 30 }).equals(data)).toBe(true);
  });

  it("however the input is cut into chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 600_000 }),
        fc.array(fc.integer({ min: 1, max: 300_000 }), { maxLength: 5 }),
        async (size, cuts) => {
          const data = bytes(size);
          const chunks: Buffer[] = [];
          let at = 0;
          for (const cut of cuts) {
            chunks.push(data.subarray(at, Math.min(size, at + cut)));
            at = Math.min(size, at + cut);
          }
          chunks.push(data.subarray(at));
          const out = await gzip(chunks, 2);
          expect(out.equals(await gzip([data], 1))).toBe(true);
          expect(execFileSync("gzip", ["-dc"], { input: out, maxBuffer: 1 << 30 }).equals(data)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});
