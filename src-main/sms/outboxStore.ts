import type { Db } from '../db';
import type { Page } from '../../src-shared/domain';
import type { SmsKind, SmsLang, SmsOutboxItem, SmsStatus } from '../../src-shared/api/sms';

interface OutboxRow {
  id: number;
  phone: string;
  body: string;
  kind: SmsKind;
  lang: SmsLang;
  status: SmsStatus;
  attempts: number;
  provider: string | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

export interface PendingRow {
  id: number;
  phone: string;
  body: string;
  status: 'queued' | 'sending';
  lang: SmsLang;
  created_at: number;
}

function toItem(r: OutboxRow): SmsOutboxItem {
  return {
    id: r.id,
    phone: r.phone,
    text: r.body,
    status: r.status,
    at: r.created_at,
    kind: r.kind,
    lang: r.lang,
    error: r.last_error,
    attempts: r.attempts,
    provider: r.provider,
    sentAt: r.sent_at,
  };
}

const COLUMNS = 'id, phone, body, kind, lang, status, attempts, provider, last_error, created_at, sent_at';

/** The sms_outbox table's only reader and writer (DESIGN convention 9). */
export function createOutboxStore(db: Db) {
  const insert = db.prepare(
    "INSERT INTO sms_outbox (phone, body, kind, lang, status, created_at) VALUES (?, ?, ?, ?, 'queued', ?)",
  );
  const sending = db.prepare(
    "UPDATE sms_outbox SET status = 'sending', attempts = attempts + 1, provider = ?, next_try_at = NULL WHERE id = ?",
  );
  const requeue = db.prepare(
    "UPDATE sms_outbox SET status = 'queued', last_error = ?, provider_response = ?, next_try_at = ? WHERE id = ?",
  );
  const sent = db.prepare(
    "UPDATE sms_outbox SET status = 'sent', provider_ref = ?, provider_response = ?, last_error = NULL, sent_at = ? WHERE id = ?",
  );
  const failed = db.prepare(
    "UPDATE sms_outbox SET status = 'failed', last_error = ?, provider_response = ?, next_try_at = NULL WHERE id = ?",
  );
  const one = db.prepare(`SELECT ${COLUMNS} FROM sms_outbox WHERE id = ?`);
  const pending = db.prepare("SELECT id, phone, body, status, lang, created_at FROM sms_outbox WHERE status IN ('queued', 'sending') ORDER BY id");

  return {
    insert(phone: string, body: string, kind: SmsKind, lang: SmsLang, at: number): number {
      return Number(insert.run(phone, body, kind, lang, at).lastInsertRowid);
    },
    markSending(id: number, provider: string): void {
      sending.run(provider, id);
    },
    markRetrying(id: number, error: string, response: string | null, nextTryAt: number): void {
      requeue.run(error, response, nextTryAt, id);
    },
    markSent(id: number, ref: string | null, response: string | null, at: number): void {
      sent.run(ref, response, at, id);
    },
    markFailed(id: number, error: string, response: string | null): void {
      failed.run(error, response, id);
    },
    get(id: number): SmsOutboxItem | null {
      const r = one.get(id) as OutboxRow | undefined;
      return r ? toItem(r) : null;
    },
    /** Left queued or mid-send by a previous run (stopped or crashed). */
    pending(): PendingRow[] {
      return pending.all() as PendingRow[];
    },
    /** Newest first. */
    list(opts: { limit?: number; offset?: number; status?: SmsStatus }): Page<SmsOutboxItem> {
      const where = opts.status ? 'WHERE status = ?' : '';
      const args = opts.status ? [opts.status] : [];
      const rows = db
        .prepare(`SELECT ${COLUMNS} FROM sms_outbox ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
        .all(...args, opts.limit ?? 50, opts.offset ?? 0) as OutboxRow[];
      const total = (db.prepare(`SELECT count(*) AS n FROM sms_outbox ${where}`).get(...args) as { n: number }).n;
      return { items: rows.map(toItem), total };
    },
  };
}
export type OutboxStore = ReturnType<typeof createOutboxStore>;
