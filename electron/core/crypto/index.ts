/**
 * age v1 (https://age-encryption.org/v1) on node:crypto: X25519 and passphrase (scrypt)
 * recipients, streaming encryption, random-access and streaming decryption.
 */
export {
  decodeIdentity,
  decodeRecipient,
  encodeIdentity,
  encodeRecipient,
  generateIdentity,
  identityFromSecret,
  wipeSecretKey,
  type X25519Identity,
} from './age-keys';
export { createEncryptStream, encryptBuffer, type AgeRecipient } from './age-writer';
export {
  createDecryptStream,
  decryptBuffer,
  openAgeFile,
  type AgeFile,
  type AgeIdentity,
} from './age-reader';
