/**
 * Generated code and the value it stands for, made together: the importer builds both, lowers the
 * value to check it prints the form it came from, and writes the code only then.
 */
import { schemeOf } from "@guix-ts/core";
import { isDatum, printDatum, type Datum } from "@guix-ts/scheme-printer";
import type { Ts } from "./layout.js";

/** TypeScript text, the value it evaluates to, the names it imports from `@guix-ts/core`, and what in it is raw Scheme. */
export interface Code<T = unknown> {
  readonly ts: Ts;
  readonly value: T;
  readonly uses: readonly string[];
  /** The parts kept as Scheme (`"arguments phases"`, `"license"`): what the builders could type next. */
  readonly raws?: readonly string[];
  /** The build-side code in it (a phase's body, a snippet): Scheme by nature, typed no further. */
  readonly codes?: readonly string[];
}

/** The raw parts and the build-side code of the codes a code is made of. */
const partsOf = (codes: readonly Code[]): Pick<Code, "raws" | "codes"> => ({
  raws: codes.flatMap((c) => c.raws ?? []),
  codes: codes.flatMap((c) => c.codes ?? []),
});

/**
 * Why a form cannot be typed: what the builders still lack, counted in the summary.
 *
 * @example throw new Untyped("package field inherit") // the package is kept as Scheme
 */
export class Untyped extends Error {
  override readonly name = "Untyped";
}

/**
 * A string as a TypeScript template literal, cooked: backslashes, backquotes and `${` escaped,
 * so the text reaches the function as it is.
 *
 * @example templateText("(a `b)") // "`(a \\`b)`"
 */
export function templateText(text: string): string {
  return `\`${text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${")}\``;
}

/** A literal: a string, number or boolean, as itself. */
export const literal = <T extends string | number | boolean>(value: T): Code<T> => ({
  ts: typeof value === "string" ? { k: "str", value } : { k: "word", text: String(value) },
  value,
  uses: [],
});

/** A name of `@guix-ts/core` standing for a value (`packageVersion`): the code, its value, its import. */
export const named = <T>(name: string, value: T): Code<T> => ({ ts: { k: "word", text: name }, value, uses: [name] });

/** Scheme kept as it is: `schemeOf(TEXT)`; `part` names it in the summary. */
export function raw(node: Datum, part: string): Code<Datum> {
  return { ...schemeCode(node, part), raws: [part] };
}

/** Build-side code (a phase's body, a snippet, a computed flag): `schemeOf(TEXT)`, counted as code, not as a gap. */
export function buildCode(node: Datum, part: string): Code<Datum> {
  return { ...schemeCode(node, part), codes: [part] };
}

function schemeCode(node: Datum, part: string): Code<Datum> {
  if (!isDatum(node)) throw new Untyped(`a comment in ${part}, where the builders keep none`);
  const text = printDatum(node);
  return {
    ts: { k: "call", callee: "schemeOf", args: [{ k: "tpl", text: templateText(text) }] },
    value: schemeOf(text),
    uses: ["schemeOf"],
  };
}

/** An array of codes. */
export function array<T>(items: readonly Code<T>[]): Code<T[]> {
  return {
    ts: { k: "arr", items: items.map((i) => i.ts) },
    value: items.map((i) => i.value),
    uses: items.flatMap((i) => i.uses),
    ...partsOf(items),
  };
}

/** An object literal of codes, its keys in order (undefined ones left out). */
export function object(fields: readonly (readonly [string, Code | undefined])[]): Code<Record<string, unknown>> {
  const given = fields.filter((f): f is readonly [string, Code] => f[1] !== undefined);
  return {
    ts: { k: "obj", props: given.map(([k, c]) => [k, c.ts] as const) },
    value: Object.fromEntries(given.map(([k, c]) => [k, c.value])),
    uses: given.flatMap(([, c]) => c.uses),
    ...partsOf(given.map(([, c]) => c)),
  };
}

/** A call of a `@guix-ts/core` function, and its value. */
export function callOf<T>(name: string, fn: (...args: never[]) => T, args: readonly Code[]): Code<T> {
  return {
    ts: { k: "call", callee: name, args: args.map((a) => a.ts) },
    value: (fn as (...a: unknown[]) => T)(...args.map((a) => a.value)),
    uses: [name, ...args.flatMap((a) => a.uses)],
    ...partsOf(args),
  };
}
