/**
 * Hash encodings: Nix's base32 (what Guix calls nix-base32), hex, and SRI.
 * Nix's base32 is not RFC 4648: its own alphabet, and the bits taken from the
 * end of the hash first (nix/libutil/hash.cc, Guix's guix/base32.scm).
 */
// Nix's alphabet (core has it too, for validation): kept here so that hashing loads nothing else.
const NIX_BASE32_ALPHABET = "0123456789abcdfghijklmnpqrsvwxyz";

const DIGIT = new Map([...NIX_BASE32_ALPHABET].map((c, i) => [c, i]));

/**
 * Encode bytes in Nix's base32: 52 characters for a sha256.
 *
 * @example toNixBase32(createHash("sha256").update("").digest()) // "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73"
 */
export function toNixBase32(bytes: Uint8Array): string {
  const length = Math.floor((bytes.length * 8 - 1) / 5) + 1;
  let out = "";
  for (let n = length - 1; n >= 0; n--) {
    const bit = n * 5;
    const i = bit >> 3;
    const j = bit & 7;
    const c = (bytes[i]! >> j) | (i + 1 < bytes.length ? bytes[i + 1]! << (8 - j) : 0);
    out += NIX_BASE32_ALPHABET[c & 0x1f];
  }
  return out;
}

/**
 * Decode Nix's base32; throws on a character outside the alphabet or bits beyond the hash.
 *
 * @example toHex(fromNixBase32("0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73")) // "e3b0c442..."
 */
export function fromNixBase32(text: string): Uint8Array {
  const size = Math.floor((text.length * 5) / 8);
  const bytes = new Uint8Array(size);
  for (let n = 0; n < text.length; n++) {
    const digit = DIGIT.get(text[text.length - n - 1]!);
    if (digit === undefined)
      throw new TypeError(`not a nix-base32 character: ${JSON.stringify(text[text.length - n - 1])}`);
    const bit = n * 5;
    const i = bit >> 3;
    const j = bit & 7;
    bytes[i]! |= (digit << j) & 0xff;
    const carry = digit >> (8 - j);
    if (i + 1 < size) bytes[i + 1]! |= carry;
    else if (carry !== 0) throw new TypeError(`invalid nix-base32 hash: ${text}`);
  }
  return bytes;
}

/**
 * Bytes as lower-case hex.
 *
 * @example toHex(new Uint8Array([1, 255])) // "01ff"
 */
export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
/**
 * Hex as bytes; throws for text that is not hex.
 *
 * @example fromHex("01ff") // Uint8Array [1, 255]
 */
export const fromHex = (hex: string): Uint8Array => {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new TypeError(`not a hex string: ${hex}`);
  return new Uint8Array(Buffer.from(hex, "hex"));
};

/**
 * Bytes as an SRI hash: `sha256-<base64>`.
 *
 * @example toSri(sha256) // "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
 */
export const toSri = (bytes: Uint8Array, algorithm = "sha256"): string =>
  `${algorithm}-${Buffer.from(bytes).toString("base64")}`;
/**
 * An SRI hash as its algorithm and bytes; throws for one that is not.
 *
 * @example fromSri("sha256-47DEQpj8...").algorithm // "sha256"
 */
export function fromSri(sri: string): { algorithm: string; bytes: Uint8Array } {
  const m = /^(sha256|sha512|sha1)-([A-Za-z0-9+/]+={0,2})$/.exec(sri);
  if (!m) throw new TypeError(`not an SRI hash: ${sri}`);
  return { algorithm: m[1]!, bytes: new Uint8Array(Buffer.from(m[2]!, "base64")) };
}
