/**
 * Validation: one pass over the builder tree that gathers every problem, each with its path
 * (`manifest.manifests[1].packages[0].source.sha256`), and gives back the checked tree lowering
 * takes. The lock is applied in the same pass; a package used in several places is checked once.
 */
import * as E from "fp-ts/lib/Either.js";
import type { Node } from "@guix-ts/scheme-printer";
import { pipe } from "fp-ts/lib/function.js";
import type {
  CheckedArgument,
  CheckedBuildSystem,
  CheckedInput,
  CheckedManifest,
  CheckedManifestNode,
  CheckedOrigin,
  CheckedDefinition,
  CheckedInputClause,
  CheckedPackage,
  CheckedPackageRef,
  CheckedSubstitution,
  CheckedVariant,
  CheckedVariantInputs,
} from "./checked.js";
import type { License } from "./licenses.js";
import { keywordProblem, specificationTextProblem, variableProblem, type GuixKnowledge } from "./knowledge.js";
import { pinnedOrigin, type LockFile } from "./lock.js";
import { TRANSFORMATIONS_WITH_VALUE } from "./transformations.js";
import {
  OUTPUT,
  SPECIFICATION,
  SYSTEM,
  VARIABLE,
  duplicates,
  eachOf,
  isDatumValue,
  isText,
  isObject,
  kindOf,
  matches,
  nonEmpty,
  text,
  texts,
  validateInstallPlanEntry,
  validateLicense,
  validateOrigin,
  validatePackageName,
  validateSearchPath,
  validateSpecification,
  validateComments,
  validateExpression,
  validateMarginComments,
  validateUrl,
} from "./validate-fields.js";
import { isExpression } from "./expressions.js";
import { all, andKeep, check, each, ok, optional, problem, type Validation } from "./validation.js";
import {
  isScheme,
  type ArgumentValue,
  type BuildSystem,
  type KeywordArguments,
  type LabeledInput,
  type QuasiquotedOutput,
  type SubstituteKeywordArguments,
  type Manifest,
  type Package,
  type PackageInput,
  type PackageRef,
  PACKAGE_PROCEDURES,
  PACKAGE_REF_KINDS,
  type PackageFromProcedure,
  type PackageVariable,
  type PackageVariant,
  type Scheme,
  type VariantInputs,
} from "./values.js";

/** A keyword argument's name, without `#:`. */
const KEYWORD = /^[^\s()"';#]+$/;

/** A number Scheme writes as it is: a safe integer, or a finite real. */
const number = (value: unknown, path: string): Validation<number> =>
  check(
    typeof value === "number" && Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value)),
    path,
    value as number,
    "expected a finite number (an integer within ±2^53; a bigint for more is not supported here)",
  );

