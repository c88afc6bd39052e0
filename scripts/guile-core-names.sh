#!/usr/bin/env bash
# Writes packages/testing/src/guile-core-names.ts: the names `(guile)` exports, from the guile-3.0
# installed here. Run it again when the Guile the oracles target changes.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(guile -c '(display (version))')
{
  echo '/**'
  echo ' * The names Guile 3.0 binds in every module, `(guile)`: what a Guix file may use without importing it.'
  echo " * Made by \`scripts/guile-core-names.sh\` from guile-3.0 ($version); a name Guix adds comes from a module it imports."
  echo ' *'
  echo ' * @example GUILE_CORE_NAMES.has("string-append") // true' 
  echo ' */'
  echo '// prettier-ignore'
  echo 'export const GUILE_CORE_NAMES: ReadonlySet<string> = new Set(`'
  guile -c "(for-each (lambda (s) (display s) (newline)) (sort (module-map (lambda (s v) (symbol->string s)) (resolve-interface '(guile))) string<?))" |
    tr '\n' ' ' | fold -w 116 -s | sed 's/\\/\\\\/g; s/`/\\`/g; s/\${/\\${/g'
  echo '`.split(/\s+/).filter(Boolean));'
} > packages/testing/src/guile-core-names.ts
