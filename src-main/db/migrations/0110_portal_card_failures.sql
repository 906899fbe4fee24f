-- Wrong recharge-card codes typed on the portal (owned by src-main/portal/cardGuard.ts): the
-- attempt limit that makes guessing a card code hopeless (issue #12 relies on it). One row per
-- wrong code: who typed it (customer; the device's MAC when the router sent one) and when.
-- Rows older than the limit's window are deleted as new ones arrive; kept in the database so a
-- restart (or a power cut) does not hand a guesser fresh tries.
CREATE TABLE portal_card_failures (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  mac         TEXT,
  at          INTEGER NOT NULL
);
CREATE INDEX portal_card_failures_customer ON portal_card_failures(customer_id, at);
CREATE INDEX portal_card_failures_mac ON portal_card_failures(mac, at) WHERE mac IS NOT NULL;
CREATE INDEX portal_card_failures_at ON portal_card_failures(at);
