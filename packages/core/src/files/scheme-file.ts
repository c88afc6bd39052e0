/**
 * Whole files: manifest.scm and channels.scm, as data, then text. Nothing is
 * made from input that does not validate; every problem is reported at once.
 */
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { blankLines, list, printDatums, sym, type Node } from "@guix-ts/scheme-printer";
import { Lowering, type LowerOptions } from "../lower.js";
import { validateChannels, validateManifest } from "../validate.js";
import { GuixValidationError, orThrow, type Validation } from "../validation.js";
import { isScheme, type Channel, type Manifest, type Package } from "../values.js";
import { guixVariablesUsed, packagesInDependencyOrder } from "../walk.js";
import { applyLock, applyLockToChannels, type LockFile } from "../pinning/lock.js";
import { writeFileAtomic } from "./atomic-write.js";

/** A file's forms and its text, as `guix style` lays it out. */
export interface SchemeFile {
  readonly kind: "scheme-file";
  readonly nodes: readonly Node[];
  readonly text: string;
}

/**
 * Where a manifest is loaded: `"guix-cli"` by `guix pack/build/shell -m`,
 * which provides `(guix profiles)`, `(gnu packages)` and `(guix gexp)`;
 * `"standalone"` for plain `guile`, which has nothing.
 */
export type ManifestContext = "guix-cli" | "standalone";

const PROVIDED: Record<ManifestContext, ReadonlySet<string>> = {
  "guix-cli": new Set(["guix profiles", "gnu packages", "guix gexp"]),
  standalone: new Set(),
};

// The modules of the procedures a manifest or channels file calls without a builder knowing it.
const MANIFEST_PROCEDURES: Record<string, readonly string[]> = {
  "specifications-manifest": ["gnu", "packages"],
  "packages-manifest": ["guix", "profiles"],
  "concatenated-manifest": ["guix", "profiles"],
  "development-manifest": ["guix", "profiles"],
};

export interface ManifestFileOptions extends LowerOptions {
  readonly manifest: Manifest;
  readonly context?: ManifestContext;
  /** Commits and hashes of git sources pinned by `guix-ts lock` ({@link readLock}). */
  readonly lock?: LockFile;
}

/** A variable for each package: its name, made unique against the others and Guix's variables in the file. */
function variableNames(packages: readonly Package[], taken: Set<string>): Map<Package, string> {
  const variables = new Map<Package, string>();
  for (const p of packages) {
    let name = p.name;
    if (taken.has(name)) name = `${p.name}-${p.version}`;
    for (let n = 2; taken.has(name); n++) name = `${p.name}-${n}`;
    taken.add(name);
    variables.set(p, name);
  }
  return variables;
}

function useModules(lowering: Lowering, provided: ReadonlySet<string>): Node | undefined {
  const clauses = [...lowering.modules].filter(([key]) => !provided.has(key)).map(([, clause]) => clause);
  return clauses.length === 0 ? undefined : list([sym("use-modules"), ...clauses]);
}

/** Whether the forms use `(guix gexp)`: a gexp, or `local-file` (patches). */
function usesGexp(nodes: readonly Node[]): boolean {
  const visit = (node: Node): boolean => {
    switch (node.kind) {
      case "prefixed":
        return node.prefix.includes("gexp") || visit(node.datum);
      case "list":
        return node.items.some(visit) || (node.tail !== undefined && visit(node.tail));
      case "vector":
        return node.items.some(visit);
      case "symbol":
        return node.name === "local-file";
      default:
        return false;
    }
  };
  return nodes.some(visit);
}

function usesManifestProcedures(m: Manifest, lowering: Lowering): void {
  if (isScheme(m)) return;
  lowering.use(MANIFEST_PROCEDURES[m.kind]!);
  if (m.kind === "concatenated-manifest") m.manifests.forEach((sub) => usesManifestProcedures(sub, lowering));
}

function fileOf(forms: readonly Node[]): SchemeFile {
  const nodes = forms.flatMap((form, i) => (i === 0 ? [form] : [blankLines(), form]));
  return Object.freeze({ kind: "scheme-file", nodes: Object.freeze(nodes), text: printDatums(nodes) });
}

/**
 * A manifest file: `(use-modules ...)` for what it uses (nothing the context
 * provides), a `(define NAME (package ...))` for each package built with
 * `pkg()`, dependencies first, then the manifest.
 */
export function manifestFileE(options: ManifestFileOptions): Validation<SchemeFile> {
  const manifest = options.lock === undefined ? options.manifest : applyLock(options.manifest, options.lock);
  return pipe(
    validateManifest(manifest),
    E.map((manifest) => {
      const packages = packagesInDependencyOrder(manifest);
      const variables = variableNames(packages, guixVariablesUsed(manifest, packages));
      const lowering = new Lowering(options, variables);
      const defines = packages.map((p) => list([sym("define"), sym(variables.get(p)!), lowering.package(p)]));
      const body = lowering.manifest(manifest);
      usesManifestProcedures(manifest, lowering);
      if (usesGexp([...defines, body])) lowering.use(["guix", "gexp"]);
      const imports = useModules(lowering, PROVIDED[options.context ?? "guix-cli"]);
      return fileOf([...(imports ? [imports] : []), ...defines, body]);
    }),
  );
}

/** {@link manifestFileE}, throwing a {@link GuixValidationError} that lists every problem. */
export function manifestFile(options: ManifestFileOptions): SchemeFile {
  return orThrow(manifestFileE(options));
}

export interface ChannelsFileOptions {
  readonly channels: readonly Channel[];
  /** Commits of channels given a branch, pinned by `guix-ts lock`. */
  readonly lock?: LockFile;
  /** Add the channels on top of Guix's own (`%default-channels`) instead of replacing them. */
  readonly withDefaultChannels?: boolean;
}

/** A channels file: `(list (channel ...) ...)`, or the channels `cons`ed onto `%default-channels`. */
export function channelsFileE(options: ChannelsFileOptions): Validation<SchemeFile> {
  return pipe(
    validateChannels(
      options.lock === undefined ? options.channels : applyLockToChannels(options.channels, options.lock),
    ),
    E.map((channels) => {
      const lowering = new Lowering({});
      const forms = channels.map((c) => lowering.channel(c));
      if (!options.withDefaultChannels) return fileOf([list([sym("list"), ...forms])]);
      return fileOf([list([sym(forms.length === 1 ? "cons" : "cons*"), ...forms, sym("%default-channels")])]);
    }),
  );
}

/** {@link channelsFileE}, throwing a {@link GuixValidationError} that lists every problem. */
export function channelsFile(options: ChannelsFileOptions): SchemeFile {
  return orThrow(channelsFileE(options));
}

/**
 * Write a file atomically. Given a failed validation it writes nothing and
 * throws a {@link GuixValidationError} listing every problem.
 */
export async function writeFile(path: string, file: SchemeFile | Validation<SchemeFile>): Promise<void> {
  const resolved = "kind" in file ? file : E.isLeft(file) ? undefined : file.right;
  if (resolved === undefined) throw new GuixValidationError((file as E.Left<GuixValidationError["problems"]>).left);
  await writeFileAtomic(path, resolved.text);
}
