// Run in its own process (plain Node, the built packages) so its peak memory is the edit's own.
import { performance } from "node:perf_hooks";
import { editDockerArchive } from "@guix-ts/runner";

const [input, output] = process.argv.slice(2);
const start = performance.now();
await editDockerArchive(input, output, {
  name: "bench",
  tag: "1",
  workingDir: "/srv",
  exposedPorts: [80],
  env: { A: "1" },
  cmd: ["serve"],
});
console.log(JSON.stringify({ ms: performance.now() - start, maxRssKb: process.resourceUsage().maxRSS }));
