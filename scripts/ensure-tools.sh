#!/usr/bin/env bash
# Make sure the real programs the tests check against are installed (Debian packages).
# As root with apt-get, install what is missing; otherwise print the exact command and fail.
set -euo pipefail

# The stand-in guix of the runner tests is a /usr/bin/python3 script (Debian's, whatever else is on PATH).
declare -A PACKAGE_OF=( [guile]=guile-3.0 [nix-hash]=nix-bin [git]=git [skopeo]=skopeo [zstd]=zstd [xz]=xz-utils [proot]=proot [bwrap]=bubblewrap [/usr/bin/python3]=python3 )
# `ensure-tools.sh bench`: also the peers `pnpm bench` measures against, and GNU time for peak memory.
if [ "${1:-}" = bench ]; then PACKAGE_OF[pigz]=pigz; PACKAGE_OF[/usr/bin/time]=time; fi
missing=()
for tool in "${!PACKAGE_OF[@]}"; do
  if [[ $tool == /* ]]; then [ -x "$tool" ] || missing+=("${PACKAGE_OF[$tool]}")
  else command -v "$tool" >/dev/null 2>&1 || missing+=("${PACKAGE_OF[$tool]}"); fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$EUID" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} (needed by the tests)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "The tests need: ${missing[*]}. Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
