/**
 * Lowering: checked values to Scheme nodes, in one pass that also records the modules the nodes
 * need, in the order of first use (and `(guix gexp)` when a gexp or `local-file` appears, in the
 * builders' output or in Scheme the user wrote).
 */
import * as S from "@guix-ts/scheme-printer";
import type { Datum, ListNode, Node } from "@guix-ts/scheme-printer";
import type {
  CheckedArgument,
  CheckedBuildSystem,
  CheckedKeywordArguments,
  CheckedLabeledInput,
  CheckedQuasiquotedOutput,
  CheckedChannel,
  CheckedInput,
  CheckedManifestNode,
  CheckedDefinition,
  CheckedOrigin,
  CheckedPackage,
  CheckedPackageFromProcedure,
  CheckedPackageRef,
  CheckedVariant,
  CheckedVariantInputs,
} from "./checked.js";
import { preferredExporter, type GuixKnowledge } from "./knowledge.js";
import { licenseDatum, type License } from "./licenses.js";
import { isExpression } from "./expressions.js";
import { properties } from "./package.js";
import {
  isScheme,
  PACKAGE_PROCEDURES,
  PACKAGE_REF_KINDS,
  type AnySearchPath,
  type ArgumentStyle,
  type Definition,
  type Expression,
  type Layout,
  type Bindings,
  type InstallPlan,
} from "./values.js";

const { sym, str, list, quote } = S;
const call = (head: string, ...args: Node[]): ListNode => list([sym(head), ...args]);
const strings = (items: readonly string[]): ListNode => list(items.map((s) => str(s)));

const GEXP_MODULE = ["guix", "gexp"];

// The modules of the procedures a manifest calls without a builder naming them.
const MANIFEST_PROCEDURES: Record<Exclude<CheckedManifestNode, Node>["kind"], readonly string[]> = {
  "specifications-manifest": ["gnu", "packages"],
  "packages-manifest": ["guix", "profiles"],
  "concatenated-manifest": ["guix", "profiles"],
  "development-manifest": ["guix", "profiles"],
};

function isPackageValue(value: CheckedArgument): value is Exclude<CheckedPackageRef, Node> {
  return PACKAGE_REF_KINDS.has((value as { kind?: string }).kind ?? "");
}

const fieldName = (field: Node): string | undefined => {
  const head = field.kind === "list" ? field.items[0] : undefined;
  return head?.kind === "symbol" ? head.name : undefined;
};

/**
 * Fields in the order given by their names (a stable sort: the unnamed ones last, as they were),
 * each after the comment lines given for it.
 */
function ordered(fields: readonly Node[], record: Layout): Node[] {
  const { order, comments, marginComments, innerComments, blankLinesBefore } = record;
  const rank = (field: Node): number => {
    const at = order === undefined ? -1 : order.indexOf(fieldName(field) ?? "");
    return at < 0 ? (order?.length ?? 0) : at;
  };
  const sorted = order === undefined ? [...fields] : [...fields].sort((a, b) => rank(a) - rank(b));
  if (Object.values({ comments, marginComments, innerComments, blankLinesBefore }).every((v) => v === undefined))
    return sorted;
  return sorted.flatMap((field) => {
    const name = fieldName(field) ?? "";
    const after = marginComments?.[name];
    const inner = innerComments?.[name];
    return [
      ...(blankLinesBefore?.includes(name) ? [S.blankLines(1)] : []),
      ...(comments?.[name] ?? []).map((c) => S.comment(c)),
      inner !== undefined && field.kind === "list"
        ? list([field.items[0]!, ...inner.map((c) => S.comment(c)), ...field.items.slice(1)])
        : field,
      ...(after !== undefined ? [S.comment(after, { margin: true })] : []),
    ];
  });
}

const isLabeled = (input: CheckedInput): input is CheckedLabeledInput =>
  typeof input === "object" && !Array.isArray(input) && (input as { kind?: string }).kind === "labeled-input";

/** `(let ((VARIABLE VALUE) ...) FORM)` when there are bindings; FORM as it is otherwise. */
function bound(form: Node, bindings: Bindings | undefined, value: (v: Bindings[number][1]) => Node): Node {
  if (bindings === undefined || bindings.length === 0) return form;
  return call("let", list(bindings.map(([name, v]) => list([sym(name), value(v) as Datum]))), form);
}

