-- The deadline counters are written only by the deadlines' own triggers (0086), which run as the
-- owner. Their shared writer is SECURITY DEFINER and was callable by every role: the app role could
-- add counts for any jurisdiction, past row-level security. Only the owner may call it now.
REVOKE ALL ON FUNCTION fangkong_deadline_counts_add(text[], timestamptz[], timestamptz[], int[], int[]) FROM PUBLIC;
