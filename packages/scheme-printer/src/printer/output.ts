/**
 * Where the layout writes: UTF-8 bytes in one array that grows, reused from form to form. A layout
 * writes a million small pieces for a large file; appended to a string, each was a rope node to
 * collect and, at the end, a rope to flatten and encode again: a third of `guix-ts fmt`'s time.
 */
const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

export class Utf8Output {
  private bytes = new Uint8Array(1024);
  /** How many bytes are written: a position in the output, as the layout compares them. */
  length = 0;

  write(text: string): void {
    const n = text.length;
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4).
    if (this.length + 3 * n > this.bytes.length) this.grow(3 * n);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        at += ENCODER.encodeInto(i === 0 ? text : text.slice(i), bytes.subarray(at)).written;
        break;
      }
      bytes[at++] = code;
    }
    this.length = at;
  }

  /** The text written from byte `start` on. */
  textFrom(start: number): string {
    return DECODER.decode(this.bytes.subarray(start, this.length));
  }

  /** A copy of the bytes written, and the output emptied for what comes next. */
  take(): Uint8Array {
    const taken = this.bytes.slice(0, this.length);
    this.length = 0;
    return taken;
  }

  /** Forget what was written from byte `start` on. */
  truncate(start: number): void {
    this.length = start;
  }

  private grow(more: number): void {
    const bigger = new Uint8Array(Math.max(2 * this.bytes.length, this.length + more));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }
}
