// Every public function, class and constant of every package has an example in its doc comment
// (TypeDoc already fails on a public name without a doc comment). Reads TypeDoc's JSON output.
import { readFileSync } from "node:fs";

const FUNCTION = 64;
const CLASS = 128;
const VARIABLE = 32;
const project = JSON.parse(readFileSync(new URL("../docs/api.json", import.meta.url), "utf8"));
const hasExample = (comment) => (comment?.blockTags ?? []).some((tag) => tag.tag === "@example");
const missing = [];
for (const pkg of project.children ?? []) {
  for (const item of pkg.children ?? []) {
    const comments =
      item.kind === FUNCTION ? (item.signatures ?? []).map((s) => s.comment) : [item.comment];
    if ([FUNCTION, CLASS, VARIABLE].includes(item.kind) && !comments.some(hasExample))
      missing.push(`${pkg.name}: ${item.name}`);
  }
}
if (missing.length > 0) {
  console.error(`${missing.length} public names without an @example in their doc comment:\n  ${missing.join("\n  ")}`);
  process.exit(1);
}
console.log("every public function, class and constant has an example");
