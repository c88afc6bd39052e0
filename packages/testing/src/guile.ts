/**
 * The real Guile as an oracle: one long-lived `guile` process reads the texts it is sent, one after
 * another, and writes back for each datum a canonical encoding that {@link encodeDatum} computes on
 * our side, so comparing the two shows Guile reads exactly the datum meant. The process runs in its
 * own process group, watched: it ends with its owner, even one killed with SIGKILL.
 */
import { formatReal, isDatum, type Datum, type Node } from "@guix-ts/scheme-printer";
import { onPath, ProcessError, start, type Child } from "@guix-ts/process";

// Reads "N\n" then N characters, answers each datum's encoding on a line of its own, then "--";
// text Guile cannot read answers "!error MESSAGE" then "--". The #~ #$ #+ readers of (guix gexp),
// which plain Guile lacks, read as the lists they stand for.
const SCRIPT = String.raw`
(use-modules (ice-9 rdelim) (rnrs bytevectors) (rnrs io ports) (srfi srfi-1))
(define (splicing-or base splice)
  (lambda (c p)
    (if (eqv? (peek-char p) #\@)
        (begin (read-char p) (list splice (read p)))
        (list base (read p)))))
(read-hash-extend #\~ (lambda (c p) (list 'gexp (read p))))
(read-hash-extend #\$ (splicing-or 'ungexp 'ungexp-splicing))
(read-hash-extend #\+ (splicing-or 'ungexp-native 'ungexp-native-splicing))
(define (hexes s)
  (string-join (map (lambda (c) (number->string (char->integer c) 16)) (string->list s)) ","))
(define (enc x)
  (cond ((eq? x #nil) "#nil")
        ((eq? x '()) "()")
        ((eq? x #t) "#t")
        ((eq? x #f) "#f")
        ((symbol? x) (string-append "y:" (hexes (symbol->string x))))
        ((keyword? x) (string-append "k:" (hexes (symbol->string (keyword->symbol x)))))
        ((string? x) (string-append "s:" (hexes x)))
        ((char? x) (string-append "c:" (number->string (char->integer x) 16)))
        ((not (number? x)) (enc-compound x))
        ((and (exact? x) (integer? x)) (string-append "i:" (number->string x)))
        ((and (exact? x) (rational? x)) (string-append "q:" (number->string x)))
        ((real? x) (string-append "r:" (number->string x)))
        (else (string-append "?:" (object->string x)))))
(define (enc-compound x)
  (cond ((bytevector? x) (string-append "bv:" (string-join (map number->string (bytevector->u8-list x)) ",")))
        ((vector? x) (string-append "#(" (string-join (map enc (vector->list x)) " ") ")"))
        ((pair? x)
         (let loop ((x x) (acc '()))
           ;; eq? to '(), not null?: (null? #nil) is true, and #nil as a tail is a datum of its own.
           (cond ((eq? x '()) (string-append "(" (string-join (reverse acc) " ") ")"))
                 ((pair? x) (loop (cdr x) (cons (enc (car x)) acc)))
                 (else (string-append "(" (string-join (reverse acc) " ") " . " (enc x) ")")))))
        (else (string-append "?:" (object->string x)))))
(define (answer text)
  (catch #t
    (lambda ()
      (let ((lines (call-with-input-string text
                     (lambda (port)
                       (let loop ((acc '()))
                         (let ((d (read port)))
                           (if (eof-object? d) (reverse acc) (loop (cons (enc d) acc)))))))))
        (for-each (lambda (l) (display l) (newline)) lines)))
    (lambda (key . args)
      (display "!error ")
      (display (string-map (lambda (c) (if (char=? c #\newline) #\space c))
                           (call-with-output-string (lambda (p) (write (cons key args) p)))))
      (newline))))
(set-port-encoding! (current-input-port) "UTF-8")
(set-port-encoding! (current-output-port) "UTF-8")
(let loop ()
  (let ((line (read-line)))
    (unless (eof-object? line)
      (answer (get-string-n (current-input-port) (string->number line)))
      (display "--") (newline)
      (force-output)
      (loop))))
`;

/** The Guile to run: `$GUILE`, else `guile` on PATH. */
const guileProgram = (): string => process.env["GUILE"] ?? "guile";

/** What Guile read of a text: the encodings of its data, or why it could not read it. */
export type GuileReading =
  { readonly ok: true; readonly data: readonly string[] } | { readonly ok: false; readonly error: string };

/**
 * Guile is missing, or ended while it was reading a case (which one it says): the oracle cannot
 * answer, which is no verdict on the text.
 *
 * @example try { await guileSession().read(text, "case 3") } catch (e) { if (e instanceof GuileError) console.error(e.message) }
 */
export class GuileError extends Error {
  override readonly name = "GuileError";
}

/** One long-lived Guile, reading texts in the order they are sent. */
export interface GuileSession {
  /** The Guile process, while it runs (undefined without Guile). */
  readonly pid: number | undefined;
  /** What Guile reads from `text`; `label` names the case in errors. */
  read(text: string, label?: string): Promise<GuileReading>;
  /** Ends the process (and rejects what it still had to read). */
  close(): Promise<void>;
}

/**
 * Start a Guile. Without `guile` (or `$GUILE`), every read rejects with a {@link GuileError} that
 * says how to install it.
 *
 * @example const guile = startGuile(); const [a, b] = await Promise.all([guile.read("(a)"), guile.read("b")]); await guile.close();
 */
