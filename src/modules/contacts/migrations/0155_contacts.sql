-- Contacts of a case (EPI-4): close (密切接触者), secondary close (次密切接触者) and general (一般接触者)
-- contacts, each pushed to control by the pack's plan. A contact belongs to the jurisdiction that
-- manages them (their residence); the case's jurisdiction that identified them is kept beside it
-- (source_code), so a contact handed over to another county (regional collaboration, 区域协查) stays
-- visible to the sender as a status — the person's record, row-level secured by its own jurisdiction,
-- shows nothing more to the sender than before.
CREATE TABLE contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  -- The jurisdiction of the case that identified the contact (the sender of a hand-over).
  source_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  case_id uuid NOT NULL REFERENCES cases (id),
  -- Secondary close contacts: the close contact they met.
  source_contact_id uuid REFERENCES contacts (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  class text NOT NULL CHECK (class IN ('close', 'secondary_close', 'general')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  exposure_kind text NOT NULL
    CHECK (exposure_kind IN ('venue', 'checkpoint', 'household', 'workplace', 'transport', 'other')),
  exposure_venue_id uuid,
  exposure_checkpoint_id uuid,
  exposure_place text CHECK (length(exposure_place) <= 200),
  exposure_at timestamptz NOT NULL,
  overlap_minutes int CHECK (overlap_minutes BETWEEN 0 AND 100000),
  identified_at timestamptz NOT NULL,
  identified_by uuid,
  identified_by_name text NOT NULL,
  -- identified → (handed over, pending acceptance) → under control → released; or discarded.
  status text NOT NULL DEFAULT 'identified'
    CHECK (status IN ('identified', 'under_control', 'released', 'discarded')),
  -- The residence is not known: filed under where they were exposed, to be verified (待核实住址).
  address_unverified boolean NOT NULL DEFAULT false,
  -- The plan as made (contactPlan), with the pack version it came from.
  plan jsonb,
  pack_id text,
  pack_version text,
  -- Regional collaboration: pending until the receiving jurisdiction accepts.
  handover_state text CHECK (handover_state IN ('pending', 'accepted')),
  handover_accepted_at timestamptz,
  handover_accepted_by_name text,
  closed_at timestamptz,
  close_reason text CHECK (length(close_reason) <= 500),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (class = 'secondary_close' OR source_contact_id IS NULL),
  CHECK ((status IN ('released', 'discarded')) = (closed_at IS NOT NULL))
);
-- One live listing of a person per case: a second identification returns the first (idempotent).
CREATE UNIQUE INDEX contacts_one_per_case_person ON contacts (case_id, person_id) WHERE status <> 'discarded';
CREATE INDEX contacts_list ON contacts (jurisdiction_code, identified_at DESC);
CREATE INDEX contacts_source ON contacts (source_code, identified_at DESC);
CREATE INDEX contacts_case ON contacts (case_id);
CREATE INDEX contacts_person ON contacts (person_id);
CREATE INDEX contacts_source_contact ON contacts (source_contact_id) WHERE source_contact_id IS NOT NULL;

ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
-- The managing jurisdiction sees and works its contacts; the sender sees the ones it handed over.
CREATE POLICY contacts_scope ON contacts
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[])
    OR source_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[])
    OR source_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON contacts TO fangkong_app;

-- A contact's history: each change, who made it and why.
CREATE TABLE contact_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  contact_id uuid NOT NULL REFERENCES contacts (id),
  jurisdiction_code text COLLATE "C" NOT NULL,
  source_code text COLLATE "C" NOT NULL,
  at timestamptz NOT NULL,
  actor_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('identified', 'handed_over', 'accepted', 'reclassified', 'released', 'discarded')),
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX contact_events_contact ON contact_events (contact_id, id);
ALTER TABLE contact_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY contact_events_scope ON contact_events
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[])
    OR source_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[])
    OR source_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT ON contact_events TO fangkong_app;

-- Where a registered person is managed, by the keyed hash of their ID number, for placing a contact
-- the caller cannot see (their residence in another county): the person's id and jurisdiction only,
-- nothing personal, as fangkong_person_id_by_hash already tells the id.
CREATE FUNCTION fangkong_contact_home(h bytea)
  RETURNS TABLE (person_id uuid, jurisdiction_code text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT id, jurisdiction_code FROM persons WHERE id_hash = h $$;
REVOKE ALL ON FUNCTION fangkong_contact_home(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fangkong_contact_home(bytea) TO fangkong_app;

-- A contact handed over lies outside the sender's scope, so the sender cannot open the receiving
-- county's deadlines (row-level security on deadlines). This opens them, for that contact only and
-- in its jurisdiction only, when the caller's scope covers the contact's source and not its home.
-- Returns how many were opened.
CREATE FUNCTION fangkong_contact_handover_deadlines(
  contact uuid, rule_ids text[], kinds text[], roles text[], codes text[], titles_zh text[],
  titles_en text[], dues timestamptz[], opened timestamptz)
  RETURNS int LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
  DECLARE
    c contacts;
    n int;
  BEGIN
    SELECT * INTO c FROM contacts WHERE id = contact;
    IF NOT FOUND OR NOT (c.source_code ^@ ANY (fangkong_scope())) THEN
      RETURN 0;
    END IF;
    INSERT INTO deadlines (rule_id, subject_type, subject_id, kind, person_id, jurisdiction_code, owner_role,
      title_zh, title_en, opened_at, due_at)
    SELECT r, 'contact', c.id, k, c.person_id, j, o, tz, te, opened, du
    FROM unnest(rule_ids, kinds, roles, codes, titles_zh, titles_en, dues) AS x(r, k, o, j, tz, te, du)
    WHERE j ^@ left(c.jurisdiction_code, 6) AND c.jurisdiction_code ^@ j
    ON CONFLICT (subject_type, subject_id, kind) WHERE done_at IS NULL AND cancelled_at IS NULL DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
  END $$;
REVOKE ALL ON FUNCTION fangkong_contact_handover_deadlines(uuid, text[], text[], text[], text[], text[], text[], timestamptz[], timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fangkong_contact_handover_deadlines(uuid, text[], text[], text[], text[], text[], text[], timestamptz[], timestamptz) TO fangkong_app;
