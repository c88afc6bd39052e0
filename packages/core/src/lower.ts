/**
 * Lowering: builder values to Scheme nodes, recording the modules each one
 * needs, in the order of first use.
 */
import * as S from "@guix-ts/scheme-printer";
import type { Datum, ListNode, Node } from "@guix-ts/scheme-printer";
import { licenseDatum, type License } from "./licenses.js";
import {
  isScheme,
  type ArgumentStyle,
  type ArgumentValue,
  type BuildSystem,
  type Channel,
  type GuixPackage,
  type InstallPlan,
  type Manifest,
  type Origin,
  type Package,
  type PackageInput,
  type PackageRef,
  type SearchPath,
  type Transformed,
} from "./values.js";

const { sym, str, list, quote } = S;
const call = (head: string, ...args: Node[]): ListNode => list([sym(head), ...args]);
const strings = (items: readonly string[]): ListNode => list(items.map((s) => str(s)));

function isPackageValue(value: ArgumentValue): value is Package | GuixPackage | Transformed {
  const kind = (value as { kind?: string }).kind;
  return kind === "package" || kind === "guix-package" || kind === "transformed";
}

export interface LowerOptions {
  /** Prefix for license variables, imported with `#:prefix` (`"license:"`); none by default. */
  readonly licensePrefix?: string;
}

/** One lowering: the modules used so far and the variable of each package defined in the file. */
export class Lowering {
  /** Module name ("guix packages") to its `use-modules` clause, in the order of first use. */
  readonly modules = new Map<string, Node>();
  readonly licensePrefix: string;

  constructor(
    options: LowerOptions,
    /** The variable each package defined in the file is bound to. */
    readonly variables: ReadonlyMap<Package, string> = new Map(),
  ) {
    this.licensePrefix = options.licensePrefix ?? "";
  }

  use(module: readonly string[], prefix?: string): void {
    const key = module.join(" ");
    if (this.modules.has(key)) return;
    const name = list(module.map((p) => sym(p)));
    this.modules.set(key, prefix ? list([name, S.kw("prefix"), sym(prefix)]) : name);
  }

  packageRef(ref: PackageRef): Node {
    if (isScheme(ref)) return ref;
    switch (ref.kind) {
      case "package": {
        const variable = this.variables.get(ref);
        return variable === undefined ? this.package(ref) : sym(variable);
      }
      case "guix-package":
        this.use(ref.module);
        return sym(ref.variable);
      case "transformed": {
        this.use(["guix", "transformations"]);
        const options = list(ref.options.map((o) => S.dotted([sym(o.option)], str(o.value))));
        return list([call("options->transformation", quote(options)), this.packageRef(ref.package)]);
      }
    }
  }

  input(input: PackageInput): Node {
    if (Array.isArray(input)) {
      const [ref, output] = input as readonly [PackageRef, string];
      return call("list", this.packageRef(ref), str(output));
    }
    return this.packageRef(input as PackageRef);
  }

  /** `(package (name ...) ...)`, fields in the order Guix code usually has them. */
  package(p: Package): Node {
    this.use(["guix", "packages"]);
    const fields: Node[] = [call("name", str(p.name)), call("version", str(p.version))];
    fields.push(
      call("source", p.source === undefined ? S.bool(false) : isScheme(p.source) ? p.source : this.origin(p.source)),
    );
    if (p.outputs !== undefined) fields.push(call("outputs", quote(strings(p.outputs))));
    fields.push(...this.buildSystem(p.buildSystem));
    const inputs: [string, readonly PackageInput[]][] = [
      ["native-inputs", p.nativeInputs],
      ["inputs", p.inputs],
      ["propagated-inputs", p.propagatedInputs],
    ];
    for (const [field, items] of inputs) {
      if (items.length > 0) fields.push(call(field, call("list", ...items.map((i) => this.input(i)))));
    }
    if (p.nativeSearchPaths !== undefined)
      fields.push(call("native-search-paths", this.searchPaths(p.nativeSearchPaths)));
    if (p.searchPaths !== undefined) fields.push(call("search-paths", this.searchPaths(p.searchPaths)));
    fields.push(
      call("synopsis", str(p.synopsis)),
      call("description", str(p.description)),
      call("home-page", str(p.homePage)),
    );
    fields.push(call("license", this.license(p.license)));
    if (p.properties !== undefined) {
      const alist = Object.entries(p.properties).map(([k, v]) =>
        S.dotted([sym(k)], typeof v === "string" ? str(v) : typeof v === "number" ? S.int(v) : S.bool(v)),
      );
      fields.push(call("properties", quote(list(alist))));
    }
    if (p.supportedSystems !== undefined) fields.push(call("supported-systems", quote(strings(p.supportedSystems))));
    return call("package", ...fields);
  }

  private license(license: License | readonly License[]): Node {
    this.use(["guix", "licenses"], this.licensePrefix || undefined);
    if (Array.isArray(license))
      return call("list", ...(license as readonly License[]).map((l) => licenseDatum(l, this.licensePrefix)));
    return licenseDatum(license as License, this.licensePrefix);
  }

