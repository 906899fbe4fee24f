-- The SMS subsystem (src-main/sms) records each message's language (the owner's outbox shows
-- it; Bangla goes out as Unicode) and the gateway's last reply (with keys scrubbed) so a
-- failure can be diagnosed without logging anything secret.
ALTER TABLE sms_outbox ADD COLUMN lang TEXT NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'bn'));
ALTER TABLE sms_outbox ADD COLUMN provider_response TEXT;
