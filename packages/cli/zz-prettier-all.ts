import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "prettier";
import { importGuixFile } from "@guix-ts/import";
const dir = "/tmp/guix-tree/gnu/packages";
const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".scm"));
let bad = 0;
for (const f of files) {
  const { code } = await importGuixFile(readFileSync(join(dir, f), "utf8"), f);
  const p = await format(code, { parser: "typescript", printWidth: 120 });
  if (p !== code) {
    bad++;
    const a = code.split("\n"), b = p.split("\n"); const i = a.findIndex((l, k) => l !== b[k]);
    if (bad <= 5) console.log(f, "\n ours: " + a.slice(i - 2, i + 3).join("\n ours: ") + "\n prettier: " + b.slice(i - 2, i + 3).join("\n prettier: "));
  }
}
console.log(JSON.stringify({ files: files.length, bad }));
