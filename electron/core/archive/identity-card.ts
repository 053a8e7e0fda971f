import { createHash } from 'node:crypto';
import { toString as qrToString } from 'qrcode';
import type { SharingIdentity } from '../../../shared/archive';
import type { UnlockedVault } from '../vault/vault';

/**
 * How a lawyer proves to a colleague which key is theirs: the recipient (age1…), a fingerprint
 * short enough to read aloud over the phone, and a QR code to scan from the screen.
 *
 * Fingerprint: SHA-256 of the recipient's text (ASCII), its first 30 bytes taken as six
 * big-endian 40-bit numbers, each reduced modulo 100,000 and written as five digits (as
 * Signal's safety numbers do). Digits read the same in every language; six groups carry about
 * 100 bits, far more than anyone could match by trying keys.
 */
export function fingerprintOf(recipient: string): string[] {
  const digest = createHash('sha256').update(recipient, 'ascii').digest();
  const groups: string[] = [];
  for (let group = 0; group < 6; group++) {
    let value = 0;
    for (let index = group * 5; index < group * 5 + 5; index++)
      value = value * 256 + (digest[index] ?? 0);
    groups.push(String(value % 100_000).padStart(5, '0'));
  }
  return groups;
}

/** The recipient as a QR code: an SVG made here, from the recipient alone, with no network. */
export function recipientQrSvg(recipient: string): Promise<string> {
  return qrToString(recipient, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export async function sharingIdentity(vault: UnlockedVault): Promise<SharingIdentity> {
  return {
    recipient: vault.recipient,
    fingerprint: fingerprintOf(vault.recipient),
    qrSvg: await recipientQrSvg(vault.recipient),
  };
}
