-- Registering a person whose ID number is already registered in another subtree must not tell the
-- caller so (DESIGN "Safe by default"; CMD-1). The caller's record is stored like any other, in
-- their jurisdiction; since the number's keyed hash is taken, it is kept in handover_hash (exact
-- searches look in both) and id_hash holds a random placeholder. A hand-over request goes to the
-- jurisdiction that holds the number, which alone sees it and accepts (its record moves to the
-- requester) or declines.
ALTER TABLE persons ADD COLUMN handover_hash bytea;
CREATE INDEX persons_handover_hash ON persons (handover_hash) WHERE handover_hash IS NOT NULL;

CREATE TABLE person_handovers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id),
  owner_code text COLLATE "C" NOT NULL,
  requested_person_id uuid NOT NULL REFERENCES persons (id),
  requested_code text COLLATE "C" NOT NULL,
  requested_by_name text NOT NULL,
  requested_at timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'declined')),
  decided_by_name text,
  decided_at timestamptz,
  note text
);
CREATE INDEX person_handovers_owner ON person_handovers (owner_code, state, requested_at DESC);

ALTER TABLE person_handovers ENABLE ROW LEVEL SECURITY;
-- Only the holding jurisdiction sees a request: the requester must not learn the number is known.
CREATE POLICY person_handovers_scope ON person_handovers
  USING (owner_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (owner_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, UPDATE ON person_handovers TO fangkong_app;

-- The requester cannot see the holding record, so the request is filed by a definer function that
-- reads its jurisdiction itself and returns nothing.
CREATE FUNCTION fangkong_request_handover(held uuid, requested uuid, by_name text, at timestamptz)
  RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
    INSERT INTO person_handovers (person_id, owner_code, requested_person_id, requested_code, requested_by_name, requested_at)
    SELECT h.id, h.jurisdiction_code, r.id, r.jurisdiction_code, by_name, at
    FROM persons h, persons r WHERE h.id = held AND r.id = requested
  $$;
REVOKE ALL ON FUNCTION fangkong_request_handover(uuid, uuid, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fangkong_request_handover(uuid, uuid, text, timestamptz) TO fangkong_app;

-- Accepting moves the held record into the requester's jurisdiction, which lies outside the
-- accepting user's scope (row-level security would refuse the UPDATE). The caller's scope must cover
-- the request, and the person must still be where the request found them: a record that has moved
-- since (another request accepted, an edit) is not the holder's to give, and false is returned so
-- the decision is refused. The person's other pending requests are declined with it (the record now
-- has one holder, the requester); the requester's own record stops answering exact searches for the
-- number.
CREATE FUNCTION fangkong_accept_handover(handover uuid)
  RETURNS boolean LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
  DECLARE
    h person_handovers;
  BEGIN
    SELECT * INTO h FROM person_handovers WHERE id = handover AND state = 'accepted';
    IF NOT FOUND OR NOT (h.owner_code ^@ ANY (fangkong_scope())) THEN
      RETURN false;
    END IF;
    UPDATE persons SET jurisdiction_code = h.requested_code, version = version + 1, updated_at = now()
      WHERE id = h.person_id AND jurisdiction_code ^@ h.owner_code;
    IF NOT FOUND THEN
      RETURN false;
    END IF;
    UPDATE person_handovers SET state = 'declined', decided_by_name = h.decided_by_name, decided_at = h.decided_at
      WHERE person_id = h.person_id AND state = 'pending' AND id <> h.id;
    UPDATE persons SET handover_hash = NULL WHERE id = h.requested_person_id;
    RETURN true;
  END $$;
REVOKE ALL ON FUNCTION fangkong_accept_handover(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fangkong_accept_handover(uuid) TO fangkong_app;
