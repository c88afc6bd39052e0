import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { importGuixFile } from "@guix-ts/import";
const dir = "/tmp/guix-tree/gnu/packages";
const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".scm"));
const t = performance.now();
let packages = 0, typed = 0, fully = 0;
const reasons = new Map<string, number>(), raws = new Map<string, number>();
for (const f of files) {
  const r = await importGuixFile(readFileSync(join(dir, f), "utf8"), f);
  packages += r.summary.packages; typed += r.summary.typed; fully += r.summary.fullyTyped;
  for (const [k, n] of r.summary.untyped) reasons.set(k, (reasons.get(k) ?? 0) + n);
  for (const [k, n] of r.summary.rawParts) raws.set(k, (raws.get(k) ?? 0) + n);
}
console.log(JSON.stringify({ files: files.length, packages, typed, fully, s: Math.round((performance.now() - t) / 1000) }));
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v}\t${k.slice(0, 150)}`).join("\n");
console.log("--- untyped\n" + top(reasons, Number(process.env.N ?? 25)));
console.log("--- raw parts\n" + top(raws, Number(process.env.N ?? 25)));
