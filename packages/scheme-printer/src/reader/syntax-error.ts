/** Text that is not valid Scheme: where, and why. */
export class SchemeSyntaxError extends Error {
  override readonly name = "SchemeSyntaxError";
  constructor(
    /** What is wrong, without the position. */
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    readonly file?: string,
  ) {
    super(`${file ?? "<input>"}:${line}:${column}: ${reason}`);
  }
}
