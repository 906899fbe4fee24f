import type { Db } from '../../db';
import type { Clock } from '../../clock';
import type { Logger } from '../../log';
import type { SettingsStore } from '../../deps';
import type { SendInput, SendResult } from '../../sms';
import { normalizePhone } from '../../../src-shared/phone';
import { normalizeMac } from '../../../src-shared/mac';
import { invalidInput } from '../../errors';
import { LANGS, type Lang } from '../i18n';
import { parseDigits } from '../digits';
import { createChallengeStore, type SmsOutcome } from './challengeStore';
import { createPinFailures } from './pinFailures';
import { decideSend } from './sendLimits';
import { OTP_DIGITS, deriveKeys, digestsEqual, generateCode, hashCode, makeProof, proofChallengeId, proofMatches } from './otpCode';
import type { CustomerAuth, OtpPurpose, OtpRequestResult, OtpVerifyResult, PinLoginResult, Requester } from './types';

export type * from './types';
export { windowRetryAt, decideSend } from './sendLimits';

/** What customerAuth needs of billing's customers (billing owns customers and pin_hash). */
export interface CustomerDirectory {
  findIdByPhone(phone: string): number | null;
  /** Creates the customer on first sight. */
  ensure(phone: string): number;
  isDisabled(id: number): boolean;
  checkPin(id: number, pin: string): boolean;
  update(id: number, patch: { pin: string }): unknown;
  get(id: number): { phone: string; hasPin: boolean; status: 'active' | 'disabled' };
}

export interface CustomerAuthDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  settings: Pick<SettingsStore, 'get'>;
  sms: { send(input: SendInput): Promise<Pick<SendResult, 'status'> & Partial<SendResult>> };
  customers: CustomerDirectory;
  /** The portal's signing key: code hashes and proofs are keyed with keys derived from it. */
  signingKey: Buffer;
}

/** Requests from the owner's "reset PIN" button: no device, and the per-address limit does not apply. */
export const ADMIN_IP = 'admin';

const PIN = /^\d{4,6}$/;

/** A PIN as typed (Bangla digits, spaces), or null when it is not 4–6 digits. */
export function normalizePin(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const p = parseDigits(input);
  return PIN.test(p) ? p : null;
}

/** `+8801712345678` → `+88017*****678`: enough for the owner to tell lines apart, not a contact list. */
function maskPhone(phone: string): string {
  return `${phone.slice(0, 6)}*****${phone.slice(-3)}`;
}

function phoneOf(input: unknown): string {
  const r = normalizePhone(input);
  if (!r.ok) throw invalidInput('phone', r.message);
  return r.e164;
}

function requesterOf(r: Requester): { mac: string | null; ip: string } {
  let mac: string | null = null;
  if (r.mac !== null && r.mac !== undefined && r.mac !== '') {
    mac = normalizeMac(r.mac);
    if (mac === null) throw invalidInput('mac', 'must be a MAC address such as AA:BB:CC:DD:EE:FF');
  }
  if (typeof r.ip !== 'string' || r.ip === '' || r.ip.length > 64) throw invalidInput('ip', 'must be the address the request came from');
  return { mac, ip: r.ip };
}

function langOf(lang: unknown): Lang {
  if (!LANGS.includes(lang as Lang)) throw invalidInput('lang', `must be one of ${LANGS.join(', ')}`);
  return lang as Lang;
}

/**
 * Customer authentication for the captive portal (issue #9, the customer's flow steps 2–3):
 * SMS OTP for new numbers and PIN resets, PIN logins, and the abuse limits. Neither a code nor a
 * PIN ever reaches a log line or a reply.
 */
