-- A positive corrected away lifts the controls it put on the tube's members (TST-1). Each control
-- is row-secured to the member's own jurisdiction; a member living in another county than the
-- corrector's (put under control by a lab user who sees both) stayed under control for a positive
-- that never was. This lifts the open controls of one tube, across subtrees, and only when the
-- caller's scope holds the tube and the tube no longer reads positive.
CREATE FUNCTION fangkong_lift_controls_of_tube(tube uuid, lifted_at timestamptz, reason text)
    RETURNS TABLE (id uuid, person_id uuid)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
    UPDATE person_controls pc SET cleared_at = $2, cleared_reason = $3
    FROM tubes t
    WHERE pc.tube_id = $1 AND pc.cleared_at IS NULL AND t.id = $1
      AND t.result IS DISTINCT FROM 'positive'
      AND t.jurisdiction_code ^@ ANY (fangkong_scope())
    RETURNING pc.id, pc.person_id
  $$;
REVOKE ALL ON FUNCTION fangkong_lift_controls_of_tube(uuid, timestamptz, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fangkong_lift_controls_of_tube(uuid, timestamptz, text) TO fangkong_app;
