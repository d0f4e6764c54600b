-- One open stay per person (ISO-4): whether a person the caller already sees has an open stay
-- anywhere, including one outside the caller's scope (a community worker's resident allocated a room
-- in the county's site). Tells the person's id back and nothing of the stay, so the queue never lists
-- someone already given a room, and an allocation or home stay refuses them (stay_open).
CREATE FUNCTION fangkong_persons_with_open_stay(ids uuid[])
  RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT DISTINCT person_id FROM isolation_stays
        WHERE person_id = ANY (ids) AND status IN ('allocated', 'in_room', 'home') $$;
REVOKE ALL ON FUNCTION fangkong_persons_with_open_stay(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fangkong_persons_with_open_stay(uuid[]) TO fangkong_app;
