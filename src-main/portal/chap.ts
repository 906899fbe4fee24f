import crypto from 'node:crypto';

/**
 * RouterOS writes `$(chap-id)` and `$(chap-challenge)` as octal-escaped byte strings meant for a
 * JavaScript string literal (`\371`, `\357\015…`, reference §2.2). A portal on another host must
 * decode them to the raw bytes before hashing. Printable characters may appear unescaped too, so
 * both forms are accepted; anything else (a lone backslash, a non-Latin-1 character) is refused.
 */
export function decodeRouterOctal(s: string): Buffer | null {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; ) {
    if (s[i] === '\\') {
      const m = /^[0-7]{3}/.exec(s.slice(i + 1, i + 4));
      if (!m) return null;
      const v = parseInt(m[0], 8);
      if (v > 255) return null;
      bytes.push(v);
      i += 4;
    } else {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e) return null;
      bytes.push(c);
      i += 1;
    }
  }
  return Buffer.from(bytes);
}

/** The inverse, as RouterOS writes it: every byte as `\ooo`. */
export function encodeRouterOctal(b: Buffer): string {
  return [...b].map((v) => `\\${v.toString(8).padStart(3, '0')}`).join('');
}

/**
 * The `password` the browser sends to `link-login-only` for HTTP-CHAP: lowercase hex
 * MD5(chap-id byte + password + challenge bytes) (reference §2.3). Null when the router's values
 * do not decode (then CHAP is impossible and the caller must not fall back silently).
 */
export function chapPassword(chapIdEscaped: string, password: string, challengeEscaped: string): string | null {
  const id = decodeRouterOctal(chapIdEscaped);
  const challenge = decodeRouterOctal(challengeEscaped);
  if (!id || id.length !== 1 || !challenge || challenge.length === 0) return null;
  return crypto.createHash('md5').update(id).update(password, 'utf8').update(challenge).digest('hex');
}
