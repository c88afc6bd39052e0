/** The damn-server example (the article's manifest and channels), written with guix-ts's builders. */
import {
  channelsFileE,
  concatenateManifests,
  copyBuildSystem,
  gitFetch,
  guixChannel,
  manifestFileE,
  packageVersion,
  packagesToManifest,
  pkg,
  specificationsToManifest,
} from "@guix-ts/core";

export const GUIX_COMMIT = "287aec56a53fbd66492711c375d0b39ccb6c1590";

export const damnServer = pkg({
  name: "damn-server",
  version: "master",
  source: gitFetch({
    url: "https://git.sr.ht/~qeef/damn-server",
    commit: packageVersion,
    sha256: "06wdh66phmccllf9m085br5zld773663w9bnkbfq45yihb3a88ws",
  }),
  buildSystem: copyBuildSystem({ installPlan: [{ source: ".", target: "." }], style: "quoted" }),
  synopsis: "server part of the damn project",
  description: "server part of the damn project",
  homePage: "https://damn-project.org/",
  license: "agpl3",
});

export const manifest = concatenateManifests([
  specificationsToManifest([
    "python",
    "python-uvicorn",
    "python-fastapi",
    "python-pyjwt",
    "python-requests-oauthlib",
    "python-asyncpg",
  ]),
  packagesToManifest([damnServer]),
]);

export const manifestFile = () => manifestFileE({ manifest });

export const channelsFile = () => channelsFileE({ channels: [guixChannel({ commit: GUIX_COMMIT })] });

/** The command that builds the image with the pinned Guix, as the article runs it. */
export const PACK_ARGV = [
  "guix",
  "time-machine",
  "-C",
  "channels.scm",
  "--",
  "pack",
  "-m",
  "manifest.scm",
  "-f",
  "docker",
  "--image-tag=damn-docker-nix-guix_api",
  "--entry-point=bin/uvicorn",
  "-A",
  "damn_server.api:app",
  "-A",
  "--host",
  "-A",
  "0.0.0.0",
  "-A",
  "--port",
  "-A",
  "80",
  "-S",
  "/damn_server=damn_server",
];
