/** `pnpm bench`: every benchmark, each against its peer measured in the same run. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { report } from "./measure.js";
import { benchCatalog } from "./catalog.js";
import { benchContainers } from "./containers.js";
import { benchDockerArchive } from "./docker-archive.js";
import { benchHash } from "./hash.js";
import { benchScheme } from "./scheme.js";

const dir = mkdtempSync(join(tmpdir(), "guix-ts-bench-"));
try {
  console.log(report(benchScheme(dir)));
  console.log(report(await benchCatalog(dir)));
  console.log(report(await benchHash(dir)));
  console.log(report(await benchContainers(dir)));
  console.log(report(benchDockerArchive(dir)));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
