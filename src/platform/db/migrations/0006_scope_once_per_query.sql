-- Row-level security evaluated the caller's scope (current_setting, string_to_array) once per row:
-- about 7 µs each, 40 ms for a community's 6,000 persons. Wrapped in a scalar subquery the scope
-- becomes an InitPlan, computed once per query; without a scope it is still NULL and admits nothing.
ALTER POLICY audit_log_scope ON audit_log
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
ALTER POLICY users_scope ON users
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