/** `(properties '((key . value) ...))`: names, each with a string, boolean, number or Scheme value. */
function validateProperties(props: unknown, path: string): Validation<unknown> {
  if (isScheme(props)) return check(isDatumValue(props), path, props, "expected a datum");
  if (!isObject(props) || Array.isArray(props)) return problem(path, props, "expected { name: value, ... }");
  return andKeep(
    props,
    ...Object.entries(props).map(([key, value]) => {
      const at = `${path}.${key}`;
      if (!matches(/^[^\s()"';#]+$/, key)) return problem(at, key, "expected a property name (a symbol)");
      if (typeof value === "string") return text(value, at, "a string");
      if (typeof value === "boolean") return ok(value);
      if (typeof value === "number") return number(value, at);
      if (Array.isArray(value)) return eachOf(value, at, (v: unknown, vp) => text(v, vp, "a string"));
      return check(isDatumValue(value), at, value, "expected a string, boolean, number, list of strings or Scheme");
    }),
  );
}

const validateVersion = (version: unknown, path: string): Validation<unknown> =>
  isExpression(version)
    ? validateExpression(version, path)
    : isScheme(version)
      ? check(isDatumValue(version), path, version, "expected a version or Scheme")
      : check(matches(/^\S+$/, version), path, version as string, "expected a version without spaces");

/** The supported systems and search paths of a package or variant. */
const systemsAndSearchPaths = (
  p: Pick<PackageVariant, "supportedSystems" | "nativeSearchPaths" | "searchPaths">,
  path: string,
): Validation<unknown>[] => [
  optional(p.supportedSystems, (s): Validation<unknown> =>
    isScheme(s)
      ? check(isDatumValue(s), `${path}.supportedSystems`, s, "expected a datum")
      : eachOf(s, `${path}.supportedSystems`, (sys: string, sp) =>
          check(matches(SYSTEM, sys), sp, sys, 'expected a system such as "x86_64-linux"'),
        ),
  ),
  optional(p.nativeSearchPaths, (s) => searchPathList(s, `${path}.nativeSearchPaths`)),
  optional(p.searchPaths, (s) => searchPathList(s, `${path}.searchPaths`)),
];

/** An output's name: `out`, `bin`, `doc`... */
const outputName = (output: unknown, path: string): Validation<string> =>
  check(matches(OUTPUT, output), path, output as string, 'expected an output name such as "out" or "bin"');

/** Search paths, or Scheme computing the list. */
const searchPathList = (paths: unknown, path: string): Validation<unknown> =>
  isScheme(paths)
    ? check(isDatumValue(paths), path, paths, "expected search paths or Scheme")
    : eachOf(paths, path, validateSearchPath);

/** `let` bindings: each a variable name and a string, an expression or Scheme. */
const validateBindings = (bindings: unknown, path: string): Validation<unknown> =>
  Array.isArray(bindings)
    ? eachOf(bindings, path, (b: unknown, bp): Validation<unknown> => {
        if (!Array.isArray(b) || b.length !== 2 || !matches(VARIABLE, b[0]))
          return problem(bp, b, "expected [variable, value]");
        const value: unknown = b[1];
        return isExpression(value)
          ? validateExpression(value, `${bp}[1]`)
          : check(isText(value) || isDatumValue(value), `${bp}[1]`, value, "expected a string or Scheme");
      })
    : problem(path, bindings, "expected a list of [variable, value]");

const validateOutputs = (outs: unknown, path: string): Validation<unknown> =>
  check(
    Array.isArray(outs) && outs.length > 0 && Array.from(outs).every((o) => matches(OUTPUT, o)),
    path,
    outs,
    'expected output names such as "out", "doc"',
  );

/** One license or a list of them, each one Guix knows. */
function validateLicenses(license: License | readonly License[] | Scheme, path: string): Validation<unknown> {
  if (isScheme(license)) return check(isDatumValue(license), path, license, "expected a datum");
  const licenses: readonly License[] = Array.isArray(license) ? Array.from(license) : [license as License];
  return andKeep(
    license,
    check(licenses.length > 0, path, license, "expected at least one license"),
    each(licenses, path, (l, lp) => validateLicense(l, Array.isArray(license) ? lp : path)),
  );
}

/** One validation: the lock to apply, and what was found so far, so a shared package is checked once. */
class Checker {
  private readonly done = new Map<Package | PackageVariant, Validation<CheckedDefinition>>();
  /** Where each package is used, first place first. */
  private readonly places = new Map<Package | PackageVariant, string[]>();
  /** Checked packages and variants in dependency order. */
  readonly packages: CheckedDefinition[] = [];
  readonly guixVariables = new Set<string>();

  constructor(
    private readonly lock: LockFile | undefined,
    private readonly knowledge?: GuixKnowledge | undefined,
  ) {}

  packageRef(ref: PackageRef, path: string): Validation<CheckedPackageRef> {
    if (isScheme(ref)) return check(isDatumValue(ref), path, ref, "expected a datum");
    switch (kindOf(ref)) {
      case "package":
        return this.package(ref as Package, path);
      case "package-variant":
        return this.definition(ref as PackageVariant, path, () => this.checkVariant(ref as PackageVariant, path));
      case "package-variable": {
        const v = ref as PackageVariable;
        return andKeep(
          v as CheckedPackageRef,
          check(matches(VARIABLE, v.variable), `${path}.variable`, v.variable, "expected a variable name"),
        );
      }
      case "guix-package": {
        const guix = ref as Extract<PackageRef, { kind: "guix-package" }>;
        const { variable, module } = guix;
        if (matches(VARIABLE, variable)) this.guixVariables.add(variable);
        const known =
          this.knowledge && matches(VARIABLE, variable) && Array.isArray(module)
            ? variableProblem(this.knowledge, variable, module.join(" "))
            : undefined;
        return andKeep(
          guix,
          check(known === undefined, path, guix, known ?? ""),
          check(matches(VARIABLE, variable), `${path}.variable`, variable, "expected a variable name"),
          check(
            Array.isArray(module) && module.length > 0 && Array.from(module).every((p) => matches(VARIABLE, p)),
            `${path}.module`,
            module,
            'expected a module name such as "gnu packages python"',
          ),
        );
      }
      case "package-procedure": {
        const p = ref as PackageFromProcedure;
        return pipe(
          all({
            procedure: check(
              Object.hasOwn(PACKAGE_PROCEDURES, p.procedure),
              `${path}.procedure`,
              p.procedure,
              `expected one of ${Object.keys(PACKAGE_PROCEDURES).join(", ")}`,
            ),
            package: this.packageRef(p.package, `${path}.package`),
            arguments: eachOf(p.arguments, `${path}.arguments`, (a: ArgumentValue, ap) => this.argument(a, ap)),
          }),
          E.map(({ package: inner, arguments: args }): CheckedPackageRef => ({
            ...p,
            package: inner,
            arguments: args,
          })),
        );
      }
      case "transformed": {
        const t = ref as Extract<PackageRef, { kind: "transformed" }>;
        return pipe(
          all({
            package: this.packageRef(t.package, `${path}.package`),
            options: eachOf(t.options, `${path}.options`, (o: unknown, p) => {
              const { option, value } = isObject(o) ? o : ({} as Record<string, unknown>);
              if (!matches(/^[a-z][a-z-]*$/, option))
                return problem(`${p}.option`, option, "expected a transformation option such as with-commit");
              return TRANSFORMATIONS_WITH_VALUE.has(option)
                ? check(matches(/^[^=\s]+=\S.*$/, value), `${p}.value`, value, `expected PACKAGE=VALUE for ${option}`)
                : check(matches(/^\S+$/, value), `${p}.value`, value, `expected a package name for ${option}`);
            }),
          }),
          E.map(({ package: checked }) => ({ ...t, package: checked })),
        );
      }
      default:
        return problem(
          path,
          ref,
          "expected a package: pkg(...), inherit(...), guixPackage(...), transform(...) or Scheme",
        );
    }
  }

  input(input: PackageInput, path: string): Validation<CheckedInput> {
    if (isExpression(input)) return validateExpression(input, path);
    const kind = kindOf(input);
    // A package with its output written otherwise: `` `(,glib "bin") ``, or labeled, `("glib" ,glib "bin")`.
    if (kind === "quasiquoted-output" || kind === "labeled-input") {
      const written = input as QuasiquotedOutput | LabeledInput;
      return pipe(
        all({
          label: kind === "labeled-input" ? text((written as LabeledInput).label, `${path}.label`, "a label") : ok(""),
          package: this.packageRef(written.package, `${path}.package`),
          // An output the quasiquoted form always names, the labeled one may leave out.
          output:
            kind === "labeled-input"
              ? optional(written.output, (o) => outputName(o, `${path}.output`))
              : outputName(written.output, `${path}.output`),
        }),
        E.map(({ package: checked }) => ({ ...written, package: checked })),
      );
    }
    if (!Array.isArray(input)) return this.packageRef(input as PackageRef, path);
    if (input.length !== 2) return problem(path, input, "expected a package, or [package, output]");
    const [ref, output] = input as readonly [PackageRef, string];
    return pipe(
      all({
        ref: this.packageRef(ref, `${path}[0]`),
        output: outputName(output, `${path}[1]`),
      }),
      E.map(({ ref, output }) => [ref, output] as const),
    );
  }

  argument(value: ArgumentValue, path: string): Validation<CheckedArgument> {
    if (typeof value === "boolean") return ok(value);
    if (typeof value === "string") return text(value, path, "a string");
    if (typeof value === "number") return number(value, path);
    if (Array.isArray(value)) {
      // Strings alone are a quoted list; with packages, `(list "out" glibc)`.
      const items = value as readonly unknown[];
      if (items.every((i) => typeof i === "string")) return texts(value, path) as Validation<CheckedArgument>;
      return eachOf(items, path, (item: unknown, ip): Validation<string | CheckedPackageRef> =>
        typeof item === "string" ? text(item, ip, "a string") : this.packageRef(item as PackageRef, ip),
      );
    }
    if (isScheme(value)) return check(isDatumValue(value), path, value, "expected a datum");
    if (isExpression(value)) return validateExpression(value, path);
    const kind = kindOf(value);
    if (PACKAGE_REF_KINDS.has(kind as string))
      return this.packageRef(value as PackageRef, path) as Validation<CheckedArgument>;
    if (kind === "install-plan") {
      const plan = value as Extract<ArgumentValue, { kind: "install-plan" }>;
      return andKeep(plan, eachOf(plan.entries, path, validateInstallPlanEntry));
    }
    return problem(path, value, "expected a boolean, number, string, list of strings, package or Scheme");
  }

  private buildSystem(bs: BuildSystem, path: string): Validation<CheckedBuildSystem> {
    if (kindOf(bs) !== "build-system") return problem(path, bs, "expected a build system such as copyBuildSystem()");
    return pipe(
      all({
        name: check(matches(/^[a-z0-9-]+$/, bs.name), `${path}.name`, bs.name, "expected a build system name"),
        variable: optional(bs.variable, (v) =>
          check(matches(VARIABLE, v), `${path}.variable`, v, "expected a variable name"),
        ),
        keywordArguments: this.keywordArguments(bs, path, bs.variable?.replace(/-build-system$/, "") ?? bs.name),
      }),
      E.map(({ keywordArguments: { arguments: args } }) => ({ ...bs, arguments: args })),
    );
  }

  /** Keyword arguments, their style and comments; each keyword checked against the catalogue for `buildSystem` if named. */
  private keywordArguments<T extends Omit<BuildSystem, "kind" | "name"> | KeywordArguments>(
    bs: T,
    path: string,
    buildSystem: string | undefined,
  ): Validation<Omit<T, "arguments"> & { readonly arguments: readonly (readonly [string, CheckedArgument])[] }> {
    return pipe(
      all({
        comments: optional(bs.comments, (c) => validateComments(c, `${path}.comments`)),
        marginComments: optional(bs.marginComments, (c) => validateMarginComments(c, `${path}.marginComments`)),
        innerComments: optional(bs.innerComments, (c) => validateComments(c, `${path}.innerComments`)),
        blankLinesBefore: optional(bs.blankLinesBefore, (b) => texts(b, `${path}.blankLinesBefore`)),
        style: check(
          bs.style === "modern" || bs.style === "quoted" || bs.style === "quasiquoted",
          `${path}.style`,
          bs.style,
          'expected "modern", "quoted" or "quasiquoted"',
        ),
        arguments: eachOf(bs.arguments, `${path}.arguments`, (entry: unknown, ep) => {
          if (!Array.isArray(entry) || entry.length !== 2 || !matches(KEYWORD, entry[0]))
            return problem(ep, entry, "expected [keyword, value], the keyword a name without #:");
          const [keyword, value] = entry as [string, ArgumentValue];
          const unknown =
            this.knowledge && buildSystem !== undefined && keywordProblem(this.knowledge, buildSystem, keyword);
          if (unknown) return problem(`${path}.${keyword}`, value, unknown);
          return pipe(
            this.argument(value, `${path}.${keyword}`),
            E.map((checked) => [keyword, checked] as const),
          );
        }),
      }),
      E.map(({ arguments: args }) => ({ ...bs, arguments: args })),
    );
  }

  /** Every problem of a package and of the packages it uses; checked once however often it is used. */
  package(p: Package, path: string): Validation<CheckedPackage> {
    return this.definition(p, path, () => this.checkPackage(p, path)) as Validation<CheckedPackage>;
  }

  /** A package or variant checked once however often it is used; its problems reported at its first place. */
  private definition(
    p: Package | PackageVariant,
    path: string,
    checkIt: () => Validation<CheckedDefinition>,
  ): Validation<CheckedDefinition> {
    const known = this.done.get(p);
    if (known !== undefined) {
      this.places.get(p)!.push(path);
      // Its problems are reported once, at the first place (with the others): see `withPlaces`.
      return E.isLeft(known) ? ok(undefined as never) : known;
    }
    this.places.set(p, [path]);
    const result = checkIt();
    this.done.set(p, result);
    if (E.isRight(result)) this.packages.push(result.right);
    return result;
  }

  /** One input where a list of inputs (`cargoInputs(...)`) does not go. */
  private single(input: PackageInput, path: string): Validation<CheckedInput> {
    if (isExpression(input) && input.splice)
      return problem(path, input, "a list of inputs (cargoInputs(...)) goes only last in a package's inputs");
    return this.input(input, path);
  }

  /** A package's inputs: each checked, a list of them (`cargoInputs(...)`) only last. */
  private inputList(inputs: readonly PackageInput[], path: string): Validation<readonly CheckedInput[]> {
    const items: readonly PackageInput[] = Array.isArray(inputs) ? inputs : [];
    const misplaced = items.flatMap((input, i) =>
      isExpression(input) && input.splice && i < items.length - 1
        ? [problem(`${path}[${i}]`, input, "a list of inputs (cargoInputs(...)) goes last, after the packages")]
        : [],
    );
    // Labels are all or nothing: the list is written with them, `(("label" ,package) ...)`, or without.
    const labeled = items.filter((i) => kindOf(i) === "labeled-input").length;
    const packages = items.filter((i) => !(isExpression(i) && i.node.kind === "comment")).length;
    if (labeled > 0 && labeled < packages)
      misplaced.push(problem(path, inputs, "labeled and unlabeled inputs mixed: label them all or none"));
    return pipe(
      all({
        checked: eachOf(inputs, path, (i: PackageInput, ip) => this.input(i, ip)),
        placed: andKeep(undefined, ...misplaced),
      }),
      E.map(({ checked }) => checked),
    );
  }

  /** Inputs of a variant: a list of its own, or `modify-inputs` clauses over the parent's. */
  private variantInputs(inputs: VariantInputs, path: string): Validation<CheckedVariantInputs> {
    if (Array.isArray(inputs)) return this.inputList(inputs, path);
    if (kindOf(inputs) !== "modify-inputs")
      return problem(path, inputs, "expected a list of inputs, or modifyInputs(...)");
    const { clauses } = inputs as Extract<VariantInputs, { kind: "modify-inputs" }>;
    return pipe(
      eachOf(clauses, `${path}.clauses`, (c: unknown, cp): Validation<CheckedInputClause> => {
        const clause = (isObject(c) ? c : {}) as Record<string, unknown>;
        switch (clause["kind"]) {
          case "prepend":
          case "append":
            return pipe(
              eachOf(clause["inputs"] as PackageInput[], `${cp}.inputs`, (i: PackageInput, ip) => this.single(i, ip)),
              E.map((checked) => ({ kind: clause["kind"] as "prepend" | "append", inputs: checked })),
            );
          case "delete":
            return andKeep(
              c as CheckedInputClause,
              eachOf(clause["names"] as string[], `${cp}.names`, (n: string, np) => validatePackageName(n, np)),
            );
          case "replace":
            return pipe(
              all({
                name: validatePackageName(clause["name"], `${cp}.name`),
                input: this.input(clause["input"] as PackageInput, `${cp}.input`),
              }),
              E.map(({ name, input }) => ({ kind: "replace" as const, name, input })),
            );
          default:
            return problem(cp, c, "expected prepend(...), append(...), deleteInputs(...) or replaceInput(...)");
        }
      }),
      E.map((checked) => ({ kind: "modify-inputs" as const, clauses: checked })),
    );
  }

  /** A variant: its parent, and each field it sets, checked as `pkg()`'s are. */
  private checkVariant(v: PackageVariant, path: string): Validation<CheckedVariant> {
    const inputs = (field: "inputs" | "nativeInputs" | "propagatedInputs") =>
      optional(v[field], (i) => this.variantInputs(i, `${path}.${field}`));
    const substitutions = v.arguments;
    return pipe(
      all({
        parent: this.packageRef(v.parent, `${path}.parent`),
        source: optional(v.source, (source): Validation<CheckedOrigin | Node> =>
          isScheme(source) ? ok(source) : validateOrigin(pinnedOrigin(v, source, this.lock), `${path}.source`),
        ),
        buildSystem: optional(v.buildSystem, (bs) => this.buildSystem(bs, `${path}.buildSystem`)),
        arguments: optional(substitutions, (subs): Validation<NonNullable<CheckedVariant["arguments"]>> =>
          isScheme(subs)
            ? check(isDatumValue(subs), `${path}.arguments`, subs, "expected a datum")
            : kindOf(subs) === "keyword-arguments"
              ? this.keywordArguments(subs as KeywordArguments, `${path}.arguments`, undefined)
              : kindOf(subs) !== "substitute-keyword-arguments"
                ? problem(
                    `${path}.arguments`,
                    subs,
                    "expected substituteKeywordArguments(...) or keywordArguments(...)",
                  )
                : pipe(
                    eachOf(
                      (subs as SubstituteKeywordArguments).clauses,
                      `${path}.arguments.clauses`,
                      (c: unknown, cp) => this.substitution(c, cp),
                    ),
                    E.map((clauses) => ({ kind: "substitute-keyword-arguments" as const, clauses })),
                  ),
        ),
        nativeInputs: inputs("nativeInputs"),
        inputs: inputs("inputs"),
        propagatedInputs: inputs("propagatedInputs"),
        replacement: optional(v.replacement, (r): Validation<CheckedPackageRef | false> =>
          r === false ? ok(false as const) : this.packageRef(r, `${path}.replacement`),
        ),
        fields: andKeep(
          v,
          check(
            v.style === "inherit" || v.style === "package/inherit",
            `${path}.style`,
            v.style,
            'expected "inherit" or "package/inherit"',
          ),
          check(
            v.arguments === undefined || !(v.buildSystem?.arguments?.length ?? 0),
            `${path}.arguments`,
            v.arguments,
            "buildSystem gives its own arguments: substitute the parent's arguments or give new ones, not both",
          ),
          optional(v.name, (name) => validatePackageName(name, `${path}.name`)),
          optional(v.version, (version) => validateVersion(version, `${path}.version`)),
          optional(v.outputs, (outs) => validateOutputs(outs, `${path}.outputs`)),
          optional(v.synopsis, (t) => nonEmpty(t, `${path}.synopsis`, "synopsis")),
          optional(v.description, (t) => nonEmpty(t, `${path}.description`, "description")),
          optional(v.homePage, (url) => validateUrl(url, `${path}.homePage`)),
          optional(v.license, (license) => validateLicenses(license, `${path}.license`)),
          optional(v.properties, (props) => validateProperties(props, `${path}.properties`)),
          ...systemsAndSearchPaths(v, path),
          optional(v.comments, (c) => validateComments(c, `${path}.comments`)),
          optional(v.innerComments, (c) => validateComments(c, `${path}.innerComments`)),
          optional(v.blankLinesBefore, (b) => texts(b, `${path}.blankLinesBefore`)),
          optional(v.bindings, (b) => validateBindings(b, `${path}.bindings`)),
          optional(v.marginComments, (c) => validateMarginComments(c, `${path}.marginComments`)),
          optional(v.order, (o) => texts(o, `${path}.order`)),
        ),
      }),
      E.map((checked) => {
        const variant: Record<string, unknown> = { ...v };
        for (const [key, value] of Object.entries(checked))
          if (key !== "fields" && value !== undefined) variant[key] = value;
        return variant as unknown as CheckedVariant;
      }),
    );
  }

  /** `((#:KEYWORD VARIABLE DEFAULT) VALUE)` */
  private substitution(c: unknown, path: string): Validation<CheckedSubstitution> {
    const clause = (isObject(c) ? c : {}) as Record<string, unknown>;
    const keyword = clause["keyword"];
    return pipe(
      all({
        keyword: check(
          matches(KEYWORD, keyword),
          `${path}.keyword`,
          keyword as string,
          "expected a keyword without #:",
        ),
        variable: optional(clause["variable"] as string | undefined, (variable) =>
          check(matches(VARIABLE, variable), `${path}.variable`, variable, "expected a variable name"),
        ),
        value: this.argument(clause["value"] as ArgumentValue, `${path}.value`),
        default: optional(clause["default"] as ArgumentValue | undefined, (d) => this.argument(d, `${path}.default`)),
      }),
      E.map(({ keyword, variable, value, default: fallback }) => ({
        keyword,
        value,
        ...(variable !== undefined ? { variable } : {}),
        ...(fallback !== undefined ? { default: fallback } : {}),
      })),
    );
  }

  private checkPackage(p: Package, path: string): Validation<CheckedPackage> {
    const inputs = (field: "inputs" | "nativeInputs" | "propagatedInputs") =>
      this.inputList(p[field], `${path}.${field}`);
    const source =
      p.source === undefined
        ? ok(undefined)
        : isScheme(p.source)
          ? ok(p.source)
          : validateOrigin(pinnedOrigin(p, p.source, this.lock), `${path}.source`);
    return pipe(
      all({
        name: validatePackageName(p.name, `${path}.name`),
        version: validateVersion(p.version, `${path}.version`),
        source,
        buildSystem: this.buildSystem(p.buildSystem, `${path}.buildSystem`),
        nativeInputs: inputs("nativeInputs"),
        inputs: inputs("inputs"),
        propagatedInputs: inputs("propagatedInputs"),
        fields: andKeep(
          p,
          optional(p.outputs, (outs) => validateOutputs(outs, `${path}.outputs`)),
          nonEmpty(p.synopsis, `${path}.synopsis`, "synopsis"),
          nonEmpty(p.description, `${path}.description`, "description"),
          validateUrl(p.homePage, `${path}.homePage`),
          validateLicenses(p.license, `${path}.license`),
          ...systemsAndSearchPaths(p, path),
          optional(p.properties, (props) => validateProperties(props, `${path}.properties`)),
          optional(p.comments, (c) => validateComments(c, `${path}.comments`)),
          optional(p.innerComments, (c) => validateComments(c, `${path}.innerComments`)),
          optional(p.blankLinesBefore, (b) => texts(b, `${path}.blankLinesBefore`)),
          optional(p.bindings, (b) => validateBindings(b, `${path}.bindings`)),
          optional(p.marginComments, (c) => validateMarginComments(c, `${path}.marginComments`)),
          optional(p.order, (o) => texts(o, `${path}.order`)),
        ),
      }),
      E.map(({ source, buildSystem, nativeInputs, inputs, propagatedInputs }) => ({
        ...p,
        source,
        buildSystem,
        nativeInputs,
        inputs,
        propagatedInputs,
      })),
    );
  }

  /** Each problem inside a package used in several places, with the other places it stands at too. */
  withPlaces<T>(validation: Validation<T>): Validation<T> {
    if (E.isRight(validation)) return validation;
    const shared = [...this.places.values()].filter((places) => places.length > 1);
    if (shared.length === 0) return validation;
    const placed = validation.left.map((problem) => {
      const also = shared.flatMap(([first, ...others]) => {
        const inside =
          problem.path === first || problem.path.startsWith(`${first}.`) || problem.path.startsWith(`${first}[`);
        return inside ? others.map((other) => other + problem.path.slice(first!.length)) : [];
      });
      return also.length === 0 ? problem : { ...problem, alsoAt: [...(problem.alsoAt ?? []), ...also] };
    });
    return E.left(placed as typeof validation.left);
  }

  manifest(m: Manifest, path: string): Validation<CheckedManifestNode> {
    if (isScheme(m)) return check(isDatumValue(m), path, m, "expected a datum");
    switch (kindOf(m)) {
      case "specifications-manifest": {
        const ms = m as Extract<Manifest, { kind: "specifications-manifest" }>;
        return andKeep(
          ms,
          eachOf(ms.specifications, `${path}.specifications`, (spec: unknown, sp) =>
            pipe(
              validateSpecification(spec, sp),
              E.chain((valid) => {
                if (this.knowledge === undefined) return ok(valid);
                const wrong = specificationTextProblem(this.knowledge, valid);
                return wrong === undefined ? ok(valid) : problem(sp, valid, wrong);
              }),
            ),
          ),
        );
      }
      case "packages-manifest": {
        const ms = m as Extract<Manifest, { kind: "packages-manifest" }>;
        return pipe(
          eachOf(ms.packages, `${path}.packages`, (i: PackageInput, ip) => this.single(i, ip)),
          E.map((packages) => ({ kind: ms.kind, packages })),
        );
      }
      case "concatenated-manifest": {
        const ms = m as Extract<Manifest, { kind: "concatenated-manifest" }>;
        return pipe(
          eachOf(ms.manifests, `${path}.manifests`, (sub: Manifest, sp) => this.manifest(sub, sp)),
          E.map((manifests) => ({ kind: ms.kind, manifests })),
        );
      }
      case "development-manifest": {
        const ms = m as Extract<Manifest, { kind: "development-manifest" }>;
        return pipe(
          this.packageRef(ms.package, `${path}.package`),
          E.map((pkg) => ({ kind: ms.kind, package: pkg })),
        );
      }
      default:
        return problem(path, m, "expected a manifest: specificationsToManifest(...), packagesToManifest(...) ...");
    }
  }
}

/** The names a manifest installs, with where each comes from, for the duplicate check (its shape unchecked). */
function entryNames(m: Manifest, path: string): [string, string][] {
  if (isScheme(m) || typeof m !== "object" || m === null) return [];
  const named = (name: string, output: string | undefined, where: string): [string, string] => [
    output && output !== "out" ? `${name}:${output}` : name,
    where,
  ];
  const list = <T>(items: unknown): readonly T[] => (Array.isArray(items) ? items : []);
  switch (m.kind) {
    case "specifications-manifest":
      return list<unknown>(m.specifications).flatMap((spec, i): [string, string][] => {
        if (typeof spec !== "string") return [];
        const [, name = spec, , output] = SPECIFICATION.exec(spec) ?? [];
        return [named(name, output, `${path}.specifications[${i}]`)];
      });
    case "packages-manifest":
      return list<PackageInput>(m.packages).flatMap((input, i): [string, string][] => {
        const [ref, output] = Array.isArray(input) ? (input as readonly [PackageRef, string]) : [input as PackageRef];
        const name = refName(ref);
        return name === undefined ? [] : [named(name, output, `${path}.packages[${i}]`)];
      });
    case "concatenated-manifest":
      return list<Manifest>(m.manifests).flatMap((sub, i) => entryNames(sub, `${path}.manifests[${i}]`));
    default:
      return [];
  }
}

function refName(ref: PackageRef): string | undefined {
  if (isScheme(ref) || typeof ref !== "object" || ref === null) return undefined;
  if (ref.kind === "package") return typeof ref.name === "string" ? ref.name : undefined;
  if (ref.kind === "package-variant") return typeof ref.name === "string" ? ref.name : refName(ref.parent);
  if (ref.kind === "guix-package" || ref.kind === "package-variable")
    return typeof ref.variable === "string" ? ref.variable : undefined;
  if (ref.kind === "transformed" || ref.kind === "package-procedure") return refName(ref.package);
  return undefined;
}

/**
 * Every problem of a manifest (its packages, its specifications, names it installs twice), or the
 * checked manifest, with the lock's commits and hashes in its git sources.
 *
 * @example validateManifest(manifest, { lock }) // Right({ manifest, packages, guixVariables }) or Left([problems])
 */
export function validateManifest(
  manifest: Manifest,
  options: {
    readonly lock?: LockFile | undefined;
    readonly path?: string;
    /** What the targeted Guix provides: names, versions, outputs, modules and keywords are then checked against it. */
    readonly knowledge?: GuixKnowledge | undefined;
  } = {},
): Validation<CheckedManifest> {
  const path = options.path ?? "manifest";
  const checker = new Checker(options.lock, options.knowledge);
  return pipe(
    all({
      manifest: checker.withPlaces(checker.manifest(manifest, path)),
      unique: andKeep(
        undefined,
        ...duplicates(
          entryNames(manifest, path),
          (name, first) => `package ${name} is already in the manifest at ${first}`,
        ),
      ),
    }),
    E.map(({ manifest }) => ({ manifest, packages: checker.packages, guixVariables: checker.guixVariables })),
  );
}

/**
 * Every problem of one package and the packages it uses, or the checked package.
 *
 * @example validatePackage(hello) // Right(checked) or Left([{ path: "package.source.sha256", ... }])
 */
export function validatePackage(p: Package, path = "package"): Validation<CheckedPackage> {
  const checker = new Checker(undefined);
  return checker.withPlaces(checker.package(p, path));
}

/**
 * Every problem of a package or variant and of the packages it uses, or the checked definition.
 *
 * @example validateDefinition(inherit(curl, { name: "curl-minimal" })) // Right(checked) or Left([...])
 */
export function validateDefinition(p: Package | PackageVariant, path = "package"): Validation<CheckedDefinition> {
  const checker = new Checker(undefined);
  return checker.withPlaces(checker.packageRef(p, path)) as Validation<CheckedDefinition>;
}
