/** `pnpm bench [GROUP...]`: every benchmark (or those groups), each against its peer measured in the same run. */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchCatalog } from "./catalog.js";
import { benchCatalogTypes } from "./catalog-types.js";
import { benchCommands } from "./commands.js";
import { benchContainers } from "./containers.js";
import { benchDockerArchive } from "./docker-archive.js";
import { benchHash } from "./hash.js";
import { benchImport } from "./import.js";
import { report, type BenchResult } from "./measure.js";
import { benchScheme } from "./scheme.js";

const GROUPS: Record<string, (dir: string) => BenchResult[] | Promise<BenchResult[]>> = {
  commands: benchCommands,
  scheme: benchScheme,
  catalog: benchCatalog,
  "catalog-types": benchCatalogTypes,
  import: benchImport,
  hash: benchHash,
  containers: benchContainers,
  "docker-archive": benchDockerArchive,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((g) => !(g in GROUPS));
if (unknown.length > 0) {
  console.error(`pnpm bench: no group ${unknown.join(", ")}; the groups: ${Object.keys(GROUPS).join(", ")}`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), "guix-ts-bench-"));
try {
  // A folder each: groups name their files alike (`archive`...) and must not meet.
  for (const [name, bench] of Object.entries(GROUPS))
    if (wanted.length === 0 || wanted.includes(name)) {
      const own = join(dir, name);
      mkdirSync(own);
      console.log(report(await bench(own)));
      rmSync(own, { recursive: true, force: true });
    }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
