-- Persisted rate limits (DESIGN "Safe by default"): exact searches and unmasking per user, public
-- forms per address, ID number and destination. Kept in the database so that a restart does not
-- reset them and several server processes share them. Keys are never personal data in clear: the
-- callers pass keyed hashes, account ids or client addresses.
CREATE TABLE rate_limit_hits (
  rule text NOT NULL CHECK (length(rule) BETWEEN 1 AND 80),
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  window_start timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  hits integer NOT NULL CHECK (hits > 0),
  PRIMARY KEY (rule, key, window_start)
);
CREATE INDEX rate_limit_hits_expiry ON rate_limit_hits (rule, expires_at);
-- Not jurisdictional: no row-level security; scoped requests may count their own hits.
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_hits TO fangkong_app;
