-- Recharge cards as a business (issue 12): card expiry per batch, the face value snapshot,
-- digits-only codes, and distributors (the shops and agents who resell cards) with their own
-- append-only ledger.
--
-- A card's state (new, assigned, used, expired, disabled) is computed on read from these columns
-- (billing/vouchers.ts CARD_STATE_SQL): `expired` needs no cron, and `assigned` is a new card
-- with a distributor, so the stored status stays 'new' | 'used' | 'disabled' and the redeem guard
-- (status = 'new') covers both.

-- The price the card sells at, copied from the package when the batch is made: a later price
-- change must not rewrite what distributors owe for cards already printed. Batches made before
-- this migration take the package's current price (the best record there is).
ALTER TABLE voucher_batches ADD COLUMN face_value INTEGER NOT NULL DEFAULT 0 CHECK (face_value >= 0);
UPDATE voucher_batches SET face_value = (SELECT p.price FROM packages p WHERE p.id = voucher_batches.package_id);
ALTER TABLE voucher_batches ADD COLUMN expires_at INTEGER;
ALTER TABLE voucher_batches ADD COLUMN alphabet TEXT NOT NULL DEFAULT 'default' CHECK (alphabet IN ('default', 'digits'));

CREATE TABLE distributors (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL,
  phone               TEXT NOT NULL,
  -- Exactly one of: hundredths of a percent of face value (1250 = 12.50 %), or paisa per card.
  commission_bp       INTEGER CHECK (commission_bp BETWEEN 0 AND 10000),
  commission_per_card INTEGER CHECK (commission_per_card >= 0),
  created_at          INTEGER NOT NULL,
  CHECK ((commission_bp IS NULL) <> (commission_per_card IS NULL))
);

ALTER TABLE vouchers ADD COLUMN distributor_id INTEGER REFERENCES distributors(id);
ALTER TABLE vouchers ADD COLUMN assigned_at INTEGER;
CREATE INDEX vouchers_distributor ON vouchers(distributor_id, assigned_at) WHERE distributor_id IS NOT NULL;

-- What a distributor owes and pays. A 'card' row is written when one of their cards is used
-- (in the redeem transaction): its face value, the commission (per card, rounded to the paisa)
-- and amount = face value − commission, the money they owe the shop for it. A 'payment' row is
-- money they handed over. Like payments, nothing is rewritten or deleted: a mistake is corrected
-- with another row, so a printed statement can always be reproduced.
CREATE TABLE distributor_ledger (
  id             INTEGER PRIMARY KEY,
  distributor_id INTEGER NOT NULL REFERENCES distributors(id),
  kind           TEXT NOT NULL CHECK (kind IN ('card', 'payment')),
  voucher_id     INTEGER UNIQUE REFERENCES vouchers(id),
  face_value     INTEGER NOT NULL DEFAULT 0 CHECK (face_value >= 0),
  commission     INTEGER NOT NULL DEFAULT 0 CHECK (commission >= 0),
  amount         INTEGER NOT NULL CHECK (amount >= 0),
  note           TEXT,
  created_at     INTEGER NOT NULL,
  CHECK ((kind = 'card') = (voucher_id IS NOT NULL))
);
CREATE INDEX distributor_ledger_time ON distributor_ledger(distributor_id, created_at);
CREATE TRIGGER distributor_ledger_no_delete BEFORE DELETE ON distributor_ledger
BEGIN SELECT RAISE(ABORT, 'the distributor ledger is append-only'); END;
CREATE TRIGGER distributor_ledger_no_update BEFORE UPDATE ON distributor_ledger
BEGIN SELECT RAISE(ABORT, 'the distributor ledger is append-only'); END;
