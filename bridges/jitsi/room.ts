import { randomBytes } from 'node:crypto';

const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 base32 in lowercase, without padding. */
function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** Room names prifora makes: a fixed prefix and 128 random bits (26 base32 characters). */
export const roomNamePattern = /^prifora-[a-z2-7]{26}$/;

/**
 * A new room for one call. Unguessable, so that a Jitsi which also admits guests, or a token
 * minted for any room, cannot find a family's call by trying names; ASCII lowercase, because
 * Prosody lowercases room names and percent-encodes anything else (uppercase non-ASCII fails).
 */
export function newRoomName(random: (size: number) => Uint8Array = randomBytes): string {
  return `prifora-${base32(random(16))}`;
}
