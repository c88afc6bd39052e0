/** Time Guile 3.0 on the same work, in the same run: its `write`, `(ice-9 pretty-print)` and `read`. */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const SCRIPT = String.raw`
(use-modules (ice-9 pretty-print) (ice-9 rdelim) (ice-9 textual-ports))
(read-hash-extend #\~ (lambda (c p) (list 'gexp (read p))))
(read-hash-extend #\$ (lambda (c p) (list 'ungexp (read p))))
(read-hash-extend #\+ (lambda (c p) (list 'ungexp-native (read p))))
(define (ms thunk)
  (let ((start (get-internal-real-time)))
    (thunk)
    (exact->inexact (/ (* 1000 (- (get-internal-real-time) start)) internal-time-units-per-second))))
(define (read-all port)
  (let loop ((acc '()))
    (let ((d (read port)))
      (if (eof-object? d) (reverse acc) (loop (cons d acc))))))
(define (best n thunk) (apply min (map (lambda (_) (ms thunk)) (iota n))))
(define what (cadr (command-line)))
(define file (caddr (command-line)))
(define text (call-with-input-file file get-string-all #:encoding "UTF-8"))
(cond
 ((string=? what "read")
  (display (best 3 (lambda () (read-all (open-input-string text))))))
 ((string=? what "print")
  (let ((forms (read-all (open-input-string text))))
    (display (best 3 (lambda () (call-with-output-string (lambda (port) (for-each (lambda (f) (write f port) (newline port)) forms))))))
    (display " ")
    (display (ms (lambda () (call-with-output-string (lambda (port) (for-each (lambda (f) (pretty-print f port)) forms)))))))))
(newline)
`;

export function guileTimes(dir: string, what: "read" | "print", file: string): number[] {
  const script = join(dir, "bench.scm");
  writeFileSync(script, SCRIPT);
  const result = spawnSync("guile", ["--no-auto-compile", "-s", script, what, file], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`guile failed: ${result.stderr}`);
  return result.stdout.trim().split(/\s+/).map(Number);
}
