import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import * as G from "@guix-ts/core";
import { readDatums, printDatums } from "@guix-ts/scheme-printer";
import { packageCode } from "../import/src/package-form.ts";
const dir = "/tmp/guix-tree/gnu/packages";
const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".scm"));
const kinds = new Map<string, number>(); let shown = 0;
for (const f of files) for (const n of readDatums(readFileSync(join(dir, f), "utf8"), { file: f })) {
  if (n.kind !== "list" || n.items[2]?.kind !== "list") continue;
  const h = (n.items[2] as any).items[0]?.name; if (h !== "package" && h !== "package/inherit") continue;
  let c; try { c = packageCode(n.items[2]!, "license:"); } catch { continue; }
  const file = G.guixFileE(G.guixFile([G.definePackage((n.items[1] as any).name, c.value as any, { public: (n.items[0] as any).name === "define-public" })], { licensePrefix: "license:" }));
  if (E.isLeft(file)) continue;
  const a = file.right.text.split("\n"), b = printDatums([n]).split("\n");
  const i = a.findIndex((l, k) => l !== b[k]);
  if (i < 0) continue;
  const key = (b[i] ?? "").trim().slice(0, 30); kinds.set(key, (kinds.get(key) ?? 0) + 1);
  if (shown++ < Number(process.env.SHOW ?? 6)) console.log(`${f}\n- ${b.slice(Math.max(0,i-1), i + 2).join("\n- ")}\n+ ${a.slice(Math.max(0,i-1), i + 2).join("\n+ ")}\n`);
}
console.log([...kinds].sort((x, y) => y[1] - x[1]).slice(0, 15));
