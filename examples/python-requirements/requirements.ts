/**
 * An emitter a user might write: a Python project's `requirements.txt` as a Guix manifest, each
 * requirement mapped to Guix's `python-*` package (pinned versions kept as `@VERSION`). Its
 * property tests (`requirements.test.ts`) use `@guix-ts/testing`.
 */
import { manifestFileE, specificationsToManifest, type SchemeFile, type Validation } from "@guix-ts/core";

/** One requirement: its name as PyPI writes it, and the version it pins (`==`), if any. */
export interface Requirement {
  readonly name: string;
  readonly pinned?: string;
}

/**
 * The requirements of a `requirements.txt`: one a line, comments, blank lines, options (`-r`,
 * `--hash`...), extras and environment markers left out.
 *
 * @example parseRequirements("fastapi==0.110.0\nuvicorn[standard] >= 0.29 # server\n") // [{ name: "fastapi", pinned: "0.110.0" }, { name: "uvicorn" }]
 */
export function parseRequirements(text: string): Requirement[] {
  return text.split(/\r?\n/).flatMap((raw) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (line === "" || line.startsWith("-")) return [];
    const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:==\s*([A-Za-z0-9.+!-]+)(?=\s*(?:;|$)))?/.exec(
      line,
    );
    if (match === null) return [];
    return [{ name: match[1]!, ...(match[2] === undefined ? {} : { pinned: match[2] }) }];
  });
}

/**
 * The Guix package of a Python distribution: `python-` and its normalised name (PEP 503: lower
 * case, each run of `-`, `_` and `.` a single `-`), as Guix names them.
 *
 * @example guixName("Flask_SQLAlchemy") // "python-flask-sqlalchemy"
 */
export function guixName(name: string): string {
  const normalised = name.toLowerCase().replace(/[-_.]+/g, "-");
  return normalised.startsWith("python-") ? normalised : `python-${normalised}`;
}

/**
 * `requirements.txt` as a manifest: Python itself, then each requirement's package, each once.
 *
 * @example requirementsManifest("fastapi==0.110.0\n") // Right(file): (specifications->manifest (list "python" "python-fastapi@0.110.0"))
 */
export function requirementsManifest(text: string): Validation<SchemeFile> {
  const seen = new Set<string>();
  const specifications = ["python"];
  for (const r of parseRequirements(text)) {
    const name = guixName(r.name);
    if (seen.has(name)) continue;
    seen.add(name);
    specifications.push(r.pinned === undefined ? name : `${name}@${r.pinned}`);
  }
  // Standalone: the file imports what it uses, so `guix shell -m` and `guix pack -m` both take it.
  return manifestFileE({ manifest: specificationsToManifest(specifications), context: "standalone" });
}
