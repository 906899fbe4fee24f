import type { Db } from '../../db';
import type { Lang } from '../i18n';
import type { OtpPurpose } from './types';
import { LIMIT_WINDOWS, type RecordedSends } from './sendLimits';

export type SmsOutcome = 'pending' | 'sent' | 'queued' | 'failed';

export interface ChallengeRow {
  id: number;
  phone: string;
  code_hash: string;
  purpose: OtpPurpose;
  attempts: number;
  created_at: number;
  expires_at: number;
  consumed_at: number | null;
  mac: string | null;
  ip: string | null;
  lang: Lang;
  sms_status: SmsOutcome;
  superseded_at: number | null;
  proof_used_at: number | null;
}

export interface NewChallenge {
  phone: string;
  codeHash: string;
  purpose: OtpPurpose;
  mac: string | null;
  ip: string;
  lang: Lang;
  now: number;
  expiresAt: number;
}

/** The SQL of otp_challenges (owned by the portal: DESIGN.md convention 9). */
export function createChallengeStore(db: Db) {
  const numberSince = db.prepare<[string, number], { created_at: number }>(
    'SELECT created_at FROM otp_challenges WHERE phone = ? AND created_at > ? ORDER BY created_at, id',
  );
  const macSince = db.prepare<[string, number], { created_at: number }>(
    'SELECT created_at FROM otp_challenges WHERE mac = ? AND created_at > ? ORDER BY created_at, id',
  );
  const ipSince = db.prepare<[string, number], { created_at: number }>(
    'SELECT created_at FROM otp_challenges WHERE ip = ? AND created_at > ? ORDER BY created_at, id',
  );
  const lastLive = db.prepare<[string], { created_at: number | null }>(
    "SELECT MAX(created_at) AS created_at FROM otp_challenges WHERE phone = ? AND sms_status <> 'failed'",
  );
  const insert = db.prepare<[string, string, string, number, number, string | null, string, string]>(
    'INSERT INTO otp_challenges (phone, code_hash, purpose, created_at, expires_at, mac, ip, lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[number], ChallengeRow>('SELECT * FROM otp_challenges WHERE id = ?');
  const setSmsStatus = db.prepare<[SmsOutcome, number]>('UPDATE otp_challenges SET sms_status = ? WHERE id = ?');
  const supersede = db.prepare<[number, string, string, number]>(
    'UPDATE otp_challenges SET superseded_at = ? WHERE phone = ? AND purpose = ? AND id < ? AND consumed_at IS NULL AND superseded_at IS NULL',
  );
  const addAttempt = db.prepare<[number]>('UPDATE otp_challenges SET attempts = attempts + 1 WHERE id = ?');
  const consume = db.prepare<[number, number]>('UPDATE otp_challenges SET consumed_at = ? WHERE id = ? AND consumed_at IS NULL');
  const useProof = db.prepare<[number, number]>('UPDATE otp_challenges SET proof_used_at = ? WHERE id = ? AND proof_used_at IS NULL');
  const unuseProof = db.prepare<[number]>('UPDATE otp_challenges SET proof_used_at = NULL WHERE id = ?');

  const times = (rows: Array<{ created_at: number }>) => rows.map((r) => r.created_at);

  return {
    /** Every send the limits count for this request (any SMS outcome: a failed one may have cost money). */
    recordedSends(q: { phone: string; mac: string | null; ip: string | null; now: number }): RecordedSends {
      const hourAgo = q.now - LIMIT_WINDOWS.HOUR_MS;
      return {
        numberDay: times(numberSince.all(q.phone, q.now - LIMIT_WINDOWS.DAY_MS)),
        mac: q.mac === null ? null : times(macSince.all(q.mac, hourAgo)),
        ip: q.ip === null ? null : times(ipSince.all(q.ip, hourAgo)),
        lastLiveSendAt: lastLive.get(q.phone)?.created_at ?? null,
      };
    },

    insert(c: NewChallenge): number {
      return Number(insert.run(c.phone, c.codeHash, c.purpose, c.now, c.expiresAt, c.mac, c.ip, c.lang).lastInsertRowid);
    },

    get(id: number): ChallengeRow | null {
      return byId.get(id) ?? null;
    },

    setSmsStatus(id: number, status: SmsOutcome): void {
      setSmsStatus.run(status, id);
    },

    /** Older unused codes for the same number and purpose stop working once a newer one went out. */
    supersedeOlder(c: { id: number; phone: string; purpose: OtpPurpose; now: number }): void {
      supersede.run(c.now, c.phone, c.purpose, c.id);
    },

    addAttempt(id: number): void {
      addAttempt.run(id);
    },

    /** True when this call consumed it (a code verifies once). */
    consume(id: number, now: number): boolean {
      return consume.run(now, id).changes === 1;
    },

    /** True when this call spent the proof (it works once, even for two requests at the same time). */
    useProof(id: number, now: number): boolean {
      return useProof.run(now, id).changes === 1;
    },

    /** Gives a proof back when setting the PIN failed after it was spent (so the customer can retry). */
    unuseProof(id: number): void {
      unuseProof.run(id);
    },
  };
}

export type ChallengeStore = ReturnType<typeof createChallengeStore>;
