import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readDatums } from "@guix-ts/scheme-printer";
import { packageCode } from "../import/src/package-form.ts";
const dir = "/tmp/guix-tree/gnu/packages";
const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".scm"));
const combos = new Map<string, number>(); const single = new Map<string, number>();
for (const f of files) {
  for (const n of readDatums(readFileSync(join(dir, f), "utf8"), { file: f })) {
    if (n.kind !== "list" || n.items[2]?.kind !== "list") continue;
    const h = (n.items[2] as any).items[0]?.name; if (h !== "package" && h !== "package/inherit") continue;
    try { const c = packageCode(n.items[2]!, "license:"); const r = [...new Set(c.raws ?? [])].sort(); const k = r.join(" | ");
      combos.set(k, (combos.get(k) ?? 0) + 1); if (r.length === 1) single.set(k, (single.get(k) ?? 0) + 1); } catch {}
  }
}
console.log([...combos].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v}\t${k}`).join("\n"));
