-- Billing depth (issue 12): when a package's clock runs, top-ups, unique package names.

-- How a package's validity counts: from activation (today's only behaviour, so every existing
-- package migrates to it), from the first login, or online time only. use_within_seconds is an
-- overall limit for online-time packages, counted from activation. on_repeat: buying the same
-- package while it is active queues a new one (today) or tops the active one up.
ALTER TABLE packages ADD COLUMN clock TEXT NOT NULL DEFAULT 'purchase' CHECK (clock IN ('purchase', 'firstLogin', 'onlineTime'));
ALTER TABLE packages ADD COLUMN use_within_seconds INTEGER CHECK (use_within_seconds > 0);
ALTER TABLE packages ADD COLUMN on_repeat TEXT NOT NULL DEFAULT 'queue' CHECK (on_repeat IN ('queue', 'topUp'));

-- Subscriptions snapshot the clock (changing a package never changes what was sold).
-- clock_started_at: when validity began counting (activation for 'purchase', the first
-- Access-Accept for 'firstLogin'; null until then). seconds_used: online time charged by
-- accounting (what an 'onlineTime' subscription spends).
ALTER TABLE subscriptions ADD COLUMN clock TEXT NOT NULL DEFAULT 'purchase';
ALTER TABLE subscriptions ADD COLUMN use_within_seconds INTEGER;
ALTER TABLE subscriptions ADD COLUMN clock_started_at INTEGER;
ALTER TABLE subscriptions ADD COLUMN seconds_used INTEGER NOT NULL DEFAULT 0;
UPDATE subscriptions SET clock_started_at = starts_at WHERE starts_at IS NOT NULL;

-- Session time charged so far, per session (like charged_bytes): each record charges only what
-- its Acct-Session-Time adds, so retransmits and reordered records charge nothing twice.
ALTER TABLE sessions ADD COLUMN charged_seconds INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET charged_seconds = session_time;

-- A top-up adds to the active subscription instead of making a row; this is the record of which
-- payment added what (and lets a replayed sale find its subscription).
CREATE TABLE subscription_topups (
  id              INTEGER PRIMARY KEY,
  subscription_id INTEGER NOT NULL REFERENCES subscriptions(id),
  payment_id      INTEGER REFERENCES payments(id),
  seconds         INTEGER,
  bytes           INTEGER,
  created_at      INTEGER NOT NULL
);
CREATE INDEX subscription_topups_subscription ON subscription_topups(subscription_id);
CREATE UNIQUE INDEX subscription_topups_payment ON subscription_topups(payment_id) WHERE payment_id IS NOT NULL;
