/** Guix-like package definitions for the benchmarks: git origin, copy-build-system, arguments, metadata. */
import * as S from "@guix-ts/scheme-printer";
import type { Node } from "@guix-ts/scheme-printer";

const sym = S.sym;
const call = (head: string, ...args: Node[]): Node => S.list([sym(head), ...args]);
const BASE32 = "0123456789abcdfghijklmnpqrsvwxyz";

function hash(i: number): string {
  let out = "";
  let x = (i * 2654435761) >>> 0;
  for (let k = 0; k < 52; k++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += BASE32[x % 32];
  }
  return out;
}

export function syntheticPackage(i: number): Node {
  const name = `package-${i}`;
  return call(
    "define-public",
    sym(name),
    call(
      "package",
      call("name", S.str(name)),
      call("version", S.str(`1.${i % 17}.${i % 5}`)),
      call(
        "source",
        call(
          "origin",
          call("method", sym("git-fetch")),
          call(
            "uri",
            call(
              "git-reference",
              call("url", S.str(`https://example.org/project-${i}/${name}`)),
              call("commit", sym("version")),
            ),
          ),
          call("file-name", call("git-file-name", sym("name"), sym("version"))),
          call("sha256", call("base32", S.str(hash(i)))),
        ),
      ),
      call("build-system", sym("copy-build-system")),
      call(
        "arguments",
        S.quote(
          S.list([
            S.kw("install-plan"),
            S.quote(S.list([S.list([S.str("bin/"), S.str("bin/")]), S.list([S.str("share"), S.str("share/")])])),
            S.kw("phases"),
            call("modify-phases", sym("%standard-phases"), call("delete", S.quote(sym("check")))),
          ]),
        ),
      ),
      call("home-page", S.str(`https://example.org/project-${i}`)),
      call("synopsis", S.str(`Synthetic package number ${i}`)),
      call("description", S.str(`Synthetic package ${i}, to measure printing and reading.`)),
      call("license", sym("license:gpl3+")),
    ),
  );
}

export function syntheticPackages(count: number): Node[] {
  return Array.from({ length: count }, (_, i) => syntheticPackage(i));
}
