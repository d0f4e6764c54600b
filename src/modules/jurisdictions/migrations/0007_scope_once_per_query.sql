-- The caller's scope once per query, not once per row (see platform migration 0006).
ALTER POLICY jurisdictions_scope ON jurisdictions
  USING (
    code ^@ ANY ((SELECT fangkong_scope())::text[])
    OR EXISTS (SELECT 1 FROM unnest((SELECT fangkong_scope())::text[]) s WHERE s ^@ code)
  )
  WITH CHECK (code ^@ ANY ((SELECT fangkong_scope())::text[]));
