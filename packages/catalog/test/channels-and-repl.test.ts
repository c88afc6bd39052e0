// The two readers of what others print: a channels file (as `guix describe -f channels` writes
// it) and the catalogue script's output; each refuses what it cannot trust in one line.
import { describe, expect, it } from "vitest";
import { catalogFromRepl, pinnedChannelsOf } from "@guix-ts/catalog";

const DESCRIBED = `(list (channel
        (name 'guix)
        (url "https://git.guix.gnu.org/guix.git")
        (branch "master")
        (commit
          "4fd32c00ab0123456789abcdef0123456789abcd")
        (introduction
          (make-channel-introduction
            "9edb3f66fd807b096b48283debdcddccfea34bad"
            (openpgp-fingerprint
              "BBB0 2DDF 2CEA F6A8 0D1D  E643 A2A0 6DF2 A33A 54FA"))))
      (channel
        (name (quote extra))
        (url "https://example.org/extra.git")
        (commit "0123456789abcdef0123456789abcdef01234567")))
`;

describe("pinnedChannelsOf", () => {
  it("reads every channel of a described channels file: name (quoted either way), url, commit", () => {
    expect(pinnedChannelsOf(DESCRIBED, "channels.scm")).toEqual([
      { name: "guix", url: "https://git.guix.gnu.org/guix.git", commit: "4fd32c00ab0123456789abcdef0123456789abcd" },
      { name: "extra", url: "https://example.org/extra.git", commit: "0123456789abcdef0123456789abcdef01234567" },
    ]);
  });

  it("a channel without a url, or no channel at all: file:line:column", () => {
    expect(() => pinnedChannelsOf('(list\n  (channel (name \'guix) (commit "abc")))', "c.scm")).toThrow(
      "c.scm:2:3: a channel needs a name and a url",
    );
    expect(() => pinnedChannelsOf("(list)", "c.scm")).toThrow("c.scm: no channel in it");
  });
});

describe("catalogFromRepl", () => {
  it("reads the script's sections, whatever Guix printed before them", () => {
    const catalog = catalogFromRepl(
      `warning: something\n;; guix-ts catalog\n(packages ("hello" "2.12" ("out") "Hi" "gnu/packages/base.scm:9:2" "gnu packages base" ("hello-2" "hello") #f)
 ("old" "1" ("out") #f "guix/packages.scm:792:2" "gnu packages base" ("old") ("superseded" "hello")))
(modules ("gnu packages base" "hello" "hello-2" "old"))
(build-systems ("gnu-build-system" "guix build-system gnu" "tests?" "phases" "tests?"))
(problems "gnu packages broken: gnu/packages/broken.scm:6:1: unexpected end of input\\n")\n`,
      { guix: "4fd3" },
    );
    expect(catalog.packages).toEqual([
      {
        name: "hello",
        version: "2.12",
        outputs: ["out"],
        synopsis: "Hi",
        location: "gnu/packages/base.scm:9:2",
        module: "gnu packages base",
        variables: ["hello", "hello-2"],
      },
      {
        name: "old",
        version: "1",
        outputs: ["out"],
        synopsis: undefined,
        location: "guix/packages.scm:792:2",
        module: "gnu packages base",
        variables: ["old"],
        supersededBy: "hello",
      },
    ]);
    expect(catalog.buildSystems).toEqual({
      "gnu-build-system": { module: "guix build-system gnu", keywords: ["phases", "tests?"] },
    });
    expect(catalog.problems).toEqual(["gnu packages broken: gnu/packages/broken.scm:6:1: unexpected end of input"]);
  });

  it("output that is not the script's, or part of it: one line", () => {
    expect(() => catalogFromRepl("scheme@(guix-user)> ", {})).toThrow("guix repl did not print a catalogue");
    expect(() => catalogFromRepl(";; guix-ts catalog\n(packages)\n", {})).toThrow("part of a catalogue only");
    expect(() => catalogFromRepl(";; guix-ts catalog\n(packages (", {})).toThrow(
      /^guix repl printed what does not read: /,
    );
  });
});
