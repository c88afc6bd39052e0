/**
 * SHA-256 on a worker thread, fed through shared memory: the NAR writer fills
 * one slot of a ring while the worker hashes another, so reading files and
 * hashing them overlap. Flow control with Atomics: the writer waits only when
 * every slot is still being hashed.
 */
import { Worker } from "node:worker_threads";

const SLOTS = 4;
// Per slot: its length (Int32); and one counter each for slots written and slots hashed.
const WRITTEN = SLOTS;
const HASHED = SLOTS + 1;

const WORKER = `
const { workerData, parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { control, data, slotSize, slots } = workerData;
const state = new Int32Array(control);
const bytes = new Uint8Array(data);
const hash = createHash("sha256");
let next = 0;
for (;;) {
  const done = Atomics.load(state, ${WRITTEN + 2}) === 1;
  const written = Atomics.load(state, ${WRITTEN});
  if (done && next === written) break;
  // Timed, so that a last notify sent before this wait began is not waited for forever.
  if (next === written) Atomics.wait(state, ${WRITTEN}, next, 20);
  while (next < Atomics.load(state, ${WRITTEN})) {
    const slot = next % slots;
    const length = state[slot];
    hash.update(bytes.subarray(slot * slotSize, slot * slotSize + length));
    next++;
    Atomics.store(state, ${HASHED}, next);
    Atomics.notify(state, ${HASHED});
  }
}
parentPort.postMessage(hash.digest());
`;

/** Where the NAR writer puts its bytes: slots to fill, each handed over once full. */
export interface HashSink {
  slot(): Buffer;
  commit(length: number): void;
}

export class ParallelSha256 implements HashSink {
  private readonly state: Int32Array;
  private readonly data: Uint8Array;
  private readonly worker: Worker;
  private readonly digest: Promise<Uint8Array>;
  private written = 0;

  constructor(readonly slotSize: number) {
    const control = new SharedArrayBuffer(4 * (SLOTS + 3));
    const data = new SharedArrayBuffer(slotSize * SLOTS);
    this.state = new Int32Array(control);
    this.data = new Uint8Array(data);
    this.worker = new Worker(WORKER, { eval: true, workerData: { control, data, slotSize, slots: SLOTS } });
    this.digest = new Promise((resolve, reject) => {
      this.worker.once("message", (d: Buffer) => resolve(new Uint8Array(d)));
      this.worker.once("error", reject);
    });
  }

  /** A free slot to fill: waits while all slots are being hashed. */
  slot(): Buffer {
    while (this.written - Atomics.load(this.state, HASHED) >= SLOTS)
      Atomics.wait(this.state, HASHED, Atomics.load(this.state, HASHED), 1000);
    const start = (this.written % SLOTS) * this.slotSize;
    return Buffer.from(this.data.buffer, start, this.slotSize);
  }

  /** Hand the slot last returned by `slot()` to the worker, with `length` bytes used. */
  commit(length: number): void {
    this.state[this.written % SLOTS] = length;
    this.written++;
    Atomics.store(this.state, WRITTEN, this.written);
    Atomics.notify(this.state, WRITTEN);
  }

  /** The sha256 of everything committed. */
  async finish(): Promise<Uint8Array> {
    Atomics.store(this.state, WRITTEN + 2, 1);
    Atomics.notify(this.state, WRITTEN);
    try {
      return await this.digest;
    } finally {
      await this.worker.terminate();
    }
  }
}
