import { within, type Context } from "./context.js";

/**
 * Heads whose arguments start on the next line, indented 1 from the
 * parenthesis, when the form stands in the given context: the heads of the
 * enclosing forms, innermost first (Guix's `%newline-forms`).
 */
export const NEWLINE_FORMS: ReadonlyMap<string, readonly (readonly string[])[]> = new Map(
  Object.entries({
    source: [["package"]],
    "git-reference": [["uri", "origin"]],
    snippet: [["origin"]],
    sha256: [["origin", "source", "package"]],
    arguments: [["package"]],
    list: [["arguments", "package"]],
    "search-paths": [["package"]],
    "native-search-paths": [["package"]],
    "search-path-specification": [[]],
    services: [["operating-system"], ["home-environment"]],
    "set-xorg-configuration": [[]],
    "home-bash-configuration": [["service"]],
    introduction: [["channel"]],
  }),
);

/** Whether `head`'s arguments start on the next line in `context`. */
export function isNewlineForm(head: string, context: Context | null): boolean {
  const contexts = NEWLINE_FORMS.get(head);
  return contexts !== undefined && contexts.some((heads) => within(context, heads));
}

/** Inside a package's `(arguments (list ...))`, a gexp after a keyword goes on its own line. */
export const GEXP_ARGUMENT_CONTEXT: readonly string[] = ["list", "arguments", "package"];

/** Keywords that stay on the line of what comes before them (Guix's printer breaks before the others). */
export const INLINE_KEYWORDS: ReadonlySet<string> = new Set(["allow-other-keys"]);

/** Lists with more elements than this are written one element per line (Guix: 5). */
export const LONG_LIST = 5;

/** The column the layout tries not to pass (Guix: 78). */
export const WIDTH = 78;
