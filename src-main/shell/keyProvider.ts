import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileKeyProvider, KEY_FILE, type KeyProvider } from '../secrets';
import type { SafeStorageLike } from './types';

export const SAFE_KEY_FILE = 'secret.key.safe';

export interface KeyLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * The data key (32 bytes, AES-256-GCM for router passwords, RADIUS secrets …) sealed with
 * Electron safeStorage (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux) in
 * `<dataDir>/secret.key.safe`, so a copy of the data folder alone does not reveal the secrets.
 *
 * Order matters because choosing the wrong key makes every stored secret unreadable:
 * 1. a sealed key exists → use it (if safeStorage cannot open it, fail loudly, never make a new key);
 * 2. a plain `secret.key` exists (the headless server used this folder first) → keep using it, so
 *    `npm run serve` on the same folder still works;
 * 3. safeStorage unavailable → the plain key file provider, with a log line saying so;
 * 4. otherwise make a new key and seal it.
 * safeStorage can only be used after app 'ready'.
 */
export function safeStorageKeyProvider(safeStorage: SafeStorageLike, log: KeyLog, fallback: KeyProvider = fileKeyProvider): KeyProvider {
  return {
    loadKey(dataDir) {
      const sealedFile = path.join(dataDir, SAFE_KEY_FILE);
      const available = safeStorage.isEncryptionAvailable();
      if (fs.existsSync(sealedFile)) {
        if (!available) {
          throw new Error(
            `The data key in ${sealedFile} is protected by the system keyring, which is not available now. ` +
              'Log in to the desktop session normally (so the keyring unlocks) and start HotspotDesk again.',
          );
        }
        const key = Buffer.from(safeStorage.decryptString(fs.readFileSync(sealedFile)), 'hex');
        if (key.length !== 32) throw new Error(`The data key in ${sealedFile} is damaged (wrong length).`);
        return key;
      }
      if (fs.existsSync(path.join(dataDir, KEY_FILE))) {
        log.info({ dataDir }, 'data key: using the existing plain key file shared with the headless server');
        return fallback.loadKey(dataDir);
      }
      if (!available) {
        log.warn({ dataDir }, 'data key: Electron safeStorage is not available; falling back to a plain key file (mode 0600)');
        return fallback.loadKey(dataDir);
      }
      const backend = safeStorage.getSelectedStorageBackend?.();
      if (backend === 'basic_text') {
        log.warn({ backend }, 'data key: no desktop keyring found; safeStorage only obfuscates the key on this system');
      }
      const key = crypto.randomBytes(32);
      fs.mkdirSync(dataDir, { recursive: true });
      const tmp = `${sealedFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, safeStorage.encryptString(key.toString('hex')), { mode: 0o600 });
      fs.renameSync(tmp, sealedFile);
      log.info({ dataDir, backend }, 'data key: created and sealed with Electron safeStorage');
      return key;
    },
  };
}
