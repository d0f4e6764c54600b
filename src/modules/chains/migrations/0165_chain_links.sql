-- Transmission chains (EPI-5, 002 §28): infector → infectee links between cases, each with its
-- evidence and certainty; several candidate infectors of one infectee are several links. Links are
-- never deleted: a removed link keeps who removed it, when and why (the chain's history), and only
-- live links (removed_at IS NULL) count for generations, clusters and accountability.
CREATE TABLE chain_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  infector_case_id uuid NOT NULL REFERENCES cases (id),
  infectee_case_id uuid NOT NULL REFERENCES cases (id),
  -- Both cases' jurisdictions: a link is seen only by whoever sees both of its cases.
  infector_jurisdiction text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  infectee_jurisdiction text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  certainty text NOT NULL CHECK (certainty IN ('confirmed', 'probable', 'possible')),
  evidence_kind text NOT NULL CHECK (evidence_kind IN
    ('household', 'co_exposure', 'workplace', 'gathering', 'healthcare', 'transport', 'genomic', 'other')),
  evidence text NOT NULL,
  -- When the infectee was exposed to the infector, when the evidence dates it (incubation estimates).
  exposure_at timestamptz,
  linked_by uuid NOT NULL,
  linked_by_name text NOT NULL,
  linked_at timestamptz NOT NULL,
  removed_at timestamptz,
  removed_by uuid,
  removed_by_name text,
  removal_reason text,
  CHECK (infector_case_id <> infectee_case_id),
  CHECK ((removed_at IS NULL) = (removed_by_name IS NULL))
);
-- One live link per pair; a removed pair may be linked again.
CREATE UNIQUE INDEX chain_links_live_pair ON chain_links (infector_case_id, infectee_case_id) WHERE removed_at IS NULL;
CREATE INDEX chain_links_infectee ON chain_links (infectee_case_id) WHERE removed_at IS NULL;
CREATE INDEX chain_links_scope ON chain_links (infectee_jurisdiction) WHERE removed_at IS NULL;

ALTER TABLE chain_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY chain_links_scope ON chain_links
  USING (infector_jurisdiction ^@ ANY ((SELECT fangkong_scope())::text[])
    AND infectee_jurisdiction ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (infector_jurisdiction ^@ ANY ((SELECT fangkong_scope())::text[])
    AND infectee_jurisdiction ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON chain_links TO fangkong_app;