  private searchPaths(paths: readonly SearchPath[]): Node {
    return call(
      "list",
      ...paths.map((sp) => {
        const fields = [call("variable", str(sp.variable)), call("files", quote(strings(sp.files)))];
        if (sp.separator !== undefined)
          fields.push(call("separator", sp.separator === null ? S.bool(false) : str(sp.separator)));
        if (sp.fileType !== undefined) fields.push(call("file-type", quote(sym(sp.fileType))));
        if (sp.filePattern !== undefined) fields.push(call("file-pattern", str(sp.filePattern)));
        return call("search-path-specification", ...fields);
      }),
    );
  }

  origin(o: Origin): Node {
    this.use(["guix", "packages"]);
    this.use(o.method.module);
    const fields: Node[] = [call("method", sym(o.method.name))];
    const uri = o.uri;
    if (typeof uri === "string") fields.push(call("uri", str(uri)));
    else if (Array.isArray(uri))
      fields.push(call("uri", call("list", ...(uri as readonly string[]).map((u) => str(u)))));
    else if (isScheme(uri)) fields.push(call("uri", uri));
    else {
      const ref = uri as Exclude<Origin["uri"], string | readonly string[] | Node>;
      const parts = [
        call("url", str(ref.url)),
        // Validation guarantees a commit by now.
        call("commit", typeof ref.commit === "string" ? str(ref.commit) : ref.commit!),
      ];
      if (ref.recursive) parts.push(call("recursive?", S.bool(true)));
      fields.push(call("uri", call("git-reference", ...parts)));
    }
    if (o.fileName !== undefined)
      fields.push(call("file-name", typeof o.fileName === "string" ? str(o.fileName) : o.fileName));
    fields.push(call("sha256", call("base32", str(o.sha256 ?? ""))));
    if (o.patches !== undefined && o.patches.length > 0) {
      fields.push(
        call(
          "patches",
          call("list", ...o.patches.map((p) => (typeof p === "string" ? call("local-file", str(p)) : p))),
        ),
      );
    }
    if (o.modules !== undefined)
      fields.push(call("modules", quote(list(o.modules.map((m) => list(m.map((p) => sym(p))))))));
    if (o.snippet !== undefined) fields.push(call("snippet", o.snippet));
    return call("origin", ...fields);
  }

  private buildSystem(bs: BuildSystem): Node[] {
    this.use(["guix", "build-system", bs.name]);
    const fields = [call("build-system", sym(`${bs.name}-build-system`))];
    if (bs.arguments.length === 0) return fields;
    const args = bs.arguments.flatMap(([keyword, value]) => [S.kw(keyword), this.argument(value, bs.style)]);
    if (bs.style === "modern") fields.push(call("arguments", call("list", ...args)));
    // Packages are values to evaluate: the quoted style then takes a quasiquote with them unquoted.
    else if (bs.arguments.some(([, v]) => isPackageValue(v))) fields.push(call("arguments", S.quasiquote(list(args))));
    else fields.push(call("arguments", quote(list(args))));
    return fields;
  }

  private argument(value: ArgumentValue, style: ArgumentStyle): Node {
    if (isPackageValue(value)) {
      const ref = this.packageRef(value);
      return style === "quoted" ? S.unquote(ref as Datum) : ref;
    }
    if (typeof value === "boolean") return S.bool(value);
    if (typeof value === "number") return Number.isInteger(value) ? S.int(value) : S.real(value);
    if (typeof value === "string") return str(value);
    if (Array.isArray(value)) return quote(strings(value as readonly string[]));
    if (isScheme(value)) return value;
    const plan = list((value as InstallPlan).entries.map((e) => this.installPlanEntry(e)));
    return style === "quoted" ? quote(plan) : S.gexp(quote(plan));
  }

  private installPlanEntry(e: InstallPlan["entries"][number]): Node {
    const items: Node[] = [str(e.source), str(e.target)];
    const filters: [string, readonly string[] | undefined][] = [
      ["include", e.include],
      ["exclude", e.exclude],
      ["include-regexp", e.includeRegexp],
      ["exclude-regexp", e.excludeRegexp],
    ];
    for (const [keyword, values] of filters) if (values !== undefined) items.push(S.kw(keyword), strings(values));
    if (e.output !== undefined) items.push(S.kw("output"), str(e.output));
    return list(items);
  }

  manifest(m: Manifest): Node {
    if (isScheme(m)) return m;
    switch (m.kind) {
      case "specifications-manifest":
        return call("specifications->manifest", call("list", ...m.specifications.map((s) => str(s))));
      case "packages-manifest":
        return call("packages->manifest", call("list", ...m.packages.map((p) => this.input(p))));
      case "concatenated-manifest":
        return call("concatenate-manifests", call("list", ...m.manifests.map((sub) => this.manifest(sub))));
      case "development-manifest":
        return call("package->development-manifest", this.packageRef(m.package));
    }
  }

  channel(c: Channel): Node {
    const fields: Node[] = [call("name", quote(sym(c.name))), call("url", str(c.url))];
    if (c.branch !== undefined) fields.push(call("branch", str(c.branch)));
    if (c.commit !== undefined) fields.push(call("commit", str(c.commit)));
    if (c.introduction !== undefined) {
      fields.push(
        call(
          "introduction",
          call(
            "make-channel-introduction",
            str(c.introduction.commit),
            call("openpgp-fingerprint", str(c.introduction.signer)),
          ),
        ),
      );
    }
    return call("channel", ...fields);
  }
}
