/**
 * Typed names with the whole of Guix: a small build script type-checked by `tsc` against the
 * generated types of a catalogue of 30,000 packages, beside the same script written against
 * `@guix-ts/core` alone. The difference is what the types cost a user on every check.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { catalogTypes, CATALOG_FORMAT, type Catalog, type CatalogPackage } from "@guix-ts/catalog";
import { medianOf, type BenchResult } from "./measure.js";

const PACKAGES = 30_000;
const WORDS = ["python", "rust", "ghc", "perl", "ocaml", "emacs", "go", "r", "node", "guile", "texlive", "java"];

/** A catalogue shaped as Guix's: name families, multi-part versions, some packages with several outputs. */
function generatedCatalog(): Catalog {
  const packages: CatalogPackage[] = [];
  for (let i = 0; i < PACKAGES; i++) {
    const name = `${WORDS[i % WORDS.length]}-package-${i}`;
    packages.push({
      name,
      version: `${i % 7}.${i % 13}.${i % 5}`,
      outputs: i % 10 === 0 ? ["out", "doc", "debug"] : ["out"],
      synopsis: `Synthetic package number ${i}, for measuring`,
      location: `gnu/packages/m${i % 580}.scm:${i}:2`,
      module: `gnu packages m${i % 580}`,
      variables: [name],
    });
  }
  return {
    format: CATALOG_FORMAT,
    channels: { guix: "0".repeat(40) },
    packages,
    modules: {},
    buildSystems: {},
    uses: {},
    problems: [],
  };
}

const SCRIPT = (from: string) => `import { specificationsToManifest, guixPackage } from "@guix-ts/core";
${from === "core" ? "" : `import { packages, specificationsToManifest as typed, output } from "./guix-packages.js";\n`}
export const manifest = ${from === "core" ? "specificationsToManifest" : "typed"}([
  "python-package-0", "rust-package-1@1.1", "python-package-120:doc", "emacs-package-5",
]);
export const inputs = [${from === "core" ? 'guixPackage("python-package-0", "gnu packages m0")' : 'packages["python-package-0"], output(packages["python-package-60"], "debug")'}];
`;

export function benchCatalogTypes(dir: string): BenchResult[] {
  const root = join(dir, "types");
  mkdirSync(join(root, "node_modules", "@guix-ts"), { recursive: true });
  const here = dirname(fileURLToPath(import.meta.url));
  symlinkSync(join(here, "..", "packages", "core"), join(root, "node_modules", "@guix-ts", "core"));
  const { declarations, module } = catalogTypes(generatedCatalog());
  writeFileSync(join(root, "guix-packages.d.ts"), declarations);
  writeFileSync(join(root, "guix-packages.js"), module);
  writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
  writeFileSync(join(root, "typed.ts"), SCRIPT("typed"));
  writeFileSync(join(root, "plain.ts"), SCRIPT("core"));
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const check = (file: string) => () =>
    void execFileSync(
      process.execPath,
      [tsc, "--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext", "--target", "es2022", file],
      { cwd: root, stdio: "inherit" },
    );
  const plain = medianOf(5, check("plain.ts"));
  const typed = medianOf(5, check("typed.ts"));
  return [
    {
      name: `tsc of a build script with the types of ${PACKAGES.toLocaleString("en")} packages vs without`,
      ours: typed,
      peer: plain,
      target: "adds at most 2 s",
      pass: typed - plain <= 2000,
    },
  ];
}
