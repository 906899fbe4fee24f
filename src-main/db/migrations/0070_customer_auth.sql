-- The portal's customer authentication (src-main/portal/customerAuth) owns these.
--
-- otp_challenges: every code we texted (or tried to), also the record the send limits count:
-- a refused request inserts nothing, a failed SMS stays counted (the gateway may have charged).
-- mac/ip: who asked (limits per device and per source address; mac is null for the owner's
-- "reset PIN"); lang: the text's language; sms_status: what the SMS subsystem answered
-- (pending while it is being sent, so a racing request sees it); superseded_at: a newer code for
-- the same number and purpose was sent; consumed_at (0010): the code was verified;
-- proof_used_at: the proof that verification gave was spent on setting a PIN (single use).
ALTER TABLE otp_challenges ADD COLUMN mac TEXT;
ALTER TABLE otp_challenges ADD COLUMN ip TEXT;
ALTER TABLE otp_challenges ADD COLUMN lang TEXT NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'bn'));
ALTER TABLE otp_challenges ADD COLUMN sms_status TEXT NOT NULL DEFAULT 'pending' CHECK (sms_status IN ('pending', 'sent', 'queued', 'failed'));
ALTER TABLE otp_challenges ADD COLUMN superseded_at INTEGER;
ALTER TABLE otp_challenges ADD COLUMN proof_used_at INTEGER;
CREATE INDEX otp_mac ON otp_challenges(mac, created_at) WHERE mac IS NOT NULL;
CREATE INDEX otp_ip ON otp_challenges(ip, created_at);

-- Wrong PINs per customer (not per device: a thief with the number cannot rotate MACs to get
-- more guesses). failures: consecutive wrong PINs since the last correct one or the last lock;
-- locked_until: epoch ms, while in the future every PIN is refused unchecked.
CREATE TABLE portal_pin_failures (
  customer_id  INTEGER PRIMARY KEY REFERENCES customers(id),
  failures     INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  updated_at   INTEGER NOT NULL
);