/** The accessor of a package's inputs field, for `modify-inputs`. */
const INPUT_ACCESSORS = {
  nativeInputs: ["native-inputs", "package-native-inputs"],
  inputs: ["inputs", "package-inputs"],
  propagatedInputs: ["propagated-inputs", "package-propagated-inputs"],
} as const;

/** Whether Scheme written by the user needs `(guix gexp)`: a gexp, or `local-file`. */
function usesGexp(node: Node): boolean {
  switch (node.kind) {
    case "prefixed":
      return node.prefix.includes("gexp") || usesGexp(node.datum);
    case "list":
      return node.items.some(usesGexp) || (node.tail !== undefined && usesGexp(node.tail));
    case "vector":
      return node.items.some(usesGexp);
    case "symbol":
      return node.name === "local-file";
    default:
      return false;
  }
}

/** How builder values are written: the prefix of license variables. */
export interface LowerOptions {
  /** Prefix for license variables, imported with `#:prefix` (`"license:"`); none by default. */
  readonly licensePrefix?: string;
}

/** One lowering: the modules used so far and the variable of each package defined in the file. */
export class Lowering {
  /** Module name ("guix packages") to its `use-modules` clause, in the order of first use. */
  private readonly modules = new Map<string, Node>();
  private usesGexp = false;
  private readonly licensePrefix: string;

  constructor(
    options: LowerOptions,
    /** The variable each package defined in the file is bound to. */
    private readonly variables: ReadonlyMap<CheckedDefinition, string> = new Map(),
  ) {
    this.licensePrefix = options.licensePrefix ?? "";
  }

  private use(module: readonly string[], prefix?: string): void {
    const key = module.join(" ");
    if (this.modules.has(key)) return;
    const name = list(module.map((p) => sym(p)));
    this.modules.set(key, prefix ? list([name, S.kw("prefix"), sym(prefix)]) : name);
  }

  /**
   * Import, for each free variable of the file, a module that exports it when none imported (nor
   * `provided`) does: `pypi-uri` brings `(guix build-system python)`. Among several, a `(guix ...)`
   * module first, then the shortest name, then the first in order: the same file every time.
   */
  useExporters(free: Iterable<string>, knowledge: GuixKnowledge, provided: ReadonlySet<string>): void {
    const exporters = new Map<string, string[]>();
    for (const [module, names] of knowledge.modules)
      for (const name of names) exporters.set(name, [...(exporters.get(name) ?? []), module]);
    for (const name of free) {
      const candidates = exporters.get(name);
      if (candidates === undefined || candidates.some((m) => this.modules.has(m) || provided.has(m))) continue;
      this.use(preferredExporter(knowledge, name, candidates).split(" "));
    }
  }

  /** A node the user wrote, as it is. */
  private scheme<T extends Node>(node: T): T {
    if (!this.usesGexp && usesGexp(node)) this.usesGexp = true;
    return node;
  }

  /**
   * The `use-modules` clauses, in the order of first use, leaving out `provided`; the modules of the
   * manifest's own procedures come after those of what it holds, `(guix gexp)` last.
   */
  useModules(provided: ReadonlySet<string>, manifest?: CheckedManifestNode): Node[] {
    const procedures = (m: CheckedManifestNode): void => {
      if (isScheme(m)) return;
      this.use(MANIFEST_PROCEDURES[m.kind]);
      if (m.kind === "concatenated-manifest") m.manifests.forEach(procedures);
    };
    if (manifest !== undefined) procedures(manifest);
    if (this.usesGexp) this.use(GEXP_MODULE);
    return [...this.modules].filter(([key]) => !provided.has(key)).map(([, clause]) => clause);
  }

