-- The auth log's search and sort keys (issue #11), kept apart from the log itself: a mirror of each
-- line's user name, MAC, result and reason, indexed, filled in batches by the owner's searches (radius/queries.ts) and
-- never on the packet path. The log keeps only its time index (0030: an index on auth_log cost
-- every login a random B-tree insert); here the cost is paid a batch at a time, when someone
-- searches. Rows share the log's ids, so pruning the log prunes this by rowid range.
CREATE TABLE auth_log_search (
  id       INTEGER PRIMARY KEY,  -- = auth_log.id
  username TEXT,
  mac      TEXT,
  result   TEXT NOT NULL,
  reason   TEXT
);
CREATE INDEX auth_log_search_username ON auth_log_search(username);
CREATE INDEX auth_log_search_mac ON auth_log_search(mac);
-- The sorts by result and by reason: (key, id) order, read off the index a page at a time.
CREATE INDEX auth_log_search_result ON auth_log_search(result);
CREATE INDEX auth_log_search_reason ON auth_log_search(reason);
