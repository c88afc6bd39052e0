/**
 * The damn-server example's manifest.scm and channels.scm, built as Scheme
 * data. (The typed builders of @guix-ts/core will replace the raw
 * constructors here; the files they print stay the same bytes.)
 */
import * as S from "@guix-ts/scheme-printer";
import type { Node } from "@guix-ts/scheme-printer";

const call = (head: string, ...args: Node[]): Node => S.list([S.sym(head), ...args]);
const field = (name: string, value: Node): Node => call(name, value);

export const GUIX_COMMIT = "287aec56a53fbd66492711c375d0b39ccb6c1590";

export function manifestFile(): Node[] {
  const damnServer = call(
    "package",
    field("name", S.str("damn-server")),
    field("version", S.str("master")),
    field(
      "source",
      call(
        "origin",
        field("method", S.sym("git-fetch")),
        field(
          "uri",
          call(
            "git-reference",
            field("url", S.str("https://git.sr.ht/~qeef/damn-server")),
            field("commit", S.sym("version")),
          ),
        ),
        field("sha256", call("base32", S.str("06wdh66phmccllf9m085br5zld773663w9bnkbfq45yihb3a88ws"))),
      ),
    ),
    field("build-system", S.sym("copy-build-system")),
    field("arguments", S.quote(S.list([S.kw("install-plan"), S.quote(S.list([S.list([S.str("."), S.str(".")])]))]))),
    field("synopsis", S.str("server part of the damn project")),
    field("description", S.str("server part of the damn project")),
    field("home-page", S.str("https://damn-project.org/")),
    field("license", S.sym("agpl3")),
  );
  const pythonPackages = [
    "python",
    "python-uvicorn",
    "python-fastapi",
    "python-pyjwt",
    "python-requests-oauthlib",
    "python-asyncpg",
  ];
  return [
    call(
      "use-modules",
      ...["guix packages", "guix git-download", "guix build-system copy", "guix licenses"].map((m) =>
        S.list(m.split(" ").map((p) => S.sym(p))),
      ),
    ),
    S.blankLines(),
    call("define", S.sym("damn-server"), damnServer),
    S.blankLines(),
    call(
      "concatenate-manifests",
      call(
        "list",
        call("specifications->manifest", call("list", ...pythonPackages.map((p) => S.str(p)))),
        call("packages->manifest", call("list", S.sym("damn-server"))),
      ),
    ),
  ];
}

export function channelsFile(): Node[] {
  return [
    call(
      "list",
      call(
        "channel",
        field("name", S.quote(S.sym("guix"))),
        field("url", S.str("https://git.savannah.gnu.org/git/guix.git")),
        field("branch", S.str("master")),
        field("commit", S.str(GUIX_COMMIT)),
        field(
          "introduction",
          call(
            "make-channel-introduction",
            S.str("9edb3f66fd807b096b48283debdcddccfea34bad"),
            call("openpgp-fingerprint", S.str("BBB0 2DDF 2CEA F6A8 0D1D E643 A2A0 6DF2 A33A 54FA")),
          ),
        ),
      ),
    ),
  ];
}

/** The command that builds the image with the pinned Guix, as the article runs it. */
export const PACK_ARGV = [
  "guix",
  "time-machine",
  "-C",
  "channels.scm",
  "--",
  "pack",
  "-m",
  "manifest.scm",
  "-f",
  "docker",
  "--image-tag=damn-docker-nix-guix_api",
  "--entry-point=bin/uvicorn",
  "-A",
  "damn_server.api:app",
  "-A",
  "--host",
  "-A",
  "0.0.0.0",
  "-A",
  "--port",
  "-A",
  "80",
  "-S",
  "/damn_server=damn_server",
];
