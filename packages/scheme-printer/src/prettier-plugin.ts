/**
 * A prettier plugin for Scheme (`.scm`) with the same rules as `printDatums`:
 * `prettier --plugin=@guix-ts/scheme-printer/prettier --write x.scm`.
 * Like prettier's Lisp plugins, the printer hands back finished text: the
 * column-tracking layout is Guix's, and prettier's document printer would
 * only slow it down.
 */
import type { Node } from "./ast/nodes.js";
import { printDatums } from "./printer/print.js";
import { readDatums } from "./reader/reader.js";
import { SchemeSyntaxError } from "./reader/syntax-error.js";

interface SchemeFile {
  readonly type: "scheme-file";
  readonly nodes: readonly Node[];
  readonly length: number;
}

export const languages = [
  {
    name: "Scheme",
    parsers: ["scheme"],
    extensions: [".scm"],
    vscodeLanguageIds: ["scheme"],
  },
];

export const parsers = {
  scheme: {
    astFormat: "scheme-file",
    parse(text: string): SchemeFile {
      try {
        return { type: "scheme-file", nodes: readDatums(text), length: text.length };
      } catch (error) {
        if (!(error instanceof SchemeSyntaxError)) throw error;
        // prettier shows `loc` as a code frame.
        throw Object.assign(new SyntaxError(error.reason), {
          loc: { start: { line: error.line, column: error.column } },
        });
      }
    },
    locStart: (): number => 0,
    locEnd: (file: SchemeFile): number => file.length,
  },
};

export const printers = {
  "scheme-file": {
    print(path: { node: SchemeFile }, options: { printWidth: number }): string {
      return printDatums(path.node.nodes, { width: options.printWidth });
    },
  },
};

/** Guix's width, unless the user sets `printWidth`. */
export const defaultOptions = { printWidth: 78 };
