-- The source documents that policy packs cite (issue 12, Deliver 2): title, issuer, number, date and
-- full text. A pack's citation names one (`document: "002"`) and its quote must appear in the text.
-- A registered document never changes: packs were checked against its text, so a corrected text is
-- a new document. Documents are public policy, not jurisdiction data: every signed-in user with
-- policy.read reads them all (no row-level security); policy.admin registers new ones.
CREATE TABLE source_documents (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 40),
  title text NOT NULL,
  short_title text,
  issuer text NOT NULL,
  number text,
  issued_on date,
  -- Which of issuer and issued_on the document does not state and were assumed, and why.
  assumed text[] NOT NULL DEFAULT '{}' CHECK (assumed <@ ARRAY['issuer', 'issuedOn']),
  assumption_reason text,
  full_text text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  loaded_by uuid,
  CHECK (cardinality(assumed) = 0 OR assumption_reason IS NOT NULL)
);
GRANT SELECT, INSERT ON source_documents TO fangkong_app;
