/** Content hashes as Guix writes them: sha256 in Nix's base32. */

/**
 * Nix's base32 alphabet (no e, o, u, t).
 *
 * @example NIX_BASE32_ALPHABET.includes("e") // false
 */
export const NIX_BASE32_ALPHABET = "0123456789abcdfghijklmnpqrsvwxyz";

const NIX_BASE32_SHA256 = /^[0-9a-df-np-sv-z]{52}$/;

/**
 * Why `hash` is not a sha256 in nix-base32, or null when it is.
 *
 * @example base32Problem("06wdh66p") // "expected 52 nix-base32 characters (0-9 a-d f-n p-s v-z), got 8"
 */
export function base32Problem(hash: unknown): string | null {
  if (typeof hash !== "string") return "expected a string of 52 nix-base32 characters";
  if (NIX_BASE32_SHA256.test(hash)) return null;
  const bad = [...hash].filter((c) => !NIX_BASE32_ALPHABET.includes(c));
  if (bad.length > 0) {
    return `expected 52 nix-base32 characters (0-9 a-d f-n p-s v-z), found ${[...new Set(bad)].map((c) => JSON.stringify(c)).join(", ")}`;
  }
  return `expected 52 nix-base32 characters (0-9 a-d f-n p-s v-z), got ${hash.length}`;
}
