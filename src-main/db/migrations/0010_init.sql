-- HotspotDesk schema v1. Conventions (DESIGN.md): money in integer paisa, bytes as integers,
-- time as UTC epoch milliseconds, MACs 'AA:BB:CC:DD:EE:FF', phones E.164 '+8801XXXXXXXXX'.
-- Secrets are stored encrypted (*_enc, AES-256-GCM with the data-dir key) or hashed (*_hash, scrypt).

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL               -- JSON
);

CREATE TABLE admin_users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL DEFAULT 'owner',
  created_at    INTEGER NOT NULL
);

CREATE TABLE zones (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  ssid       TEXT,                   -- the SSID every router of the zone must broadcast
  created_at INTEGER NOT NULL
);

CREATE TABLE routers (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT NOT NULL,
  host                 TEXT,                          -- RouterOS API address
  api_port             INTEGER,                       -- null: 8728, or 8729 with TLS
  api_tls              INTEGER NOT NULL DEFAULT 0,
  api_user             TEXT,
  api_password_enc     TEXT,
  nas_ip               TEXT NOT NULL,                 -- source address of its RADIUS packets
  radius_secret_enc    TEXT NOT NULL,
  coa_port             INTEGER NOT NULL DEFAULT 3799,
  zone_id              INTEGER REFERENCES zones(id),
  hotspot_interface    TEXT,
  require_message_authenticator INTEGER NOT NULL DEFAULT 1,
  -- live status kept for the UI (RouterOS sync writes it)
  status_reachable     INTEGER,
  status_last_sync_at  INTEGER,
  status_last_error    TEXT,
  status_version       TEXT,
  status_identity      TEXT,
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL,
  removed_at           INTEGER                        -- soft delete: sessions keep their router
);
CREATE UNIQUE INDEX routers_nas_ip ON routers(nas_ip) WHERE removed_at IS NULL;
CREATE UNIQUE INDEX routers_name ON routers(name) WHERE removed_at IS NULL;

-- Extra walled-garden hosts the owner adds (router_id null = every router).
CREATE TABLE walled_garden_entries (
  id         INTEGER PRIMARY KEY,
  router_id  INTEGER REFERENCES routers(id),
  host       TEXT NOT NULL,
  https      INTEGER NOT NULL DEFAULT 1,
  comment    TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE packages (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL,
  customer_type    TEXT NOT NULL DEFAULT 'hotspot',
  price            INTEGER NOT NULL CHECK (price >= 0),
  validity_seconds INTEGER CHECK (validity_seconds > 0),
  data_limit_bytes INTEGER CHECK (data_limit_bytes > 0),
  download_bps     INTEGER NOT NULL CHECK (download_bps >= 0),   -- 0 = unlimited
  upload_bps       INTEGER NOT NULL CHECK (upload_bps >= 0),
  devices          INTEGER NOT NULL DEFAULT 1 CHECK (devices >= 1),
  active           INTEGER NOT NULL DEFAULT 1,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  CHECK (validity_seconds IS NOT NULL OR data_limit_bytes IS NOT NULL)
);
-- Where a package is sold: no rows in either table = every router.
CREATE TABLE package_routers (
  package_id INTEGER NOT NULL REFERENCES packages(id),
  router_id  INTEGER NOT NULL REFERENCES routers(id),
  PRIMARY KEY (package_id, router_id)
);
CREATE TABLE package_zones (
  package_id INTEGER NOT NULL REFERENCES packages(id),
  zone_id    INTEGER NOT NULL REFERENCES zones(id),
  PRIMARY KEY (package_id, zone_id)
);

CREATE TABLE customers (
  id                    INTEGER PRIMARY KEY,
  phone                 TEXT NOT NULL UNIQUE,
  name                  TEXT,
  pin_hash              TEXT,
  hotspot_password_enc  TEXT NOT NULL,
  status                TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at            INTEGER NOT NULL,
  updated_at            INTEGER NOT NULL
);

CREATE TABLE devices (
  id           INTEGER PRIMARY KEY,
  mac          TEXT NOT NULL UNIQUE,
  customer_id  INTEGER NOT NULL REFERENCES customers(id),
  label        TEXT,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER
);
CREATE INDEX devices_customer ON devices(customer_id);

-- Append-only ledger: rows are never deleted; the only update allowed is pending -> completed|failed
-- (enforced by the triggers below).
CREATE TABLE payments (
  id             INTEGER PRIMARY KEY,
  invoice_no     TEXT NOT NULL UNIQUE,
  customer_id    INTEGER REFERENCES customers(id),
  package_id     INTEGER REFERENCES packages(id),
  amount         INTEGER NOT NULL CHECK (amount >= 0),
  method         TEXT NOT NULL CHECK (method IN ('cash', 'voucher', 'bkash', 'nagad', 'sslcommerz')),
  status         TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'failed')),
  gateway_ref    TEXT UNIQUE,        -- trxID / val_id / issuerPaymentRefNo / voucher code id
  gateway_session TEXT UNIQUE,       -- paymentID / paymentReferenceId / sessionkey
  failure_reason TEXT,
  note           TEXT,
  created_by     TEXT,               -- 'admin', 'portal', 'voucher'
  created_at     INTEGER NOT NULL,
  completed_at   INTEGER
);
CREATE INDEX payments_created ON payments(created_at);
CREATE INDEX payments_customer ON payments(customer_id);
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;
CREATE TRIGGER payments_no_rewrite BEFORE UPDATE ON payments
WHEN OLD.status <> 'pending'
  OR NEW.amount <> OLD.amount OR NEW.method <> OLD.method OR NEW.invoice_no <> OLD.invoice_no
  OR NEW.created_at <> OLD.created_at
  OR (OLD.customer_id IS NOT NULL AND NEW.customer_id IS NOT OLD.customer_id)
  OR (OLD.package_id IS NOT NULL AND NEW.package_id IS NOT OLD.package_id)
BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;

CREATE TABLE subscriptions (
  id                INTEGER PRIMARY KEY,
  customer_id       INTEGER NOT NULL REFERENCES customers(id),
  package_id        INTEGER NOT NULL REFERENCES packages(id),
  payment_id        INTEGER REFERENCES payments(id),
  -- snapshot of the package at purchase: editing the package never changes what was sold
  package_name      TEXT NOT NULL,
  price             INTEGER NOT NULL,
  validity_seconds  INTEGER,
  data_limit_bytes  INTEGER,
  download_bps      INTEGER NOT NULL,
  upload_bps        INTEGER NOT NULL,
  devices           INTEGER NOT NULL,
  router_ids        TEXT NOT NULL DEFAULT '[]',   -- JSON array; [] with zone_ids [] = everywhere
  zone_ids          TEXT NOT NULL DEFAULT '[]',
  status            TEXT NOT NULL CHECK (status IN ('queued', 'active', 'expired', 'exhausted', 'cancelled')),
  starts_at         INTEGER,          -- set when it becomes active
  expires_at        INTEGER,          -- starts_at + validity (null: data-only)
  bytes_used        INTEGER NOT NULL DEFAULT 0,
  ended_at          INTEGER,
  created_at        INTEGER NOT NULL
);
CREATE INDEX subscriptions_customer ON subscriptions(customer_id, status);
CREATE INDEX subscriptions_expiry ON subscriptions(status, expires_at);
-- At most one active subscription per customer.
CREATE UNIQUE INDEX subscriptions_one_active ON subscriptions(customer_id) WHERE status = 'active';