export function createCustomerAuth(deps: CustomerAuthDeps): CustomerAuth {
  const { db, clock, log, customers } = deps;
  const challenges = createChallengeStore(db);
  const pinFailures = createPinFailures(db);
  const { codeKey, proofKey } = deriveKeys(deps.signingKey);
  const otpSettings = () => deps.settings.get().otp;

  function lookup(phone: string): ReturnType<CustomerAuth['lookup']> {
    const id = customers.findIdByPhone(phoneOf(phone));
    if (id === null) return { known: false };
    const c = customers.get(id);
    return { known: true, customerId: id, hasPin: c.hasPin, disabled: c.status === 'disabled' };
  }

  /**
   * Checks the limits and records the challenge in one IMMEDIATE transaction, so two requests
   * racing for the last allowed send (from this process or another on the same database) cannot
   * both pass the count: the second waits for the first's row, sees it, and is refused. The SMS
   * goes out after the commit, so the write lock is never held across a gateway call.
   */
  async function sendCode(phone: string, purpose: OtpPurpose, lang: Lang, who: { mac: string | null; ip: string }): Promise<OtpRequestResult> {
    const limits = otpSettings();
    const code = generateCode();
    const now = clock.now();
    const expiresAt = now + limits.ttlSeconds * 1000;
    const admitted = db
      .transaction(() => {
        const sends = challenges.recordedSends({ phone, mac: who.mac, ip: who.ip === ADMIN_IP ? null : who.ip, now });
        const decision = decideSend(sends, limits, now);
        if (!decision.ok) return decision;
        const id = challenges.insert({ phone, codeHash: hashCode(codeKey, phone, code), purpose, mac: who.mac, ip: who.ip, lang, now, expiresAt });
        return { ok: true as const, id };
      })
      .immediate();
    if (!admitted.ok) {
      log.info({ phone: maskPhone(phone), purpose, reason: admitted.reason, retryAt: admitted.retryAt }, 'otp request refused');
      return { ok: false, reason: admitted.reason, retryAt: admitted.retryAt };
    }

    let outcome: SmsOutcome;
    try {
      const shop = deps.settings.get().shop.name;
      const sent = await deps.sms.send({ phone, kind: purpose === 'register' ? 'otp' : 'pinReset', lang, vars: { code, shop } });
      outcome = sent.status;
    } catch (e) {
      // The SMS subsystem records its own failures; one that throws is a failed send all the same.
      log.warn({ err: e instanceof Error ? { message: e.message } : String(e), challengeId: admitted.id }, 'otp sms threw');
      outcome = 'failed';
    }
    challenges.setSmsStatus(admitted.id, outcome);
    log.info({ challengeId: admitted.id, phone: maskPhone(phone), purpose, sms: outcome, mac: who.mac, ip: who.ip }, 'otp requested');
    if (outcome === 'failed') return { ok: false, reason: 'sms_failed' };
    // Only once the new code is on its way: if its SMS failed, the previous code still works.
    challenges.supersedeOlder({ id: admitted.id, phone, purpose, now });
    return { ok: true, challengeId: admitted.id, expiresAt, resendAt: now + limits.resendAfterSeconds * 1000 };
  }

  async function requestOtp(input: { phone: string; purpose: OtpPurpose; lang: Lang } & Requester): Promise<OtpRequestResult> {
    const phone = phoneOf(input.phone);
    if (input.purpose !== 'register' && input.purpose !== 'pinReset') throw invalidInput('purpose', 'must be register or pinReset');
    const lang = langOf(input.lang);
    const who = requesterOf(input);
    const known = lookup(phone);
    if (known.known && known.disabled) return { ok: false, reason: 'disabled' };
    // A number with a PIN logs in with it (a code would let anyone with the SIM skip the PIN
    // without saying so: that is what "forgot PIN" is for); a reset needs a customer to reset.
    if (input.purpose === 'register' && known.known && known.hasPin) return { ok: false, reason: 'wrong_purpose' };
    if (input.purpose === 'pinReset' && !known.known) return { ok: false, reason: 'wrong_purpose' };
    return sendCode(phone, input.purpose, lang, who);
  }

  function verifyOtp(input: { phone: string; challengeId: number; code: string } & Requester): OtpVerifyResult {
    const phone = phoneOf(input.phone);
    const { maxAttempts } = otpSettings();
    const now = clock.now();
    const code = typeof input.code === 'string' ? parseDigits(input.code) : '';
    const result = db
      .transaction((): OtpVerifyResult & { purpose?: OtpPurpose } => {
        const c = Number.isSafeInteger(input.challengeId) ? challenges.get(input.challengeId) : null;
        if (!c || c.phone !== phone || c.consumed_at !== null || c.sms_status === 'failed') return { ok: false, reason: 'unknown' };
        // A superseded code is as dead as an expired one, and the customer's remedy is the same.
        if (c.superseded_at !== null || now >= c.expires_at) return { ok: false, reason: 'expired' };
        if (c.attempts >= maxAttempts) return { ok: false, reason: 'too_many_attempts', attemptsLeft: 0 };
        // A mistyped length is a try like any other: it costs nothing to count and cannot help a guesser.
        const right = code.length === OTP_DIGITS && /^\d+$/.test(code) && digestsEqual(hashCode(codeKey, phone, code), c.code_hash);
        if (!right) {
          challenges.addAttempt(c.id);
          const left = maxAttempts - c.attempts - 1;
          return left > 0 ? { ok: false, reason: 'wrong_code', attemptsLeft: left } : { ok: false, reason: 'too_many_attempts', attemptsLeft: 0 };
        }
        if (!challenges.consume(c.id, now)) return { ok: false, reason: 'unknown' };
        return { ok: true, proof: makeProof(proofKey, c.id, phone, c.purpose), purpose: c.purpose };
      })
      .immediate();
    if (result.ok && result.purpose === 'pinReset') {
      // The number's owner proved themselves: a lock from wrong PINs no longer protects anything.
      const id = customers.findIdByPhone(phone);
      if (id !== null) pinFailures.clear(id);
    }
    log.info({ challengeId: input.challengeId, ok: result.ok, reason: result.ok ? undefined : result.reason, mac: input.mac, ip: input.ip }, 'otp verify');
    if (result.ok) return { ok: true, proof: result.proof };
    return result;
  }

  function setPin(input: { proof: string; pin: string }): { ok: true; customerId: number } | { ok: false; reason: 'invalid_proof' | 'bad_pin' } {
    const now = clock.now();
    const id = proofChallengeId(input.proof);
    const c = id === null ? null : challenges.get(id);
    if (!c || !proofMatches(proofKey, input.proof, c.id, c.phone, c.purpose) || c.consumed_at === null || c.proof_used_at !== null || now >= c.expires_at) {
      log.info({ challengeId: id }, 'set pin refused: invalid proof');
      return { ok: false, reason: 'invalid_proof' };
    }
    // Checked before the proof is spent: a PIN of 3 digits should not cost the customer a new SMS.
    const pin = normalizePin(input.pin);
    if (pin === null) return { ok: false, reason: 'bad_pin' };
    if (!challenges.useProof(c.id, now)) return { ok: false, reason: 'invalid_proof' };
    try {
      const customerId = c.purpose === 'register' ? customers.ensure(c.phone) : customers.findIdByPhone(c.phone);
      if (customerId === null || customers.isDisabled(customerId)) {
        log.info({ challengeId: c.id }, 'set pin refused: no such active customer');
        return { ok: false, reason: 'invalid_proof' };
      }
      customers.update(customerId, { pin });
      pinFailures.clear(customerId);
      log.info({ challengeId: c.id, customerId, purpose: c.purpose }, 'pin set');
      return { ok: true, customerId };
    } catch (e) {
      challenges.unuseProof(c.id);
      throw e;
    }
  }

  function loginWithPin(input: { phone: string; pin: string } & Requester): PinLoginResult {
    const phone = phoneOf(input.phone);
    const { pinMaxAttempts, pinLockMinutes } = otpSettings();
    const now = clock.now();
    const id = customers.findIdByPhone(phone);
    if (id === null) return { ok: false, reason: 'unknown_number' };
    const c = customers.get(id);
    if (c.status === 'disabled') return { ok: false, reason: 'disabled' };
    if (!c.hasPin) return { ok: false, reason: 'no_pin' };
    const lock = pinFailures.state(id);
    // While locked the PIN is not even checked: a right guess during the lock must not be confirmed.
    if (lock.lockedUntil !== null && now < lock.lockedUntil) return { ok: false, reason: 'locked', lockedUntil: lock.lockedUntil, attemptsLeft: 0 };
    const pin = normalizePin(input.pin);
    // Not 4–6 digits cannot be anyone's PIN: refused without spending one of the customer's tries.
    if (pin === null) return { ok: false, reason: 'wrong_pin', attemptsLeft: pinMaxAttempts - lock.failures };
    if (customers.checkPin(id, pin)) {
      pinFailures.clear(id);
      log.info({ customerId: id, mac: input.mac, ip: input.ip }, 'pin login');
      return { ok: true, customerId: id };
    }
    const after = pinFailures.recordFailure(id, now, pinMaxAttempts, pinLockMinutes * 60_000);
    log.info({ customerId: id, mac: input.mac, ip: input.ip, attemptsLeft: after.attemptsLeft, locked: after.lockedUntil !== null }, 'pin login refused');
    if (after.lockedUntil !== null) return { ok: false, reason: 'locked', lockedUntil: after.lockedUntil, attemptsLeft: 0 };
    return { ok: false, reason: 'wrong_pin', attemptsLeft: after.attemptsLeft };
  }

  async function startPinReset(customerId: number, lang: Lang): Promise<OtpRequestResult> {
    const c = customers.get(customerId);
    if (c.status === 'disabled') return { ok: false, reason: 'disabled' };
    return sendCode(c.phone, 'pinReset', langOf(lang), { mac: null, ip: ADMIN_IP });
  }

  return { lookup, requestOtp, verifyOtp, setPin, loginWithPin, startPinReset };
}
