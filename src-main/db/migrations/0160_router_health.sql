-- The owner's dashboard (issue #11, Money): what the router store remembers of each router's
-- health between polls (owned by src-main/routers). status_since: when status_reachable last
-- changed, so "unreachable since 14:05" survives a restart. clock_offset_ms: the router's clock
-- minus this PC's, as last measured by the RouterOS poller (null: never read). ssid_problem: the
-- last SSID mismatch the poller or Diagnose found on this router, in plain words (null: none).
ALTER TABLE routers ADD COLUMN status_since INTEGER;
ALTER TABLE routers ADD COLUMN clock_offset_ms INTEGER;
ALTER TABLE routers ADD COLUMN clock_checked_at INTEGER;
ALTER TABLE routers ADD COLUMN ssid_problem TEXT;
