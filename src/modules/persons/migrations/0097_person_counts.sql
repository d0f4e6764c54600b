-- Persons registered per jurisdiction (the leaf code a person is registered in), kept as writes
-- happen: the campaign's progress and the dashboard read "persons under a node" from a few hundred
-- counter rows instead of counting millions of persons on every read. Statement-level triggers with
-- transition tables see every path that writes persons: single registrations, the ledger import's
-- batched INSERT … ON CONFLICT DO NOTHING (only the rows inserted are in the transition table), the
-- demo loader, COPY (which fires statement triggers on PostgreSQL and on PGlite's COPY from a blob),
-- edits and hand-overs that move a person (an UPDATE of jurisdiction_code), and deletes.
CREATE TABLE person_counts (
  jurisdiction_code text COLLATE "C" PRIMARY KEY,
  persons int NOT NULL DEFAULT 0
);

-- Adds each code's net change. Rows are upserted in code order, so two statements touching the
-- same codes lock their counters in the same order and cannot deadlock each other.
CREATE FUNCTION fangkong_person_counts_added() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO person_counts AS c (jurisdiction_code, persons)
  SELECT jurisdiction_code, count(*) FROM new_persons GROUP BY 1 ORDER BY 1
  ON CONFLICT (jurisdiction_code) DO UPDATE SET persons = c.persons + excluded.persons;
  RETURN NULL;
END $$;
CREATE TRIGGER persons_counted_insert AFTER INSERT ON persons
  REFERENCING NEW TABLE AS new_persons FOR EACH STATEMENT EXECUTE FUNCTION fangkong_person_counts_added();

CREATE FUNCTION fangkong_person_counts_removed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE person_counts c SET persons = c.persons - d.n
  FROM (SELECT jurisdiction_code, count(*) AS n FROM old_persons GROUP BY 1 ORDER BY 1) d
  WHERE c.jurisdiction_code = d.jurisdiction_code;
  RETURN NULL;
END $$;
CREATE TRIGGER persons_counted_delete AFTER DELETE ON persons
  REFERENCING OLD TABLE AS old_persons FOR EACH STATEMENT EXECUTE FUNCTION fangkong_person_counts_removed();

-- A trigger with transition tables cannot name columns (UPDATE OF jurisdiction_code), so every
-- update of persons comes here; a statement that moves nobody nets to zero everywhere and writes
-- nothing.
CREATE FUNCTION fangkong_person_counts_moved() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO person_counts AS c (jurisdiction_code, persons)
  SELECT code, sum(delta) FROM (
    SELECT jurisdiction_code AS code, -1 AS delta FROM old_persons
    UNION ALL
    SELECT jurisdiction_code, 1 FROM new_persons
  ) moves
  GROUP BY 1 HAVING sum(delta) <> 0 ORDER BY 1
  ON CONFLICT (jurisdiction_code) DO UPDATE SET persons = c.persons + excluded.persons;
  RETURN NULL;
END $$;
CREATE TRIGGER persons_counted_update AFTER UPDATE ON persons
  REFERENCING OLD TABLE AS old_persons NEW TABLE AS new_persons
  FOR EACH STATEMENT EXECUTE FUNCTION fangkong_person_counts_moved();

CREATE FUNCTION fangkong_person_counts_truncated() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM person_counts;
  RETURN NULL;
END $$;
CREATE TRIGGER persons_counted_truncate AFTER TRUNCATE ON persons
  FOR EACH STATEMENT EXECUTE FUNCTION fangkong_person_counts_truncated();

INSERT INTO person_counts (jurisdiction_code, persons)
SELECT jurisdiction_code, count(*) FROM persons GROUP BY 1;

-- Read in the caller's scope, like the persons they count.
ALTER TABLE person_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_counts_scope ON person_counts
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT ON person_counts TO fangkong_app;
