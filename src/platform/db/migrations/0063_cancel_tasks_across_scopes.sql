-- A lab result corrected from positive cancels the tasks that positive opened on the tube's members
-- (TST-1 re-sampling and its hand-over, CAS-2 case report), wherever they are owed. The corrector is
-- a county's CDC; a result posted at a city lab, or a member living in another county, put some of
-- them on lists outside that county, which its row-secured request could not touch: they stayed
-- open after the correction, went overdue and escalated. This cancels the open obligations with
-- exactly the given keys (subject type, subject id, kind), across subtrees, and nothing else.
CREATE FUNCTION fangkong_cancel_deadlines_by_key(subject_types text[], subject_ids uuid[], kinds text[],
    cancelled_at timestamptz, reason text) RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
    WITH cancelled AS (
      UPDATE deadlines d SET cancelled_at = $4, cancel_reason = $5, updated_at = now()
      FROM unnest($1, $2, $3) AS x(st, si, k)
      WHERE d.subject_type = x.st AND d.subject_id = x.si AND d.kind = x.k
        AND d.done_at IS NULL AND d.cancelled_at IS NULL
      RETURNING 1
    )
    SELECT count(*)::int FROM cancelled
  $$;
REVOKE ALL ON FUNCTION fangkong_cancel_deadlines_by_key(text[], uuid[], text[], timestamptz, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fangkong_cancel_deadlines_by_key(text[], uuid[], text[], timestamptz, text)
  TO fangkong_app;
