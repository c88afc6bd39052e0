import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readDatums, printDatum } from "@guix-ts/scheme-printer";
import { packageCode } from "../import/src/package-form.ts";
const want = process.argv[2]!; const dir = "/tmp/guix-tree/gnu/packages";
const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".scm"));
const samples = new Map<string, number>();
for (const f of files) for (const n of readDatums(readFileSync(join(dir, f), "utf8"), { file: f })) {
  if (n.kind !== "list" || n.items[2]?.kind !== "list") continue;
  const h = (n.items[2] as any).items[0]?.name; if (h !== "package" && h !== "package/inherit") continue;
  try { const c = packageCode(n.items[2]!, "license:"); walk(c.ts); } catch {}
}
function walk(t: any): void { if (!t || typeof t !== "object") return;
  if (t.k === "call" && t.callee === "schemeOf") { const x = t.args[0].text; if (RegExp(want).test(x)) { const k = x.replace(/"[^"]*"/g, "S").slice(0, Number(process.env.W ?? 90)); samples.set(k, (samples.get(k) ?? 0) + 1);} }
  for (const v of Object.values(t)) if (Array.isArray(v)) v.forEach((x) => Array.isArray(x) ? x.forEach(walk) : walk(x)); else walk(v); }
console.log([...samples].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v}\t${k}`).join("\n"));
