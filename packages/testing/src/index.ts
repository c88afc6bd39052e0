/**
 * @guix-ts/testing: property-test your own Guix emitters. fast-check arbitraries of valid guix-ts
 * values (and of values with one known fault), arbitraries of Scheme data, and oracles that say the
 * emitted text is right: the real Guile reads it back as meant, the formatter leaves it as it is,
 * a catalogue knows every name it uses. Vitest matchers: `@guix-ts/testing/vitest`.
 */
export { blank, datum, datumWithBlanks, schemeFile, schemeText } from "./scheme.js";
export {
  anyBuildSystem,
  anyChannel,
  anyChannelWithFault,
  anyChannels,
  anyCommit,
  anyGuixPackage,
  anyHash,
  anyImageSpec,
  anyImageSpecWithFault,
  anyInput,
  anyLicense,
  anyLicenseName,
  anyManifest,
  anyOrigin,
  anyPackage,
  anyPackageName,
  anyPackageOptions,
  anyPackageWithFault,
  anyText,
  anyTransformed,
  anyUrl,
  anyVariant,
  anyVersion,
  type WithFault,
} from "./builders.js";
export {
  closeGuile,
  encodeDatum,
  encodeTopLevel,
  guileReadAll,
  guileSession,
  startGuile,
  GuileError,
  type GuileReading,
  type GuileSession,
} from "./guile.js";
export { guileReadsBack, isFixedPoint, readsAs, resolvesInCatalog, type Emitted, type Verdict } from "./oracles.js";
export { GUILE_CORE_NAMES } from "./guile-core-names.js";
