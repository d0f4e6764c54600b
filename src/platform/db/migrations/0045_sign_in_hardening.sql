-- Failed sign-ins are counted per name typed, whether or not an account has that name, so a lock
-- (and its absence) tells nobody whether the account exists. The name is kept only as a keyed hash.
-- One atomic upsert claims an attempt before its password is checked: parallel guesses cannot
-- pass the limit.
CREATE TABLE sign_in_attempts (
  name_key bytea PRIMARY KEY,
  failures int NOT NULL,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL
);
CREATE INDEX sign_in_attempts_updated ON sign_in_attempts (updated_at);
-- The accounts list shows which are locked; an administrator's password reset lifts a lock.
GRANT SELECT, DELETE ON sign_in_attempts TO fangkong_app;

-- The counters moved to sign_in_attempts; a lock in force during the upgrade is forgotten.
ALTER TABLE users DROP COLUMN failed_attempts, DROP COLUMN locked_until;

-- API tokens expire, record their first use, and say why they were revoked. Tokens issued before
-- expiry existed get the default lifetime from now on.
ALTER TABLE api_tokens
  ADD COLUMN expires_at timestamptz,
  ADD COLUMN first_used_at timestamptz,
  ADD COLUMN refused_at timestamptz,
  ADD COLUMN revoked_by uuid,
  ADD COLUMN revoked_reason text CHECK (revoked_reason IN ('revoked', 'user_deactivated'));
UPDATE api_tokens SET expires_at = now() + interval '90 days';
ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL;
-- A deactivated user's tokens die for good: reactivation must not revive them.
UPDATE api_tokens t SET revoked_at = now(), revoked_reason = 'user_deactivated'
  FROM users u WHERE u.id = t.user_id AND NOT u.active AND t.revoked_at IS NULL;

-- Deactivating an account (a scoped request) ends its sessions and revokes its tokens in the
-- same transaction; a password change ends the other sessions.
GRANT SELECT, DELETE ON sessions TO fangkong_app;
GRANT SELECT, UPDATE ON api_tokens TO fangkong_app;
