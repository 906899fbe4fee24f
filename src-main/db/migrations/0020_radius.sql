-- RADIUS (issue #3): indexes for the admin filters on the auth log and the disconnect history.
-- The auth log grows with every login; without these, filtering by user or MAC scans it all.
-- (No router index: every index slows the insert of each login, and the router filter is used
-- over recent rows, which the `at` index already narrows.)
CREATE INDEX auth_log_username ON auth_log(username, id);
CREATE INDEX auth_log_mac ON auth_log(mac, id);
CREATE INDEX disconnects_session ON disconnects(session_id);
