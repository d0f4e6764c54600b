-- CAS-4: a discarded case (排除) is not one of the 10 confirmed cases of the 48-hour rule, even
-- while its stay is still open: the occupancy counts confirmed cases that are not discarded.
CREATE OR REPLACE FUNCTION fangkong_hospital_occupancy(ids uuid[])
    RETURNS TABLE (hospital_id uuid, in_hospital int, confirmed int, on_the_way int)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT h.id,
      count(*) FILTER (WHERE s.status = 'admitted')::int,
      count(*) FILTER (WHERE s.status = 'admitted' AND c.classification = 'confirmed'
        AND c.status <> 'discarded')::int,
      count(*) FILTER (WHERE s.status IN ('requested', 'departed'))::int
    FROM hospitals h
    LEFT JOIN hospital_stays s ON s.hospital_id = h.id AND s.status IN ('requested', 'departed', 'admitted')
    LEFT JOIN cases c ON c.id = s.case_id
    WHERE h.id = ANY ($1)
      AND (h.jurisdiction_code ^@ ANY (fangkong_scope())
        OR EXISTS (SELECT 1 FROM unnest(fangkong_scope()) sc WHERE sc ^@ h.jurisdiction_code))
    GROUP BY h.id
  $$;
REVOKE ALL ON FUNCTION fangkong_hospital_occupancy(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fangkong_hospital_occupancy(uuid[]) TO fangkong_app;
