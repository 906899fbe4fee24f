import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * At-rest protection for secrets the engine must read back (RADIUS secrets, router API passwords,
 * customers' hotspot passwords that CHAP needs in clear): AES-256-GCM with a 32-byte key.
 * Secrets we only need to check (PINs, OTPs, admin passwords) are hashed with scrypt instead.
 */
export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('secret key must be 32 bytes');
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v1:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed) {
      if (!sealed.startsWith('v1:')) throw new Error('unknown secret format');
      const raw = Buffer.from(sealed.slice(3), 'base64');
      const d = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

/** Where the data key comes from: a 0600 key file (headless), or Electron safeStorage (app). */
export interface KeyProvider {
  loadKey(dataDir: string): Buffer;
}

export const KEY_FILE = 'secret.key';

/** Headless: the key lives in `<dataDir>/secret.key`, created on first start with mode 0600. */
export const fileKeyProvider: KeyProvider = {
  loadKey(dataDir) {
    const file = path.join(dataDir, KEY_FILE);
    try {
      const hex = fs.readFileSync(file, 'utf8').trim();
      return Buffer.from(hex, 'hex');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const key = crypto.randomBytes(32);
    // 'wx' fails if another process created it meanwhile; then read theirs.
    try {
      fs.writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
      return key;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
    }
  },
};

// scrypt parameters: N=2^14 keeps a hash at ~30 ms on the shop PC, which is fine for logins but
// far too slow for offline guessing of a 4–6 digit PIN at scale combined with the salt.
const SCRYPT_N = 16384;

/** `scrypt$N$salt$hash` (base64). */
export function hashSecret(plain: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(plain, salt, 32, { N: SCRYPT_N });
  return `scrypt$${SCRYPT_N}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifySecret(plain: string, stored: string): boolean {
  const [scheme, n, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = crypto.scryptSync(plain, Buffer.from(salt, 'base64'), expected.length, { N: Number(n) });
  return crypto.timingSafeEqual(expected, actual);
}

/** Random string from an alphabet, unbiased (rejection sampling). */
export function randomFromAlphabet(alphabet: string, length: number): string {
  const max = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const b of crypto.randomBytes(length * 2)) {
      if (b < max && out.length < length) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}