CREATE TABLE voucher_batches (
  id          INTEGER PRIMARY KEY,
  package_id  INTEGER NOT NULL REFERENCES packages(id),
  prefix      TEXT NOT NULL DEFAULT '',
  count       INTEGER NOT NULL,
  created_at  INTEGER NOT NULL,
  disabled_at INTEGER
);
CREATE TABLE vouchers (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  batch_id        INTEGER NOT NULL REFERENCES voucher_batches(id),
  package_id      INTEGER NOT NULL REFERENCES packages(id),
  status          TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'used', 'disabled')),
  customer_id     INTEGER REFERENCES customers(id),
  subscription_id INTEGER REFERENCES subscriptions(id),
  redeemed_at     INTEGER,
  created_at      INTEGER NOT NULL
);
CREATE INDEX vouchers_batch ON vouchers(batch_id);

-- One row per (router, Acct-Session-Id). Octet counters are the router's cumulative totals;
-- charged_bytes is how much of them has been charged to the subscription (so a retransmit or a
-- reordered interim charges nothing twice).
CREATE TABLE sessions (
  id               INTEGER PRIMARY KEY,
  router_id        INTEGER NOT NULL REFERENCES routers(id),
  acct_session_id  TEXT NOT NULL,
  customer_id      INTEGER REFERENCES customers(id),
  subscription_id  INTEGER REFERENCES subscriptions(id),
  username         TEXT,
  mac              TEXT,
  ip               TEXT,
  nas_port         TEXT,
  status           TEXT NOT NULL DEFAULT 'online' CHECK (status IN ('online', 'stopped', 'stale')),
  started_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  stopped_at       INTEGER,
  session_time     INTEGER NOT NULL DEFAULT 0,
  input_octets     INTEGER NOT NULL DEFAULT 0,   -- from the client (upload)
  output_octets    INTEGER NOT NULL DEFAULT 0,   -- to the client (download)
  charged_bytes    INTEGER NOT NULL DEFAULT 0,
  terminate_cause  TEXT,
  UNIQUE (router_id, acct_session_id)
);
CREATE INDEX sessions_online ON sessions(status, updated_at);
CREATE INDEX sessions_subscription ON sessions(subscription_id, status);
CREATE INDEX sessions_customer ON sessions(customer_id, status);

-- Disconnect-Request / API-kick attempts and their outcome.
CREATE TABLE disconnects (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL REFERENCES sessions(id),
  reason      TEXT NOT NULL,              -- expired, exhausted, cancelled, admin_kick, device_limit …
  outcome     TEXT NOT NULL DEFAULT 'pending', -- pending, ack, nak, timeout, api_removed, failed
  attempts    INTEGER NOT NULL DEFAULT 0,
  detail      TEXT,
  created_at  INTEGER NOT NULL,
  finished_at INTEGER
);

CREATE TABLE auth_log (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  router_id  INTEGER,
  nas_ip     TEXT,
  username   TEXT,
  mac        TEXT,
  customer_id INTEGER,
  result     TEXT NOT NULL CHECK (result IN ('accept', 'reject', 'drop')),
  reason     TEXT,
  detail     TEXT
);
CREATE INDEX auth_log_at ON auth_log(at);

CREATE TABLE otp_challenges (
  id          INTEGER PRIMARY KEY,
  phone       TEXT NOT NULL,
  code_hash   TEXT NOT NULL,
  purpose     TEXT NOT NULL DEFAULT 'register',
  attempts    INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  consumed_at INTEGER
);
CREATE INDEX otp_phone ON otp_challenges(phone, created_at);

CREATE TABLE sms_outbox (
  id           INTEGER PRIMARY KEY,
  phone        TEXT NOT NULL,
  body         TEXT NOT NULL,
  kind         TEXT NOT NULL DEFAULT 'otp',
  status       TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  provider     TEXT,
  provider_ref TEXT,
  last_error   TEXT,
  created_at   INTEGER NOT NULL,
  next_try_at  INTEGER,
  sent_at      INTEGER
);
CREATE INDEX sms_outbox_status ON sms_outbox(status, next_try_at);

CREATE TABLE audit_log (
  id     INTEGER PRIMARY KEY,
  at     INTEGER NOT NULL,
  actor  TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT                 -- JSON, never secrets
);
CREATE INDEX audit_log_at ON audit_log(at);
