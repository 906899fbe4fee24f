-- Online payments (issue 10): new statuses, Send Money methods, refunds as new rows, and what the
-- confirmation flow must remember across a restart (the execute attempt, the next check).
--
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt. Subscriptions and
-- top-ups reference payments(id): the rows are copied aside, the table dropped and re-created,
-- and the rows put back with the same ids inside this one transaction. defer_foreign_keys makes
-- the references be checked at commit, when every parent row is back (it resets itself then).
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE payments_copy AS SELECT * FROM payments;
DROP TABLE payments;

CREATE TABLE payments (
  id              INTEGER PRIMARY KEY,
  invoice_no      TEXT NOT NULL UNIQUE,
  customer_id     INTEGER REFERENCES customers(id),
  package_id      INTEGER REFERENCES packages(id),
  amount          INTEGER NOT NULL CHECK (amount >= 0),
  method          TEXT NOT NULL CHECK (method IN ('cash', 'voucher', 'bkash', 'nagad', 'sslcommerz',
                    'bkash_send_money', 'nagad_send_money', 'rocket_send_money')),
  -- refunded: only ever a NEW row (refund_of names the payment refunded); the original stays completed.
  status          TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'failed', 'needs_review', 'refunded')),
  gateway_ref     TEXT UNIQUE,        -- bKash paymentID / Nagad paymentReferenceId / SSLCommerz tran_id / sendmoney:<wallet>:<trx> / voucher:<id> / cash:<key>
  gateway_session TEXT UNIQUE,
  failure_reason  TEXT,
  note            TEXT,
  created_by      TEXT,               -- 'admin', 'portal', 'voucher', 'sms'
  created_at      INTEGER NOT NULL,
  completed_at    INTEGER,
  -- The wallet's transaction id (bKash trxID, Nagad issuerPaymentRefNo, SSLCommerz bank_tran_id,
  -- the customer's Send Money TrxID), stored trimmed and upper-case: one TrxID pays once.
  trx_id          TEXT UNIQUE,
  -- Why the owner must look at it (PAYMENT_AMOUNT_MISMATCH, PAYMENT_UNCONFIRMED …); null otherwise.
  problem         TEXT,
  sender_phone    TEXT,               -- Send Money: the number the customer says they sent from
  refund_of       INTEGER UNIQUE REFERENCES payments(id),
  -- Set (and committed) before the one call that may move money (bKash execute): never twice.
  execute_attempted_at INTEGER,
  -- The retry job: when this pending payment is asked about next, how many asks so far, and
  -- since when it has been "checking" (24 h after that it goes to needs_review).
  next_check_at   INTEGER,
  check_step      INTEGER NOT NULL DEFAULT 0,
  checking_since  INTEGER
);

INSERT INTO payments (id, invoice_no, customer_id, package_id, amount, method, status, gateway_ref, gateway_session,
  failure_reason, note, created_by, created_at, completed_at)
SELECT id, invoice_no, customer_id, package_id, amount, method, status, gateway_ref, gateway_session,
  failure_reason, note, created_by, created_at, completed_at FROM temp.payments_copy;
DROP TABLE temp.payments_copy;

CREATE INDEX payments_created ON payments(created_at);
CREATE INDEX payments_customer ON payments(customer_id);
CREATE INDEX payments_next_check ON payments(next_check_at) WHERE status = 'pending' AND next_check_at IS NOT NULL;
CREATE INDEX payments_status ON payments(status, id);

CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;

-- The state machine: pending → completed | failed | needs_review; needs_review → completed |
-- failed (the owner's decision, or a later good confirmation). completed, failed and refunded
-- rows never change; a refund is a new row. What was invoiced never changes; the gateway
-- reference, the TrxID and the execute attempt are written once.
CREATE TRIGGER payments_no_rewrite BEFORE UPDATE ON payments
WHEN OLD.status NOT IN ('pending', 'needs_review')
  OR NEW.status NOT IN ('pending', 'completed', 'failed', 'needs_review')
  OR (OLD.status = 'needs_review' AND NEW.status = 'pending')
  OR NEW.amount <> OLD.amount OR NEW.method <> OLD.method OR NEW.invoice_no <> OLD.invoice_no
  OR NEW.created_at <> OLD.created_at
  OR NEW.refund_of IS NOT OLD.refund_of
  OR (OLD.customer_id IS NOT NULL AND NEW.customer_id IS NOT OLD.customer_id)
  OR (OLD.package_id IS NOT NULL AND NEW.package_id IS NOT OLD.package_id)
  OR (OLD.gateway_ref IS NOT NULL AND NEW.gateway_ref IS NOT OLD.gateway_ref)
  OR (OLD.trx_id IS NOT NULL AND NEW.trx_id IS NOT OLD.trx_id)
  OR (OLD.execute_attempted_at IS NOT NULL AND NEW.execute_attempted_at IS NOT OLD.execute_attempted_at)
BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;

-- Incoming-money SMS forwarded by the shop's phone (gateways/smsIn): every one is kept, the ones
-- that did not parse or match too, for the owner to read.
CREATE TABLE sms_in (
  id          INTEGER PRIMARY KEY,
  received_at INTEGER NOT NULL,
  sender      TEXT,
  text        TEXT NOT NULL,
  wallet      TEXT,                   -- bkash | nagad | rocket when parsed
  amount      INTEGER,                -- paisa
  trx_id      TEXT,                   -- upper-case
  from_phone  TEXT,
  -- matched: paid a payment; unparsed: not a format we read; unmatched: no pending TrxID (yet);
  -- mismatch: the amount differs (payment to needs_review); duplicate: the TrxID was used already.
  outcome     TEXT NOT NULL CHECK (outcome IN ('matched', 'unparsed', 'unmatched', 'mismatch', 'duplicate')),
  payment_id  INTEGER REFERENCES payments(id)
);
CREATE INDEX sms_in_trx ON sms_in(trx_id) WHERE trx_id IS NOT NULL;
CREATE INDEX sms_in_received ON sms_in(received_at);
