/**
 * A Node.js web service packed with guix-ts: the service built with
 * node-build-system from a git tag, Node.js from Guix, and the project's own
 * channel added on top of Guix's default channels.
 */
import {
  channel,
  channelsFileE,
  concatenateManifests,
  gitFetch,
  gitFileName,
  guixPackage,
  manifestFileE,
  nodeBuildSystem,
  packagesToManifest,
  pkg,
  scheme,
  specificationsToManifest,
} from "@guix-ts/core";

const node = guixPackage("node-lts", "gnu packages node");

export const helloService = pkg({
  name: "hello-service",
  version: "1.4.0",
  source: gitFetch({
    url: "https://example.org/acme/hello-service.git",
    commit: "v1.4.0",
    fileName: gitFileName,
    sha256: "1b7a0m3clm4sd7b9pbgjd4qf4c9hmjkz6ir1fxq0w3lx3yqj2n1k",
  }),
  buildSystem: nodeBuildSystem({
    node,
    tests: false,
    phases: scheme`#~(modify-phases %standard-phases (delete 'configure))`,
  }),
  inputs: [node],
  synopsis: "Greeting web service",
  description: "A small HTTP service that answers with a greeting.",
  homePage: "https://example.org/acme/hello-service",
  license: "expat",
});

export const manifest = concatenateManifests([
  specificationsToManifest(["node-lts", "coreutils", "nss-certs"]),
  packagesToManifest([helloService]),
]);

export const manifestFile = () => manifestFileE({ manifest, licensePrefix: "license:" });

export const channelsFile = () =>
  channelsFileE({
    channels: [channel({ name: "acme", url: "https://example.org/acme/guix-channel.git", branch: "main" })],
    withDefaultChannels: true,
  });
