import { printDatums, readDatums } from "@guix-ts/scheme-printer";
console.log(JSON.stringify(printDatums(readDatums(process.argv[2]!))));
