-- Staff sign-in (issue 11): each account can be disabled, is locked for a while after five wrong
-- passwords (per account, so it survives a restart), and has sessions for the browser admin UI.
ALTER TABLE admin_users ADD COLUMN status TEXT NOT NULL DEFAULT 'active';   -- active | disabled
ALTER TABLE admin_users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0; -- wrong passwords in a row
ALTER TABLE admin_users ADD COLUMN locked_until INTEGER;                     -- epoch ms, sign-in refused until then
ALTER TABLE admin_users ADD COLUMN last_login_at INTEGER;

CREATE TABLE admin_sessions (
  -- sha256 of the cookie's token: a copy of the database opens no session.
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES admin_users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX admin_sessions_user ON admin_sessions(user_id);
