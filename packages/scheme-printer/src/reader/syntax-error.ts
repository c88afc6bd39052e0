/**
 * Text that is not valid Scheme: where, and why.
 *
 * @example try { readDatums("(a", { file: "m.scm" }) } catch (e) { if (e instanceof SchemeSyntaxError) console.error(e.message) } // m.scm:1:1: ...
 */
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
