-- "N minutes free to pay" (issue #10; owned by src-main/radius/freeMinutes.ts). The portal asks
-- RADIUS for a one-time login for one device; RADIUS accepts it once, from that MAC only, before
-- it expires. One row per device and shop day (the UNIQUE is the "once per MAC per day" rule,
-- enforced by the database so two taps at once cannot both win). Rows are kept as the record of
-- what was given away.
CREATE TABLE free_minute_grants (
  id              INTEGER PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE,        -- free-<random token>
  password_enc    TEXT NOT NULL,               -- sealed with the secret box, like hotspot passwords
  mac             TEXT NOT NULL,
  customer_id     INTEGER NOT NULL REFERENCES customers(id),
  shop_day        TEXT NOT NULL,               -- YYYY-MM-DD in the shop's time zone
  issued_at       INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,            -- unusable after this, used or not
  session_seconds INTEGER NOT NULL,            -- Session-Timeout given with the Accept
  rate_limit      TEXT NOT NULL,               -- Mikrotik-Rate-Limit, as offered when issued
  data_cap_bytes  INTEGER NOT NULL,            -- Mikrotik-Total-Limit
  used_at         INTEGER,
  UNIQUE (mac, shop_day)
);
