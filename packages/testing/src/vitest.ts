/**
 * The oracles as vitest matchers: importing `@guix-ts/testing/vitest` in a test file (or a setup
 * file) adds them to `expect`, and ends the shared Guile after the tests.
 *
 * @example
 * await expect(manifestFile({ manifest })).toReadBackInGuile();
 * expect(file).toBeFixedPoint();
 */
import { afterAll, expect } from "vitest";
import type { Catalog } from "@guix-ts/catalog";
import type { GuixKnowledge } from "@guix-ts/core";
import type { Datum } from "@guix-ts/scheme-printer";
import { closeGuile } from "./guile.js";
import { guileReadsBack, isFixedPoint, readsAs, resolvesInCatalog, type Emitted, type Verdict } from "./oracles.js";

const result = (verdict: Verdict, what: string) => ({
  pass: verdict.ok,
  message: () => (verdict.ok ? `expected the text not to ${what}` : `expected the text to ${what}: ${verdict.message}`),
});

/**
 * The matchers, for `expect.extend` where the import alone is not wanted.
 *
 * @example expect.extend(guixMatchers)
 */
export const guixMatchers = {
  async toReadBackInGuile(received: Emitted) {
    return result(await guileReadsBack(received), "read back in Guile as the data it holds");
  },
  async toReadAs(received: Emitted, data: Datum | readonly Datum[]) {
    return result(await readsAs(received, data), "read in Guile as the data given");
  },
  toBeFixedPoint(received: Emitted) {
    return result(isFixedPoint(received), "be laid out as guix style lays it out");
  },
  toResolveInCatalog(received: Emitted, catalog: Catalog | GuixKnowledge) {
    return result(resolvesInCatalog(received, catalog), "use only names the catalogue's Guix provides");
  },
};

expect.extend(guixMatchers);
afterAll(closeGuile);

/** What the matchers add to vitest's `expect`. */
export interface GuixMatchers<R = unknown> {
  /** Guile reads the text as the data guix-ts reads in it. */
  toReadBackInGuile(): Promise<R>;
  /** Guile reads the text as exactly these data. */
  toReadAs(data: Datum | readonly Datum[]): Promise<R>;
  /** Formatting the text changes nothing. */
  toBeFixedPoint(): R;
  /** Every module, variable and specification the text uses is known to the catalogue's Guix. */
  toResolveInCatalog(catalog: Catalog | GuixKnowledge): R;
}

declare module "vitest" {
  // The declaration merges with vitest's own, which has these type parameters.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends GuixMatchers<T> {}
}