  private packageRef(ref: CheckedPackageRef): Node {
    if (isScheme(ref)) return this.scheme(ref);
    switch (ref.kind) {
      case "package":
      case "package-variant": {
        const variable = this.variables.get(ref);
        return variable === undefined ? this.definition(ref) : sym(variable);
      }
      case "guix-package":
        this.use(ref.module);
        return sym(ref.variable);
      case "package-variable":
        return sym(ref.variable);
      case "package-procedure":
        return this.packageFromProcedure(ref);
      case "transformed": {
        this.use(["guix", "transformations"]);
        const options = list(ref.options.map((o) => S.dotted([sym(o.option)], str(o.value))));
        return list([call("options->transformation", quote(options)), this.packageRef(ref.package)]);
      }
    }
  }

  /** `(list INPUT...)`; with a list of inputs last (`(cargo-inputs 'x)`), `(cons* INPUT... LIST)`. */
  private inputList(inputs: readonly CheckedInput[]): Node {
    // No inputs (a variant dropping its parent's): `'()`, as Guix code writes it.
    if (inputs.length === 0) return quote(list([]));
    if (inputs.some(isLabeled)) return S.quasiquote(list(inputs.map((i) => this.input(i) as Datum)));
    const last = inputs.at(-1);
    if (!isExpression(last) || !last.splice) return call("list", ...inputs.map((i) => this.input(i)));
    const nodes = inputs.map((i) => this.input(i));
    return nodes.length === 1 ? nodes[0]! : call(nodes.length === 2 ? "cons" : "cons*", ...nodes);
  }

  /** `(PROCEDURE PACKAGE ...)`: a toolchain as Guix's label list, patches as local files. */
  private packageFromProcedure(ref: CheckedPackageFromProcedure): Node {
    this.use(PACKAGE_PROCEDURES[ref.procedure]);
    const pkg = this.packageRef(ref.package);
    const [first] = ref.arguments;
    switch (ref.procedure) {
      case "package-with-c-toolchain":
        return call(
          ref.procedure,
          pkg,
          S.quasiquote(
            list([list([str("toolchain"), S.unquote(this.packageRef(first as CheckedPackageRef) as Datum)])]),
          ),
        );
      case "package-with-patches":
      case "package-with-extra-patches": {
        if (!Array.isArray(first)) return call(ref.procedure, pkg, this.argument(first!, "modern"));
        this.usesGexp = true;
        return call(ref.procedure, pkg, call("list", ...(first as string[]).map((f) => call("local-file", str(f)))));
      }
      default:
        return call(ref.procedure, pkg, ...ref.arguments.map((a) => this.argument(a, "modern")));
    }
  }

  private input(input: CheckedInput): Node {
    if (isExpression(input)) return this.expression(input);
    // Inside the quasiquoted list of labeled inputs: `("label" ,package ["output"])`.
    if (isLabeled(input))
      return list([
        str(input.label),
        S.unquote(this.packageRef(input.package) as Datum),
        ...(input.output === undefined ? [] : [str(input.output)]),
      ]);
    if ((input as { kind?: string }).kind === "quasiquoted-output") {
      const { package: ref, output } = input as CheckedQuasiquotedOutput;
      return S.quasiquote(list([S.unquote(this.packageRef(ref) as Datum), str(output)]));
    }
    if (!Array.isArray(input)) return this.packageRef(input as CheckedPackageRef);
    const [ref, output] = input as readonly [CheckedPackageRef, string];
    return call("list", this.packageRef(ref), str(output));
  }

  /** `(define NAME VALUE)` of a file's own. */
  topLevel(d: Definition): Node {
    return call("define", sym(d.name), this.textOrCode(d.value));
  }

  /** What `(define NAME ...)` binds: a package, or a variant of one. */
  definition(d: CheckedDefinition): Node {
    return d.kind === "package" ? this.package(d) : this.variant(d);
  }

