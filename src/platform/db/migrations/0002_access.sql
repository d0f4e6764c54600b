-- Users, their sessions (UI cookies) and API tokens (systems). A user holds roles within one or
-- more jurisdiction subtrees (scopes); jurisdiction_code is the node that administers the account.
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  roles text[] NOT NULL,
  scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
  jurisdiction_code text COLLATE "C" NOT NULL,
  failed_attempts int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_jurisdiction ON users (jurisdiction_code);
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_scope ON users
  USING (jurisdiction_code ^@ ANY (fangkong_scope()))
  WITH CHECK (jurisdiction_code ^@ ANY (fangkong_scope()));
GRANT SELECT, INSERT, UPDATE ON users TO fangkong_app;

-- Read and written only by the sign-in path, never by a scoped request.
CREATE TABLE sessions (
  token_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
