-- Settings move from one row per flat key to one row per section (a JSON object of its fields),
-- see src-main/settingsStore.ts. Only the flat keys that existed are carried over; a value that
-- is not valid JSON becomes null, and the store then uses that field's default (per field), so a
-- damaged row never stops the engine from starting.
INSERT OR IGNORE INTO settings (key, value)
SELECT 'shop', (
  SELECT json_group_object(CASE key WHEN 'shopName' THEN 'name' ELSE key END, CASE WHEN json_valid(value) THEN json(value) END)
  FROM settings WHERE key IN ('shopName', 'currency', 'timezone')
)
WHERE EXISTS (SELECT 1 FROM settings WHERE key IN ('shopName', 'currency', 'timezone'));

INSERT OR IGNORE INTO settings (key, value)
SELECT 'network', (
  SELECT json_group_object(key, CASE WHEN json_valid(value) THEN json(value) END)
  FROM settings WHERE key IN ('serverAddress', 'portalUrl', 'acctInterimInterval', 'idleTimeout')
)
WHERE EXISTS (SELECT 1 FROM settings WHERE key IN ('serverAddress', 'portalUrl', 'acctInterimInterval', 'idleTimeout'));

DELETE FROM settings
WHERE key IN ('shopName', 'currency', 'timezone', 'serverAddress', 'portalUrl', 'acctInterimInterval', 'idleTimeout');