  /**
   * `(package (inherit PARENT) FIELD...)` or `(package/inherit PARENT FIELD...)`: the fields set, in
   * the order Guix code has them; inputs modified and arguments substituted from the parent's.
   */
  private variant(v: CheckedVariant): Node {
    this.use(["guix", "packages"]);
    const parent = this.packageRef(v.parent);
    const fields: Node[] = v.style === "inherit" ? [call("inherit", parent)] : [];
    if (v.name !== undefined) fields.push(call("name", str(v.name)));
    if (v.version !== undefined) fields.push(call("version", this.textOrCode(v.version)));
    if (v.replacement !== undefined)
      fields.push(call("replacement", v.replacement === false ? S.bool(false) : this.packageRef(v.replacement)));
    if (v.source !== undefined)
      fields.push(call("source", isScheme(v.source) ? this.scheme(v.source) : this.origin(v.source)));
    if (v.outputs !== undefined) fields.push(call("outputs", quote(strings(v.outputs))));
    const buildSystem = v.buildSystem === undefined ? [] : this.buildSystem(v.buildSystem);
    fields.push(...buildSystem);
    if (v.arguments !== undefined && isScheme(v.arguments)) fields.push(call("arguments", this.scheme(v.arguments)));
    else if (v.arguments?.kind === "keyword-arguments") fields.push(this.arguments(v.arguments));
    else if (v.arguments !== undefined) {
      this.use(["guix", "utils"]);
      const clauses = v.arguments.clauses.map((c) =>
        list([
          list([
            S.kw(c.keyword),
            sym(c.variable ?? "_"),
            ...(c.default !== undefined ? [this.argument(c.default, "modern")] : []),
          ]),
          this.argument(c.value, "modern"),
        ]),
      );
      fields.push(
        call("arguments", call("substitute-keyword-arguments", call("package-arguments", parent), ...clauses)),
      );
    }
    for (const [key, [field, accessor]] of Object.entries(INPUT_ACCESSORS)) {
      const inputs = v[key as keyof typeof INPUT_ACCESSORS];
      if (inputs !== undefined) fields.push(call(field, this.variantInputs(inputs, call(accessor, parent))));
    }
    fields.push(...this.searchPathFields(v), ...this.about(v), ...this.systemsField(v));
    const laidOut = ordered(fields, v);
    const form = v.style === "inherit" ? call("package", ...laidOut) : call("package/inherit", parent, ...laidOut);
    return bound(form, v.bindings, (value) => this.textOrCode(value));
  }

  /** `(list INPUT...)`, or `(modify-inputs (package-inputs PARENT) CLAUSE...)`. */
  private variantInputs(inputs: CheckedVariantInputs, parentInputs: Node): Node {
    if (Array.isArray(inputs)) return this.inputList(inputs);
    const { clauses } = inputs as Extract<CheckedVariantInputs, { kind: "modify-inputs" }>;
    return call(
      "modify-inputs",
      parentInputs,
      ...clauses.map((c) => {
        switch (c.kind) {
          case "prepend":
          case "append":
            return call(c.kind, ...c.inputs.map((i) => this.input(i)));
          case "delete":
            return call("delete", ...c.names.map((n) => str(n)));
          case "replace":
            return call("replace", str(c.name), this.input(c.input));
        }
      }),
    );
  }

  /** `'((key . value) ...)` */
  private properties(given: NonNullable<CheckedPackage["properties"]>): Node {
    return this.scheme(isScheme(given) ? given : properties(given));
  }

  /** `(package (name ...) ...)`, fields in the order Guix code usually has them. */
  package(p: CheckedPackage): Node {
    this.use(["guix", "packages"]);
    const fields: Node[] = [call("name", str(p.name)), call("version", this.textOrCode(p.version))];
    const source =
      p.source === undefined ? S.bool(false) : isScheme(p.source) ? this.scheme(p.source) : this.origin(p.source);
    fields.push(call("source", source));
    if (p.outputs !== undefined) fields.push(call("outputs", quote(strings(p.outputs))));
    fields.push(...this.buildSystem(p.buildSystem));
    const inputs: [string, readonly CheckedInput[]][] = [
      ["native-inputs", p.nativeInputs],
      ["inputs", p.inputs],
      ["propagated-inputs", p.propagatedInputs],
    ];
    for (const [field, items] of inputs) {
      if (items.length > 0) fields.push(call(field, this.inputList(items)));
    }
    fields.push(...this.searchPathFields(p), ...this.about(p), ...this.systemsField(p));
    return bound(call("package", ...ordered(fields, p)), p.bindings, (value) => this.textOrCode(value));
  }

