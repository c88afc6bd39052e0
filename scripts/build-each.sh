#!/usr/bin/env bash
# Each package builds alone from a clean tree (`tsc -b packages/NAME`): its tsconfig references and
# package.json dependencies are enough. Then the whole workspace is built again, as `prepare` does.
set -euo pipefail
cd "$(dirname "$0")/.."
clean() { rm -rf packages/*/dist packages/*/tsconfig.tsbuildinfo; }
for dir in packages/*/; do
  clean
  npx tsc -b "$dir" || { echo "packages/$(basename "$dir") does not build alone" >&2; exit 1; }
  echo "packages/$(basename "$dir") builds alone"
done
clean
npx tsc -b packages/cli packages/testing
