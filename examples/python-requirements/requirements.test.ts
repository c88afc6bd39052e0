// Property tests of the requirements emitter, written against @guix-ts/testing as a user would:
// random requirements files give manifests that the real Guile reads back as written, that Guix's
// formatter leaves as they are, and whose every name the catalogue knows.
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { GuixKnowledge } from "@guix-ts/core";
import { guileReadsBack, isFixedPoint, resolvesInCatalog } from "@guix-ts/testing";
import "@guix-ts/testing/vitest";
import { guixName, parseRequirements, requirementsManifest } from "./requirements.js";

// A requirement line as people write them: a name in any case with `-`, `_`, `.`, extras, a pin or a
// range, an environment marker, a comment; blank lines, comment lines and options between them.
const distribution = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}([-_.][A-Za-z0-9]{1,6}){0,2}$/);
const version = fc.stringMatching(/^[0-9]{1,2}(\.[0-9]{1,3}){0,2}$/);
const requirement = fc.record({
  name: distribution,
  extras: fc.option(fc.constantFrom("[standard]", "[socks,security]"), { nil: undefined }),
  spec: fc.oneof(
    version.map((v) => `==${v}`),
    version.map((v) => ` >= ${v}`),
    fc.constant(""),
  ),
  marker: fc.option(fc.constant(" ; python_version >= '3.8'"), { nil: undefined }),
  comment: fc.option(fc.constant("  # why"), { nil: undefined }),
});
const line = fc.oneof(
  {
    weight: 5,
    arbitrary: requirement.map((r) => `${r.name}${r.extras ?? ""}${r.spec}${r.marker ?? ""}${r.comment ?? ""}`),
  },
  fc.constantFrom("", "# a comment", "-r base.txt", "--index-url https://example.org/simple"),
);
const requirementsFile = fc.array(line, { maxLength: 12 }).map((lines) => lines.join("\n") + "\n");

const manifestOf = (text: string) => {
  const file = requirementsManifest(text);
  if (E.isLeft(file)) throw new Error(file.left.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return file.right;
};

/** A catalogue's knowledge of a Guix that has Python and every package these requirements name, at the versions pinned. */
function knowledgeFor(texts: readonly string[]): GuixKnowledge {
  const packages = new Map<string, { version?: string; outputs: string[] }[]>([["python", [{ outputs: ["out"] }]]]);
  for (const r of texts.flatMap(parseRequirements)) {
    const name = guixName(r.name);
    packages.set(name, [...(packages.get(name) ?? []), { version: r.pinned ?? "1.0", outputs: ["out"] }]);
  }
  return {
    packages,
    modules: new Map([["gnu packages", new Set(["specifications->manifest"])]]),
    buildSystems: new Map(),
  };
}

describe("requirements.txt -> manifest", () => {
  it("Guile reads every manifest back as written, and guix style leaves it as it is", async () => {
    const texts = fc.sample(requirementsFile, { numRuns: 300, seed: 42 });
    const files = texts.map(manifestOf);
    const verdicts = await Promise.all(files.map((f, i) => guileReadsBack(f, `requirements file ${i}`)));
    expect(verdicts.filter((v) => !v.ok)).toEqual([]);
    expect(files.map(isFixedPoint).filter((v) => !v.ok)).toEqual([]);
  });

  it("names only what the catalogue's Guix has; a name it lacks is reported", () => {
    fc.assert(
      fc.property(requirementsFile, (text) => {
        expect(resolvesInCatalog(manifestOf(text), knowledgeFor([text]))).toEqual({ ok: true });
      }),
      { numRuns: 500 },
    );
    const lacking = knowledgeFor([]);
    expect(resolvesInCatalog(manifestOf("requests==2.31.0\n"), lacking)).toEqual({
      ok: false,
      message: "no package python-requests in this Guix",
    });
  });

  it("one package a requirement, pins kept, each name once", () => {
    fc.assert(
      fc.property(fc.array(requirement, { minLength: 1, maxLength: 6 }), (rs) => {
        const text = rs.map((r) => `${r.name}${r.spec}`).join("\n");
        const expected = new Map<string, string>();
        for (const r of rs) {
          const name = guixName(r.name);
          if (!expected.has(name)) expected.set(name, r.spec.startsWith("==") ? `${name}@${r.spec.slice(2)}` : name);
        }
        const specs = [...manifestOf(text).text.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
        expect(specs).toEqual(["python", ...expected.values()]);
      }),
      { numRuns: 500 },
    );
  });

  it("matchers: the file of a project's requirements", async () => {
    const requirements = "fastapi==0.110.0\nuvicorn[standard] >= 0.29  # the server\n";
    const file = manifestOf(requirements);
    await expect(file).toReadBackInGuile();
    expect(file).toBeFixedPoint();
    expect(file).toResolveInCatalog(knowledgeFor([requirements]));
    expect(file).not.toResolveInCatalog(knowledgeFor(["fastapi==0.109.0\nuvicorn\n"]));
  });
});