  /** `(native-search-paths ...)` and `(search-paths ...)`, those set. */
  private searchPathFields(p: Pick<CheckedVariant, "nativeSearchPaths" | "searchPaths">): Node[] {
    const fields: Node[] = [];
    if (p.nativeSearchPaths !== undefined)
      fields.push(call("native-search-paths", this.searchPaths(p.nativeSearchPaths)));
    if (p.searchPaths !== undefined) fields.push(call("search-paths", this.searchPaths(p.searchPaths)));
    return fields;
  }

  /** `(supported-systems ...)`, when set. */
  private systemsField(p: Pick<CheckedVariant, "supportedSystems">): Node[] {
    const systems = p.supportedSystems;
    if (systems === undefined) return [];
    return [call("supported-systems", isScheme(systems) ? this.scheme(systems) : quote(strings(systems)))];
  }

  /** What a package says of itself, each field it sets: synopsis, description, home page, license, properties. */
  private about(p: Pick<CheckedVariant, "synopsis" | "description" | "homePage" | "license" | "properties">): Node[] {
    const fields: Node[] = [];
    if (p.synopsis !== undefined) fields.push(call("synopsis", str(p.synopsis)));
    if (p.description !== undefined) fields.push(call("description", str(p.description)));
    if (p.homePage !== undefined) fields.push(call("home-page", str(p.homePage)));
    if (p.license !== undefined) fields.push(call("license", this.license(p.license)));
    if (p.properties !== undefined) fields.push(call("properties", this.properties(p.properties)));
    return fields;
  }

  private license(license: License | readonly License[] | Node): Node {
    this.use(["guix", "licenses"], this.licensePrefix || undefined);
    if (isScheme(license)) return this.scheme(license);
    if (Array.isArray(license))
      return call("list", ...(license as readonly License[]).map((l) => licenseDatum(l, this.licensePrefix)));
    return licenseDatum(license as License, this.licensePrefix);
  }

  private searchPaths(paths: readonly AnySearchPath[] | Node): Node {
    if (isScheme(paths)) return this.scheme(paths);
    return call(
      "list",
      ...paths.map((sp) => {
        if (isScheme(sp)) return this.scheme(sp);
        if (sp.kind === "predefined-search-path") {
          this.use(["guix", "search-paths"]);
          return sym(`$${sp.variable}`);
        }
        const fields = [call("variable", str(sp.variable)), call("files", quote(strings(sp.files)))];
        if (sp.separator !== undefined)
          fields.push(call("separator", sp.separator === null ? S.bool(false) : str(sp.separator)));
        if (sp.fileType !== undefined) fields.push(call("file-type", quote(sym(sp.fileType))));
        if (sp.filePattern !== undefined) fields.push(call("file-pattern", str(sp.filePattern)));
        return call("search-path-specification", ...fields);
      }),
    );
  }

  /** An expression's Scheme, its modules used. */
  private expression(e: Expression): Node {
    for (const module of e.modules) this.use(module);
    return this.scheme(e.node);
  }

  /** A string, an expression or Scheme the user wrote. */
  private textOrCode(value: string | Expression | Node): Node {
    return typeof value === "string" ? str(value) : isExpression(value) ? this.expression(value) : this.scheme(value);
  }