export function startGuile(): GuileSession {
  const program = guileProgram();
  if (!program.includes("/") && onPath(program) === undefined) {
    const missing = new GuileError(
      `${program} is not installed (not on PATH): install guile-3.0 (sudo apt-get install guile-3.0), or set GUILE to its path`,
    );
    return { pid: undefined, read: () => Promise.reject(missing), close: async () => undefined };
  }
  const child: Child = start(program, ["--no-auto-compile", "-c", SCRIPT], {
    stdin: "pipe",
    stdout: "pipe",
    display: [program, "(the guix-ts oracle)"],
  });
  const pending: { label: string; resolve: (r: GuileReading) => void; reject: (e: Error) => void }[] = [];
  let lines: string[] = [];
  let rest = "";
  let ended: Error | undefined;
  const decoder = new TextDecoder();
  child.stdout!.on("data", (chunk: Uint8Array) => {
    const text = rest + decoder.decode(chunk, { stream: true });
    const parts = text.split("\n");
    rest = parts.pop()!;
    for (const line of parts) {
      if (line !== "--") {
        lines.push(line);
        continue;
      }
      const error = lines.length === 1 && lines[0]!.startsWith("!error ") ? lines[0]!.slice(7) : undefined;
      pending.shift()?.resolve(error === undefined ? { ok: true, data: lines } : { ok: false, error });
      lines = [];
    }
  });
  // However it ends, what it had still to read fails, naming the case it was at.
  const end = (why: string): void => {
    ended ??= new GuileError(why);
    for (const p of pending.splice(0)) p.reject(new GuileError(`${why} while reading ${p.label}`));
  };
  child.stdout!.on("error", () => undefined);
  void child.done.then(
    () => end("guile ended"),
    (error: unknown) => end(error instanceof ProcessError ? error.message.split("\n")[0]! : String(error)),
  );
  let count = 0;
  return {
    pid: child.pid,
    read(text, label) {
      const name = label ?? `case ${++count}`;
      if (ended !== undefined) return Promise.reject(new GuileError(`${ended.message} before reading ${name}`));
      return new Promise<GuileReading>((resolve, reject) => {
        pending.push({ label: name, resolve, reject });
        child.stdin!.write(`${[...text].length}\n${text}`);
      });
    },
    async close() {
      end("guile was closed");
      child.stdin!.end();
      await child.stop();
      await child.done.catch(() => undefined);
    },
  };
}

let shared: GuileSession | undefined;

/**
 * The Guile the oracles share, started on first use; {@link closeGuile} ends it.
 *
 * @example await guileSession().read("(a b)") // { ok: true, data: ["(y:61 y:62)"] }
 */
export function guileSession(): GuileSession {
  shared ??= startGuile();
  return shared;
}

/**
 * End the shared Guile (the vitest setup of `@guix-ts/testing/vitest` does it after the tests).
 *
 * @example afterAll(closeGuile)
 */
export async function closeGuile(): Promise<void> {
  const session = shared;
  shared = undefined;
  await session?.close();
}

/**
 * What the shared Guile reads of each text, in one batch: the encodings of its data; rejects with a
 * {@link GuileError} naming the first text Guile cannot read (or if Guile is missing or ends).
 *
 * @example expect(await guileReadAll(files.map((f) => f.text))).toEqual(files.map((f) => encodeTopLevel(f.nodes)))
 */
export async function guileReadAll(texts: readonly string[], labels?: readonly string[]): Promise<string[][]> {
  const session = guileSession();
  const read = await Promise.all(texts.map((text, i) => session.read(text, labels?.[i] ?? `text ${i + 1}`)));
  return read.map((r, i) => {
    if (!r.ok) throw new GuileError(`Guile cannot read ${labels?.[i] ?? `text ${i + 1}`}: ${r.error}`);
    return [...r.data];
  });
}

function hexes(text: string): string {
  return [...text].map((c) => c.codePointAt(0)!.toString(16)).join(",");
}

/**
 * The encoding Guile's answer gives for the datum it reads from `node`'s text.
 *
 * @example encodeDatum(list([sym("a"), str("b")])) // "(y:61 s:62)"
 */
export function encodeDatum(node: Datum): string {
  switch (node.kind) {
    case "symbol":
      return `y:${hexes(node.name)}`;
    case "keyword":
      return `k:${hexes(node.name)}`;
    case "string":
      return `s:${hexes(node.value)}`;
    case "char":
      return `c:${node.value.codePointAt(0)!.toString(16)}`;
    case "boolean":
      return node.value ? "#t" : "#f";
    case "nil":
      return "#nil";
    case "integer":
      return `i:${node.value}`;
    case "rational":
      return `q:${node.numerator}/${node.denominator}`;
    case "real":
      return `r:${formatReal(node.value)}`;
    case "bytevector":
      return `bv:${node.bytes.join(",")}`;
    case "vector":
      return `#(${node.items.filter(isDatum).map(encodeDatum).join(" ")})`;
    case "prefixed":
      return `(y:${hexes(node.prefix)} ${encodeDatum(node.datum)})`;
    case "list": {
      const items = node.items.filter(isDatum).map(encodeDatum);
      if (items.length === 0 && node.tail === undefined) return "()";
      return `(${items.join(" ")}${node.tail === undefined ? "" : ` . ${encodeDatum(node.tail)}`})`;
    }
  }
}

/**
 * The encodings of the data Guile reads from the top level of `nodes` (comments and the like read as nothing).
 *
 * @example encodeTopLevel(readDatums("(a) ; note\nb")) // ["(y:61)", "y:62"]
 */
export function encodeTopLevel(nodes: readonly Node[]): string[] {
  return nodes.filter(isDatum).map(encodeDatum);
}
