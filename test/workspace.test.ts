// The workspace's own shape: each package declares exactly what its sources import, and its
// tsconfig references the workspace packages it depends on (so `tsc -b packages/NAME` builds it alone).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const PACKAGES = readdirSync(join(ROOT, "packages"));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** The packages a file imports (static and dynamic), by package name. */
function imported(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:^|\s)(?:from\s+|import\s*\(\s*|import\s+)"([^"]+)"/gm)].map((m) => m[1]!);
  return specifiers
    .filter((s) => !s.startsWith(".") && !s.startsWith("node:"))
    .map((s) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]!));
}

describe.each(PACKAGES)("packages/%s", (name) => {
  const dir = join(ROOT, "packages", name);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const declared = new Set(Object.keys(manifest.dependencies ?? {}));
  // A peer is what the package is loaded by (prettier loads the plugin): it need not be imported.
  const peers = new Set(Object.keys(manifest.peerDependencies ?? {}));
  const used = new Set(sources(join(dir, "src")).flatMap(imported));

  it("declares every package its sources import, and no other", () => {
    expect([...used].filter((u) => !peers.has(u)).sort()).toEqual([...declared].sort());
  });

  it("references, in its tsconfig, every workspace package it depends on", () => {
    const tsconfig = JSON.parse(readFileSync(join(dir, "tsconfig.json"), "utf8"));
    const references = (tsconfig.references ?? []).map((r: { path: string }) => r.path.replace("../", ""));
    const workspace = [...declared].filter((d) => d.startsWith("@guix-ts/")).map((d) => d.replace("@guix-ts/", ""));
    expect(references.sort()).toEqual(workspace.sort());
  });

  it("exports its index and nothing of its internals (the prettier plugin, the vitest matchers, the hashes alone and core's suggestions are entry points of their own)", () => {
    const own: Record<string, string[]> = {
      "scheme-printer": [".", "./prettier"],
      testing: [".", "./vitest"],
      pinning: [".", "./hashing"],
      core: [".", "./suggest"],
    };
    expect(Object.keys(manifest.exports)).toEqual(own[name] ?? ["."]);
  });
});
