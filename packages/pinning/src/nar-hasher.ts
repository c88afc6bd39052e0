/**
 * SHA-256 on a worker thread, fed through shared memory: the NAR writer fills
 * one slot of a ring while the worker hashes another, so reading files and
 * hashing them overlap. Flow control with Atomics: the writer waits only when
 * every slot is still being hashed. One worker serves the whole process, one
 * hash at a time; it is made on first use and does not keep the process alive.
 */
import { Worker } from "node:worker_threads";

const SLOTS = 4;
// Control words after the slot lengths: jobs started, slots written, slots hashed, and "no more slots".
const JOB = SLOTS;
const WRITTEN = SLOTS + 1;
const HASHED = SLOTS + 2;
const DONE = SLOTS + 3;

const WORKER = `
const { workerData, parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { control, data, slotSize } = workerData;
const state = new Int32Array(control);
const bytes = new Uint8Array(data);
let job = 0;
for (;;) {
  Atomics.wait(state, ${JOB}, job);
  job = Atomics.load(state, ${JOB});
  const hash = createHash("sha256");
  let next = 0;
  for (;;) {
    const done = Atomics.load(state, ${DONE}) === 1;
    const written = Atomics.load(state, ${WRITTEN});
    if (done && next === written) break;
    // Timed, so that a notify sent just before this wait began is not waited for forever.
    if (next === written) Atomics.wait(state, ${WRITTEN}, next, 20);
    while (next < Atomics.load(state, ${WRITTEN})) {
      const slot = next % ${SLOTS};
      hash.update(bytes.subarray(slot * slotSize, slot * slotSize + state[slot]));
      next++;
      Atomics.store(state, ${HASHED}, next);
      Atomics.notify(state, ${HASHED});
    }
  }
  parentPort.postMessage(hash.digest());
}
`;

/** Where the NAR writer puts its bytes: slots to fill, each handed over once full. */
export interface HashSink {
  slot(): Buffer;
  commit(length: number): void;
}

class HashWorker {
  readonly state: Int32Array;
  readonly data: Uint8Array;
  readonly worker: Worker;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly slotSize: number) {
    const control = new SharedArrayBuffer(4 * (SLOTS + 4));
    const data = new SharedArrayBuffer(slotSize * SLOTS);
    this.state = new Int32Array(control);
    this.data = new Uint8Array(data);
    this.worker = new Worker(WORKER, { eval: true, workerData: { control, data, slotSize } });
    this.worker.unref();
  }

  /** Run `write` with the worker to itself; resolves to the sha256 of what it committed. */
  hash(write: (sink: HashSink) => void): Promise<Uint8Array> {
    const run = this.queue.then(() => this.job(write));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async job(write: (sink: HashSink) => void): Promise<Uint8Array> {
    const { state, data, slotSize } = this;
    let written = 0;
    Atomics.store(state, WRITTEN, 0);
    Atomics.store(state, HASHED, 0);
    Atomics.store(state, DONE, 0);
    const digest = new Promise<Uint8Array>((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.worker.once("error", onError);
      this.worker.once("message", (d: Uint8Array) => {
        this.worker.off("error", onError);
        resolve(new Uint8Array(d));
      });
    });
    Atomics.add(state, JOB, 1);
    Atomics.notify(state, JOB);
    const sink: HashSink = {
      slot: () => {
        while (written - Atomics.load(state, HASHED) >= SLOTS)
          Atomics.wait(state, HASHED, Atomics.load(state, HASHED), 1000);
        return Buffer.from(data.buffer, (written % SLOTS) * slotSize, slotSize);
      },
      commit: (length) => {
        state[written % SLOTS] = length;
        written++;
        Atomics.store(state, WRITTEN, written);
        Atomics.notify(state, WRITTEN);
      },
    };
    const done = (): void => {
      Atomics.store(state, DONE, 1);
      Atomics.notify(state, WRITTEN);
    };
    try {
      write(sink);
    } catch (error) {
      // The worker must be through with this job before the next one resets the ring.
      done();
      await digest.catch(() => undefined);
      throw error;
    }
    done();
    return digest;
  }
}

let shared: HashWorker | undefined;

/** The sha256 of what `write` commits, hashed on the shared worker thread. */
export function sha256OnWorker(slotSize: number, write: (sink: HashSink) => void): Promise<Uint8Array> {
  if (shared === undefined || shared.slotSize !== slotSize) shared = new HashWorker(slotSize);
  return shared.hash(write);
}
