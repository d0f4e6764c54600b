-- A person sampled anywhere has met their re-sampling and missed-test tasks wherever they are owed
-- (TST-1, TST-5). A member of a positive pool registered in another county is handed over by the
-- lab's CDC, an obligation on the lab county's list, and re-sampled by their own county, whose
-- request is row-secured to its own subtree and so could not close it: the hand-over stayed open,
-- went overdue and escalated. This closes the given subjects' open obligations of the given kind
-- prefixes across subtrees, and nothing else; an empty prefix (every kind) is refused.
CREATE FUNCTION fangkong_close_deadlines_by_prefix(subject text, subject_ids uuid[], prefixes text[],
    closed_at timestamptz, closed_by uuid, closed_outcome text) RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
    WITH closed AS (
      UPDATE deadlines SET done_at = $4, done_by = $5, outcome = $6, updated_at = now()
      WHERE subject_type = $1 AND subject_id = ANY ($2) AND kind ^@ ANY ($3) AND NOT ('' = ANY ($3))
        AND done_at IS NULL AND cancelled_at IS NULL
      RETURNING 1
    )
    SELECT count(*)::int FROM closed
  $$;
REVOKE ALL ON FUNCTION fangkong_close_deadlines_by_prefix(text, uuid[], text[], timestamptz, uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fangkong_close_deadlines_by_prefix(text, uuid[], text[], timestamptz, uuid, text)
  TO fangkong_app;
