/** Where a command reads and writes: the process's streams, or buffers in tests. */
export interface CommandIO {
  /** Write to standard output: text, or bytes already UTF-8 (a formatted file, written as it is). */
  readonly stdout: (data: string | Uint8Array) => void;
  /** Write to standard error. */
  readonly stderr: (text: string) => void;
  /** All of standard input, as bytes. */
  readonly readStdin: () => Promise<Uint8Array>;
  /** Aborted when the user interrupts (Ctrl-C, SIGTERM, SIGHUP): a long command stops cleanly. */
  readonly signal?: AbortSignal;
  /** Standard error is a terminal: progress is drawn there (and nowhere else). */
  readonly terminal?: boolean;
}

/** The process's own streams. */
export const processIO: CommandIO = {
  terminal: process.stderr.isTTY === true,
  stdout: (data) => void process.stdout.write(data),
  stderr: (text) => void process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
};
