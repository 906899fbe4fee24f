-- API-SSL certificate pinning on first use (issue #13, "Routers"; owned by src-main/routers).
-- The SHA-256 fingerprint of the router's api-ssl certificate as first seen; a later connection
-- that shows another one is refused before anything is sent, and the new fingerprint waits in
-- api_cert_pending_sha256 until the owner accepts it on the router page. 'anonymous' stands for
-- an api-ssl service without a certificate (anonymous DH), so a downgrade to it is a change too.
ALTER TABLE routers ADD COLUMN api_cert_sha256 TEXT;
ALTER TABLE routers ADD COLUMN api_cert_pending_sha256 TEXT;
ALTER TABLE routers ADD COLUMN api_cert_seen_at INTEGER;
