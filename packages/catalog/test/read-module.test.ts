// Reading one module statically: its public names, its packages' fields, its build systems.
import { describe, expect, it } from "vitest";
import { readModule } from "@guix-ts/catalog";

describe("readModule", () => {
  it("public names from #:export (renamed too), #:re-export, #:replace and the define-*-public forms", () => {
    const facts = readModule(
      `(define-module (gnu packages demo)
  #:export (a (internal . external))
  #:re-export (b)
  #:replace (c))
(define-public d 1)
(define*-public (e #:key x) x)
(define-syntax-public f (syntax-rules () ((_ x) x)))
(define private 2)`,
      "gnu/packages/demo.scm",
    );
    expect(facts?.module).toBe("gnu packages demo");
    expect([...facts!.exports].sort()).toEqual(["a", "b", "c", "d", "e", "external", "f"]);
  });

  it("versions computed as Guix computes them; a procedure's package left unknown; not a module: undefined", () => {
    const facts = readModule(
      `(define-module (gnu packages v))
(define %base "2.0")
(define-public x
  (let ((commit "abcdef0123456789") (revision "4"))
    (package (name (string-append "x" "-" "tool")) (version (git-version %base revision commit)))))
(define-public y (make-y "1"))
(define-public z (lambda () 1))`,
      "gnu/packages/v.scm",
    )!;
    expect(facts.packages.map((p) => [p.variables[0], p.name, p.version, p.opaque ?? false])).toEqual([
      ["x", { text: "x-tool" }, { text: "2.0-4.abcdef0" }, false],
      ["y", undefined, undefined, true],
    ]);
    expect(readModule("(display 1)", "script.scm")).toBeUndefined();
  });

  it("a build system's keywords: its lower's #:key names and those of its build procedure", () => {
    const facts = readModule(
      `(define-module (guix build-system tiny) #:export (tiny-build-system))
(define* (lower name #:key source inputs (tiny (default-tiny)) #:allow-other-keys #:rest arguments) #f)
(define* (tiny-build name inputs #:key (tests? #t) (make-flags ''())) #f)
(define tiny-build-system (build-system (name 'tiny) (description "t") (lower lower)))`,
      "guix/build-system/tiny.scm",
    )!;
    expect(facts.buildSystems).toEqual([
      { variable: "tiny-build-system", keywords: ["inputs", "make-flags", "source", "tests?", "tiny"] },
    ]);
  });
});
