/**
 * The exact catalogue, from a real Guix: a script for `guix repl` (run through `guix time-machine`
 * for the pinned commits) walks every module's public interface and prints what it finds as one
 * datum of strings, which our reader reads back. Nothing is guessed: names, versions, outputs and
 * locations are the package records' own.
 */
import { readDatums, type Datum, type Node } from "@guix-ts/scheme-printer";
import { CATALOG_FORMAT, type Catalog, type CatalogBuildSystem, type CatalogPackage } from "./catalog.js";
import { CatalogError, namedFirst } from "./read-tree.js";

const MARK = ";; guix-ts catalog";

/**
 * The script `guix repl -- FILE` runs. It prints a line `;; guix-ts catalog`, then
 * `(packages ROW...)`, `(modules (MODULE NAME...)...)`, `(build-systems (VARIABLE MODULE KEYWORD...)...)`
 * `(uses ("MODULE" COUNT)...)` and `(problems "MODULE: why"...)`, every name a string.
 *
 * @example await writeFile("catalog.scm", CATALOG_REPL_SCRIPT) // then: guix time-machine -C channels.scm -- repl -- catalog.scm
 */
export const CATALOG_REPL_SCRIPT = `;; Written by guix-ts: what this Guix provides, printed as data for guix-ts to read.
(use-modules (guix packages) (guix discovery) (guix build-system) (guix diagnostics)
             (gnu packages) (ice-9 match) (ice-9 session) (srfi srfi-1))

;; Modules that do not load: "NAME: why", and their names, left out of what is printed.
(define problems '())
(define failed '())
(define (warn name args)
  (unless (member name failed)
    (set! failed (cons name failed))
    (set! problems
          (cons (string-append
                 (string-join (map symbol->string name) " ") ": "
                 (match args
                   ((key . rest)
                    (call-with-output-string
                      (lambda (port) (print-exception port #f key rest))))))
                problems))))

(define (module-string module)
  (string-join (map symbol->string (module-name module)) " "))

(define (public-bindings module)
  ;; (symbol . value) for every bound public variable, re-exports included. Module discovery
  ;; gives interfaces, which are their own public interface.
  (filter-map (lambda (entry) entry)
              (module-map (lambda (symbol variable)
                            (and (variable-bound? variable)
                                 (cons symbol (variable-ref variable))))
                          (or (module-public-interface module) module))))

(define (module-itself module)
  ;; The module behind an interface: its file, its private bindings.
  (resolve-module (module-name module) #:ensure #f))

(define guix-root
  (dirname (dirname (search-path %load-path "guix/packages.scm"))))

(define package-modules
  (all-modules (%package-module-path) #:warn warn))

(define roots
  ;; Guix's own tree and every channel's.
  (delete-duplicates
   (cons guix-root
         (map (match-lambda ((directory . _) directory) (directory directory))
              (%package-module-path)))))

(define (modules-under root sub-directory)
  (if (file-exists? (string-append root "/" sub-directory))
      (scheme-modules root sub-directory #:warn warn)
      '()))

(define modules
  (remove (lambda (module) (member (module-name module) failed))
          (delete-duplicates
           (append package-modules
                   (append-map (lambda (root)
                                 (append (modules-under root "guix")
                                         (modules-under root "gnu")))
                               roots))
           eq?)))

;; package -> ((module . symbol) ...), in the order found
(define found (make-hash-table))
(for-each (lambda (module)
            (for-each (match-lambda
                        ((symbol . value)
                         (when (package? value)
                           (hashq-set! found value
                                       (append (hashq-ref found value '())
                                               (list (cons module symbol)))))))
                      (public-bindings module)))
          package-modules)

(define (home-of package places)
  ;; The module whose file the package is defined in, else the first that exports it.
  (let* ((location (package-location package))
         (file (and location (location-file location)))
         (home (find (lambda (place)
                       (equal? (module-filename (module-itself (car place))) file))
                     places)))
    (car (or home (car places)))))

(define (variables-of package)
  (let* ((places (hashq-ref found package '()))
         (home (and (pair? places) (home-of package places))))
    (filter-map (lambda (place)
                  (and (eq? (car place) home) (symbol->string (cdr place))))
                places)))

(define (row package places)
  (let* ((home (home-of package places))
         (location (package-location package))
         (superseded (assq-ref (package-properties package) 'superseded)))
    (list (package-name package)
          (package-version package)
          (package-outputs package)
          (let ((synopsis (package-synopsis package)))
            (if (string? synopsis) synopsis #f))
          (if location
              (format #f "~a:~a:~a" (location-file location)
                      (location-line location) (location-column location))
              "")
          (module-string home)
          (variables-of package)
          (cond ((assq-ref (package-properties package) 'hidden?) "hidden")
                ((package? superseded)
                 ;; Its variable named as it, as guix-ts lists it, else any.
                 (let ((variables (variables-of superseded))
                       (name (package-name superseded)))
                   (list "superseded"
                         (cond ((member name variables) name)
                               ((pair? variables) (car variables))
                               (else name)))))
                (else #f)))))

(define (keywords-of procedure)
  (or (false-if-exception
       (map (match-lambda ((keyword . _) (symbol->string (keyword->symbol keyword))))
            (or (assq-ref (procedure-arguments procedure) 'keyword) '())))
      '()))

(define (build-procedure-keywords module)
  ;; The keywords of the module's *-build procedures, to which lower hands the arguments on.
  (append-map (match-lambda
                ((symbol . value)
                 (if (and (procedure? value)
                          (string-suffix? "-build" (symbol->string symbol)))
                     (keywords-of value)
                     '())))
              (module-map (lambda (symbol variable)
                            (cons symbol (and (variable-bound? variable)
                                              (variable-ref variable))))
                          (module-itself module))))

(define (build-systems-of module)
  (filter-map (match-lambda
                ((symbol . value)
                 (and (build-system? value)
                      (cons* (symbol->string symbol)
                             (module-string module)
                             (delete-duplicates
                              (append (keywords-of (build-system-lower value))
                                      (build-procedure-keywords module)))))))
              (public-bindings module)))

(newline)
(display "${MARK}")
(newline)
(write (cons 'packages
             (hash-map->list (lambda (package places) (row package places)) found)))
(newline)
(write (cons 'modules
             (map (lambda (module)
                    (cons (module-string module)
                          (sort (map (compose symbol->string car) (public-bindings module))
                                string<?)))
                  modules)))
(newline)
(write (cons 'build-systems (append-map build-systems-of modules)))
(newline)
(write (cons 'uses
             ;; ("MODULE" COUNT): how many of the modules import it
             (let ((counts (make-hash-table)))
               (for-each (lambda (module)
                           (for-each (lambda (name)
                                       (hash-set! counts name (+ 1 (hash-ref counts name 0))))
                                     (delete-duplicates
                                      (map module-string (module-uses (module-itself module))))))
                         modules)
               (hash-map->list list counts))))
(newline)
(write (cons 'problems (reverse problems)))
(newline)
`;

