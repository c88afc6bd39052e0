import type { PrefixName } from "../ast/nodes.js";

/** `(quote x)` and its kin are written as their abbreviation (`'x`), as Guix's printer writes them. */
export const ABBREVIATED: ReadonlyMap<string, PrefixName> = new Map(
  (
    [
      "quote",
      "quasiquote",
      "unquote",
      "unquote-splicing",
      "gexp",
      "ungexp",
      "ungexp-native",
      "ungexp-splicing",
      "ungexp-native-splicing",
    ] as const
  ).map((p) => [p, p]),
);

/** The quoting forms: a list headed by one of them is data, not a list of lists (`let` bindings). */
export const QUOTING: ReadonlySet<string> = new Set(["quote", "quasiquote", "unquote", "unquote-splicing"]);
