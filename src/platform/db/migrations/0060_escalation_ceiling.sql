-- CMD-1: an overdue obligation climbs the command chain only as far as someone sits on it; past the
-- top of a deployment (a city where no account exists) nobody would ever see it. Accounts are
-- row-secured to the caller's subtree and the levels above it lie outside, so this answers, for the
-- codes given, only which have an active account scoped at exactly that code holding one of the
-- given roles (those that see escalated work): a code, never who.
CREATE FUNCTION fangkong_staffed_jurisdictions(codes text[], roles text[]) RETURNS TABLE (code text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT DISTINCT s.scope FROM users u CROSS JOIN LATERAL unnest(u.scopes) AS s (scope)
    WHERE u.active AND u.roles && $2 AND s.scope = ANY ($1)
  $$;
REVOKE ALL ON FUNCTION fangkong_staffed_jurisdictions(text[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fangkong_staffed_jurisdictions(text[], text[]) TO fangkong_app;
