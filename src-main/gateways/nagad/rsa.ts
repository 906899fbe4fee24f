import crypto, { type KeyObject } from 'node:crypto';

/**
 * Nagad's RSA rules (reference §5.2): `sensitiveData` is the JSON encrypted with the gateway's
 * public key using PKCS#1 v1.5 (the PHP samples' openssl default), `signature` is an RSA
 * signature of the same JSON with the merchant's private key, and replies come back encrypted
 * with the merchant's public key.
 */

/** [U] SHA256withRSA per most integrations; one guide says SHA1withRSA. Flip here (or per gateway instance). */
export const NAGAD_SIGNATURE_HASH: NagadSignatureHash = 'sha256';
export type NagadSignatureHash = 'sha256' | 'sha1';

/**
 * Nagad hands keys out as bare base64 DER (PKCS#8 private, SPKI public) that owners paste as is;
 * PEM (with headers) is accepted too, and PKCS#1 private keys for those who converted them.
 * Returns null when it is not a key, so callers can say which field is wrong.
 */
export function readPrivateKey(text: string): KeyObject | null {
  const t = text.trim();
  if (!t) return null;
  try {
    if (t.includes('-----BEGIN')) return crypto.createPrivateKey(t);
    const der = Buffer.from(t.replace(/\s+/g, ''), 'base64');
    try {
      return crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } catch {
      return crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs1' });
    }
  } catch {
    return null;
  }
}

export function readPublicKey(text: string): KeyObject | null {
  const t = text.trim();
  if (!t) return null;
  try {
    if (t.includes('-----BEGIN')) return crypto.createPublicKey(t);
    const der = Buffer.from(t.replace(/\s+/g, ''), 'base64');
    try {
      return crypto.createPublicKey({ key: der, format: 'der', type: 'spki' });
    } catch {
      return crypto.createPublicKey({ key: der, format: 'der', type: 'pkcs1' });
    }
  } catch {
    return null;
  }
}

export function encryptForKey(publicKey: KeyObject, plain: string): string {
  return crypto.publicEncrypt({ key: publicKey, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.from(plain, 'utf8')).toString('base64');
}

/**
 * PKCS#1 v1.5 decryption. Node 20+ refuses RSA_PKCS1_PADDING in privateDecrypt (CVE-2023-46809,
 * the Marvin timing attack on servers that decrypt attacker-chosen ciphertexts), but Nagad
 * replies in exactly that padding. We decrypt raw and strip the padding ourselves: here we are
 * the client reading the gateway's own replies, and a failure only ends one checkout, so there is
 * no decryption oracle to time. Returns null when the block is not valid PKCS#1 v1.5.
 */
export function decryptWithKey(privateKey: KeyObject, base64: string): string | null {
  let block: Buffer;
  try {
    block = crypto.privateDecrypt({ key: privateKey, padding: crypto.constants.RSA_NO_PADDING }, Buffer.from(base64, 'base64'));
  } catch {
    return null;
  }
  if (block[0] !== 0x00 || block[1] !== 0x02) return null;
  const sep = block.indexOf(0x00, 2);
  // At least 8 bytes of non-zero padding (RFC 8017 §7.2.2).
  if (sep < 10) return null;
  return block.subarray(sep + 1).toString('utf8');
}

export function signWithKey(privateKey: KeyObject, plain: string, hash: NagadSignatureHash): string {
  return crypto.sign(hash, Buffer.from(plain, 'utf8'), privateKey).toString('base64');
}

export function verifyWithKey(publicKey: KeyObject, plain: string, signature: string, hash: NagadSignatureHash): boolean {
  try {
    return crypto.verify(hash, Buffer.from(plain, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Nagad's `dateTime`: yyyyMMddHHmmss on the Asia/Dhaka clock (UTC+6, no daylight saving since 2009). */
export function dhakaDateTime(epochMs: number): string {
  const d = new Date(epochMs + 6 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}
