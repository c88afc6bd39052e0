/**
 * The real Guile as an oracle: reads many printed files in one process and
 * writes back, for each datum, a canonical encoding that `encodeDatum`
 * computes on our side. Comparing the two shows that Guile reads exactly the
 * datum we meant.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatReal, isDatum, type Datum, type Node } from "@guix-ts/scheme-printer";

export const GUILE = process.env.GUILE ?? "guile";

// The #~ #$ #+ readers of (guix gexp), which plain Guile lacks.
const SCRIPT = String.raw`
(use-modules (ice-9 rdelim) (rnrs bytevectors) (srfi srfi-1))
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
(for-each
 (lambda (file)
   (call-with-input-file file
     (lambda (port)
       (let loop ()
         (let ((d (read port)))
           (unless (eof-object? d)
             (display (enc d)) (newline)
             (loop)))))
     #:encoding "UTF-8")
   (display "--") (newline))
 (call-with-input-file (cadr (command-line))
   (lambda (port)
     (let loop ((files '()))
       (let ((line (read-line port)))
         (if (eof-object? line) (reverse files) (loop (cons line files))))))))
`;

function hexes(text: string): string {
  return [...text].map((c) => c.codePointAt(0)!.toString(16)).join(",");
}

/** The encoding the script above gives for the datum Guile reads from `node`'s text. */
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

/** The encodings of the data Guile reads from the top level of `nodes` (comments and the like read as nothing). */
export function encodeTopLevel(nodes: readonly Node[]): string[] {
  return nodes.filter(isDatum).map(encodeDatum);
}

/** Have one Guile process read every text and return, for each, the encodings of the data it read. */
export function guileRead(texts: readonly string[]): string[][] {
  const dir = mkdtempSync(join(tmpdir(), "guix-ts-guile-"));
  try {
    const script = join(dir, "read.scm");
    writeFileSync(script, SCRIPT);
    const files = texts.map((text, i) => {
      const file = join(dir, `${i}.scm`);
      writeFileSync(file, text);
      return file;
    });
    const list = join(dir, "files");
    writeFileSync(list, files.join("\n") + "\n");
    const result = spawnSync(GUILE, ["--no-auto-compile", "-s", script, list], {
      encoding: "utf8",
      maxBuffer: 1 << 30,
    });
    if (result.status !== 0) throw new Error(`guile failed (${result.status}): ${result.stderr.slice(-2000)}`);
    const out = result.stdout;
    const results = out.split("--\n").slice(0, texts.length);
    return results.map((chunk) => chunk.split("\n").filter((l) => l !== ""));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