  private origin(o: CheckedOrigin): Node {
    this.use(["guix", "packages"]);
    const fields: Node[] = [];
    if (o.inherit !== undefined) fields.push(call("inherit", this.scheme(o.inherit)));
    if (o.method !== undefined) {
      this.use(o.method.module);
      fields.push(call("method", sym(o.method.name)));
    }
    const uri = o.uri;
    if (uri === undefined) {
      // Inherited.
    } else if (typeof uri === "string" || isExpression(uri) || isScheme(uri))
      fields.push(call("uri", this.textOrCode(uri)));
    else if (Array.isArray(uri))
      fields.push(call("uri", call("list", ...(uri as readonly string[]).map((u) => str(u)))));
    else {
      const ref = uri as Extract<CheckedOrigin["uri"], { kind: "git-reference" }>;
      const parts = [call("url", this.textOrCode(ref.url)), call("commit", this.textOrCode(ref.commit))];
      if (ref.recursive) parts.push(call("recursive?", S.bool(true)));
      fields.push(call("uri", call("git-reference", ...parts)));
    }
    if (o.fileName !== undefined) fields.push(call("file-name", this.textOrCode(o.fileName)));
    if (o.sha256 !== undefined) fields.push(call("sha256", call("base32", str(o.sha256))));
    const patches = o.patches;
    if (isExpression(patches)) fields.push(call("patches", this.expression(patches)));
    else if (patches !== undefined && patches.length > 0) {
      const files = patches.map((p) => (typeof p === "string" ? call("local-file", str(p)) : this.scheme(p)));
      if (patches.some((p) => typeof p === "string")) this.usesGexp = true;
      fields.push(call("patches", call("list", ...files)));
    }
    if (o.patchFlags !== undefined) fields.push(call("patch-flags", quote(strings(o.patchFlags))));
    if (o.patchInputs !== undefined)
      fields.push(call("patch-inputs", call("list", ...o.patchInputs.map((i) => this.packageRef(i)))));
    if (o.modules !== undefined)
      fields.push(call("modules", quote(list(o.modules.map((m) => list(m.map((p) => sym(p))))))));
    if (o.snippet !== undefined) fields.push(call("snippet", this.scheme(o.snippet)));
    return call("origin", ...ordered(fields, o));
  }

  private buildSystem(bs: CheckedBuildSystem): Node[] {
    this.use(["guix", "build-system", bs.name]);
    const field = call("build-system", sym(bs.variable ?? `${bs.name}-build-system`));
    return bs.arguments.length === 0 ? [field] : [field, this.arguments(bs)];
  }

  /** `(arguments (list #:KEYWORD VALUE ...))`, or quoted: `'(...)`, `` `(...) ``. */
  private arguments(bs: Omit<CheckedKeywordArguments, "kind">): Node {
    const args = bs.arguments.flatMap(([keyword, value]) => {
      const after = bs.marginComments?.[keyword];
      return [
        ...(bs.blankLinesBefore?.includes(keyword) ? [S.blankLines(1)] : []),
        ...(bs.comments?.[keyword] ?? []).map((c) => S.comment(c)),
        S.kw(keyword),
        ...(bs.innerComments?.[keyword] ?? []).map((c) => S.comment(c)),
        this.argument(value, bs.style),
        ...(after !== undefined ? [S.comment(after, { margin: true })] : []),
      ];
    });
    if (bs.style === "modern") return call("arguments", call("list", ...args));
    // Packages are values to evaluate: the quoted style then takes a quasiquote with them unquoted.
    else if (
      bs.style === "quasiquoted" ||
      bs.arguments.some(([, v]) => isPackageValue(v) || (Array.isArray(v) && v.some((i) => typeof i !== "string")))
    )
      return call("arguments", S.quasiquote(list(args)));
    return call("arguments", quote(list(args)));
  }

  private argument(value: CheckedArgument, style: ArgumentStyle): Node {
    if (typeof value === "boolean") return S.bool(value);
    if (typeof value === "number") return Number.isInteger(value) ? S.int(value) : S.real(value);
    if (typeof value === "string") return str(value);
    if (Array.isArray(value)) {
      const items = value as readonly (string | CheckedPackageRef)[];
      if (items.every((i) => typeof i === "string")) return quote(strings(items as readonly string[]));
      const nodes = items.map((i) => {
        if (typeof i === "string") return str(i);
        const ref = this.packageRef(i);
        return style === "modern" ? ref : S.unquote(ref as Datum);
      });
      return style === "modern" ? call("list", ...nodes) : list(nodes);
    }
    if (isScheme(value)) return this.scheme(value);
    if (isExpression(value)) return this.expression(value);
    if (isPackageValue(value)) {
      const ref = this.packageRef(value);
      return style === "modern" ? ref : S.unquote(ref as Datum);
    }
    const plan = list((value as InstallPlan).entries.map((e) => this.installPlanEntry(e)));
    if (style !== "modern") return quote(plan);
    this.usesGexp = true;
    return S.gexp(quote(plan));
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

  manifest(m: CheckedManifestNode): Node {
    if (isScheme(m)) return this.scheme(m);
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

  channel(c: CheckedChannel): Node {
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
