/**
 * gzip on every core, as pigz does it: the input cut in blocks of fixed size, each deflated on a
 * worker thread with the 32 KiB before it as its dictionary and ended on a byte boundary (a sync
 * flush), the last one finished; the blocks joined in order make one deflate stream. The blocks do
 * not depend on the number of workers, so the output is the same bytes on any machine.
 */
import { availableParallelism } from "node:os";
import { Transform, type TransformCallback } from "node:stream";
import { Worker } from "node:worker_threads";
import { crc32 } from "node:zlib";

const BLOCK = 128 * 1024;
const WINDOW = 32 * 1024;
// gzip's header: deflate, no name, no time (the same bytes whenever made), Unix.
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);

const WORKER = `
const { parentPort } = require("node:worker_threads");
const zlib = require("node:zlib");
parentPort.on("message", ({ id, block, dictionary, last, level }) => {
  const options = { level, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH };
  if (dictionary.length > 0) options.dictionary = dictionary;
  const out = zlib.deflateRawSync(block, options);
  parentPort.postMessage({ id, out }, [out.buffer]);
});
`;

/** Workers that deflate blocks, each job answered by its id. */
class Deflaters {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(count: number) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(WORKER, { eval: true });
      worker.on("message", ({ id, out }: { id: number; out: Uint8Array }) => {
        this.waiting.get(id)?.resolve(Buffer.from(out.buffer, out.byteOffset, out.byteLength));
        this.waiting.delete(id);
        if (this.waiting.size === 0) this.idle(true);
      });
      worker.on("error", (error) => this.fail(error));
      worker.unref();
      return worker;
    });
  }

  /** Workers keep the process alive while they have work, and only then. */
  private idle(idle: boolean): void {
    for (const worker of this.workers) {
      if (idle) worker.unref();
      else worker.ref();
    }
  }

  private fail(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }

  deflate(block: Buffer, dictionary: Buffer, last: boolean, level: number): Promise<Buffer> {
    const id = this.next++;
    if (this.waiting.size === 0) this.idle(false);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ id, block, dictionary, last, level });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * A gzip stream compressed on `workers` threads (by default one a core, at most 4): the same bytes
 * whatever their number.
 *
 * @example pipeline(createReadStream("layer.tar"), createParallelGzip({ level: 6 }), createWriteStream("layer.tar.gz"))
 */
export function createParallelGzip(options: { readonly level?: number; readonly workers?: number } = {}): Transform {
  const level = options.level ?? 6;
  const deflaters = new Deflaters(options.workers ?? Math.max(1, Math.min(4, availableParallelism())));
  const ahead = 2 * Math.max(1, Math.min(4, options.workers ?? availableParallelism()));
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let window = Buffer.alloc(0);
  let crc = 0;
  let size = 0;
  const queue: Promise<Buffer>[] = [];

  const submit = (block: Buffer, last: boolean): void => {
    crc = crc32(block, crc);
    size += block.length;
    queue.push(deflaters.deflate(block, window, last, level));
    // The 32 KiB before the next block: its dictionary.
    window = Buffer.from(
      block.length >= WINDOW ? block.subarray(block.length - WINDOW) : Buffer.concat([window, block]).subarray(-WINDOW),
    );
  };
  /** Hand on the blocks deflated, in order, until at most `limit` are still on their way. */
  const drain = async (stream: Transform, limit: number): Promise<void> => {
    while (queue.length > limit) {
      const out = await queue.shift()!;
      if (stream.destroyed) return;
      stream.push(out);
    }
  };

  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      if (!started) {
        this.push(HEADER);
        started = true;
      }
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength >= BLOCK) {
        let all = Buffer.concat(pending, pendingLength);
        while (all.length >= BLOCK) {
          submit(all.subarray(0, BLOCK), false);
          all = all.subarray(BLOCK);
        }
        pending = all.length > 0 ? [Buffer.from(all)] : [];
        pendingLength = all.length;
      }
      drain(this, ahead).then(() => callback(), callback);
    },
    flush(callback: TransformCallback) {
      if (!started) this.push(HEADER);
      submit(Buffer.concat(pending, pendingLength), true);
      const trailer = Buffer.alloc(8);
      trailer.writeUInt32LE(crc >>> 0, 0);
      trailer.writeUInt32LE(size % 0x100000000, 4);
      drain(this, 0)
        .then(() => {
          this.push(trailer);
          return deflaters.close();
        })
        .then(() => callback(), callback);
    },
    destroy(error, callback) {
      // At once, as zlib's streams do: the workers end in the background.
      void deflaters.close();
      callback(error);
    },
  });
}