const strings = (node: Node | undefined): string[] =>
  node?.kind === "list" ? node.items.flatMap((i) => (i.kind === "string" ? [i.value] : [])) : [];
const text = (node: Node | undefined): string | undefined => (node?.kind === "string" ? node.value : undefined);

/** The package a row of the script's output is. */
function packageOf(row: Datum): CatalogPackage {
  if (row.kind !== "list") throw new CatalogError("guix repl printed a package that is not a list");
  const [name, version, outputs, synopsis, location, module, variables, flag] = row.items;
  const p: { -readonly [K in keyof CatalogPackage]: CatalogPackage[K] } = {
    name: text(name),
    version: text(version),
    outputs: strings(outputs),
    synopsis: text(synopsis),
    location: text(location) ?? "",
    module: text(module) ?? "",
    variables: namedFirst(text(name), strings(variables).sort()),
  };
  if (text(flag) === "hidden") p.hidden = true;
  else if (flag?.kind === "list") p.supersededBy = strings(flag)[1] ?? "";
  return p;
}

/**
 * The catalogue in what the script printed. Throws CatalogError when the output is not the script's.
 *
 * @example catalogFromRepl(stdout, { guix: "4fd32c00ab..." })
 */
export function catalogFromRepl(stdout: string, channels: Readonly<Record<string, string | undefined>>): Catalog {
  const at = stdout.lastIndexOf(MARK);
  if (at < 0) throw new CatalogError("guix repl did not print a catalogue (was the script run?)");
  const sections = new Map<string, Node[]>();
  try {
    for (const form of readDatums(stdout.slice(at + MARK.length)))
      if (form.kind === "list" && form.items[0]?.kind === "symbol")
        sections.set(form.items[0].name, form.items.slice(1));
  } catch (error) {
    throw new CatalogError(`guix repl printed what does not read: ${(error as Error).message.split("\n")[0]}`);
  }
  const [packages, modules, buildSystems] = ["packages", "modules", "build-systems"].map((s) => sections.get(s));
  if (!packages || !modules || !buildSystems) throw new CatalogError("guix repl printed part of a catalogue only");
  return {
    format: CATALOG_FORMAT,
    channels,
    packages: packages
      .flatMap((row) => (row.kind === "list" ? [packageOf(row)] : []))
      .sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0)),
    modules: Object.fromEntries(
      modules.flatMap((m) => {
        const [name = "", ...names] = strings(m);
        return name ? [[name, names] as const] : [];
      }),
    ),
    buildSystems: Object.fromEntries(
      buildSystems.flatMap((b) => {
        const [variable = "", module = "", ...keywords] = strings(b);
        return variable
          ? [[variable, { module, keywords: [...new Set(keywords)].sort() } satisfies CatalogBuildSystem]]
          : [];
      }),
    ),
    uses: Object.fromEntries(
      (sections.get("uses") ?? []).flatMap((u) => {
        const [module, count] = u.kind === "list" ? u.items : [];
        return module?.kind === "string" && count?.kind === "integer" ? [[module.value, Number(count.value)]] : [];
      }),
    ),
    problems: (sections.get("problems") ?? []).flatMap((p) =>
      p.kind === "string" ? [p.value.trim().split("\n")[0]!] : [],
    ),
  };
}
