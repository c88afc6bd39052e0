// Run in its own process (plain Node, the built packages) so its peak memory is the edit's own.
import { performance } from "node:perf_hooks";
import { orThrow, validateImage } from "@guix-ts/core";
import { editDockerArchive } from "@guix-ts/runner";

const [input, output] = process.argv.slice(2);
const image = orThrow(
  validateImage({ name: "bench", tag: "1", workingDir: "/srv", exposedPorts: [80], env: { A: "1" }, cmd: ["serve"] }),
);
const start = performance.now();
await editDockerArchive(input, output, image);
console.log(JSON.stringify({ ms: performance.now() - start, maxRssKb: process.resourceUsage().maxRSS }));
