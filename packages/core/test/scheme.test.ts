// The scheme`...` escape hatch: holes are datums of their own; a hole anywhere else is refused, and
// its placeholder never reaches the output.
import { describe, expect, it } from "vitest";
import * as G from "@guix-ts/core";
import * as S from "@guix-ts/scheme-printer";

const print = (node: S.Node): string => S.printDatum(node).replace(/\s+/g, " ");

describe("scheme`...`", () => {
  it("puts each value where its hole stands as a datum", () => {
    const phase = S.sym("check");
    expect(print(G.scheme`(delete ${phase})`)).toBe("(delete check)");
    expect(print(G.scheme`(list ${"a"} ${1} ${1.5} ${true} ${10n ** 20n})`)).toBe(
      '(list "a" 1 1.5 #t 100000000000000000000)',
    );
    expect(print(G.scheme`#~(begin #$${S.sym("x")} '${S.sym("y")} ,@${S.sym("z")})`)).toBe("#~(begin #$x 'y ,@z)");
    expect(print(G.scheme`(${S.sym("f")})`)).toBe("(f)");
  });

  it.each([
    ["in a string", () => G.scheme`(display "hello ${"world"}")`, /hole 0 .*does not stand as a datum of its own/],
    ["in a string, between spaces", () => G.scheme`(display "hello ${"world"} !")`, /hole 0 stands inside a string/],
    [
      "in a comment",
      () => G.scheme`(list 1 ; ${1}
      2)`,
      /hole 0 stands inside/,
    ],
    ["in a block comment", () => G.scheme`(list #| ${1} |# 2)`, /hole 0 stands inside/],
    ["in a braced symbol", () => G.scheme`(list #{a ${1} b}#)`, /hole 0 stands inside/],
    ["glued to a keyword", () => G.scheme`(f #:${S.sym("k")} 1)`, /hole 0 .* does not stand as a datum of its own/],
    ["glued to a word", () => G.scheme`(f a${S.sym("b")})`, /hole 0 .* does not stand as a datum of its own/],
    ["a value that is no datum", () => G.scheme`(f ${{} as never})`, /hole 0 holds object/],
  ])("refuses a hole %s, clearly", (_, make, message) => {
    expect(make).toThrow(message);
  });

  it("reads a symbol that looks like a placeholder as that symbol", () => {
    expect(print(G.scheme`(guix-ts-hole-0 ${S.sym("x")})`)).toBe("(guix-ts-hole-0 x)");
  });
});
