-- The auth log gains a row per login. Its (username, id) and (mac, id) indexes made each of those
-- rows cost 4-16 µs and up to 2 WAL pages (8 KB) when logins arrive in random user order (they do:
-- phones reconnect whenever they wake), against ~2 µs and 0.09 pages with only the `at` index
-- (measured in round 4, docs/performance.md). Filters on user, MAC, result, reason or router now
-- scan the log by id range in short slices off the packet path (src-main/radius/queries.ts), which
-- an owner's search can afford and a burst of logins no longer pays for.
DROP INDEX IF EXISTS auth_log_username;
DROP INDEX IF EXISTS auth_log_mac;
