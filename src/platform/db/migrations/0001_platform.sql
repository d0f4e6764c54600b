-- The request role: every request that touches jurisdiction-owned data runs as this role with its
-- scope set, so row-level security applies even when the connecting login owns the tables.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fangkong_app') THEN
    CREATE ROLE fangkong_app NOLOGIN;
  END IF;
  IF NOT pg_has_role(current_user, 'fangkong_app', 'MEMBER') THEN
    EXECUTE format('GRANT fangkong_app TO %I', current_user);
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO fangkong_app;

-- CMD-1: the caller's jurisdiction subtrees, as code prefixes. Unset means no rows anywhere.
CREATE OR REPLACE FUNCTION fangkong_scope() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT string_to_array(nullif(current_setting('fangkong.scope', true), ''), ',')
$$;

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_name text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  jurisdiction_code text COLLATE "C" NOT NULL,
  before jsonb,
  after jsonb,
  detail jsonb
);
CREATE INDEX audit_log_jurisdiction ON audit_log (jurisdiction_code, at DESC);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at DESC);

-- Append-only for everyone, the table owner included.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_scope ON audit_log
  USING (jurisdiction_code ^@ ANY (fangkong_scope()))
  WITH CHECK (jurisdiction_code ^@ ANY (fangkong_scope()));
GRANT SELECT, INSERT ON audit_log TO fangkong_app;
