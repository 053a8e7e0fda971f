import type { AgeIdentity } from '../../electron/core/crypto';
import { decodeIdentity } from '../../electron/core/crypto';

/** The X25519 identities of an age identity file (comments and blank lines skipped). */
export function parseIdentities(text: string): AgeIdentity[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('AGE-SECRET-KEY-1'))
    .map((line) => ({ kind: 'x25519' as const, secretKey: decodeIdentity(line) }));
}
