import crypto from 'node:crypto';
import { verifyChap } from './crypto';

/** How an Access-Request proves the password, already unhidden where the protocol allows. */
export type Credentials =
  /** `password` is null when the User-Password attribute could not be a hidden password. */
  | { kind: 'pap'; password: string | null }
  | { kind: 'chap'; chapPassword: Buffer; challenge: Buffer }
  | { kind: 'none' };

/** Does the request prove knowledge of `candidate`? */
export function credentialsMatch(c: Credentials, candidate: string): boolean {
  if (c.kind === 'chap') return verifyChap(c.chapPassword, c.challenge, candidate);
  if (c.kind === 'pap' && c.password !== null) {
    // Constant time for equal lengths; a length mismatch returns early, which reveals only the
    // length of our generated passwords (all the same length), not their content.
    const a = Buffer.from(c.password, 'utf8');
    const b = Buffer.from(candidate, 'utf8');
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  }
  return false;
}
