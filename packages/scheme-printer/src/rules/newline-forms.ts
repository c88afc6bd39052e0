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
