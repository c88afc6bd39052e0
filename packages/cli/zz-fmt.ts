import { readFileSync } from "node:fs";
import { printDatums, readDatums } from "@guix-ts/scheme-printer";
const t = readFileSync(process.argv[2]!, "utf8"); const o = printDatums(readDatums(t));
console.log(o === t ? "SAME" : o);
