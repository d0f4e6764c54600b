-- TST-6 live progress by grid without re-reading millions of samples: counters per campaign and
-- home jurisdiction (where the person is registered), kept by statement-level triggers on the
-- writes themselves, so every path (sampling tables, bulk loads, lab results) keeps them right.

-- The person's home jurisdiction at sampling, so progress needs no join with persons.
ALTER TABLE samples ADD COLUMN home_code text COLLATE "C";

CREATE FUNCTION fangkong_sample_home() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  -- Definer rights: a person sampled away from home is outside the sampler's scope.
  IF NEW.home_code IS NULL THEN
    SELECT jurisdiction_code INTO NEW.home_code FROM persons WHERE id = NEW.person_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER samples_home BEFORE INSERT ON samples
  FOR EACH ROW EXECUTE FUNCTION fangkong_sample_home();

-- One campaign sample per person: a second scan of the same person is a mistake to refuse, and a
-- re-sample (an invalid tube, a positive pool) is taken outside the campaign (purpose 'resample').
CREATE UNIQUE INDEX samples_campaign_person ON samples (campaign_id, person_id) WHERE campaign_id IS NOT NULL;
DROP INDEX samples_campaign;

CREATE TABLE campaign_progress (
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  jurisdiction_code text COLLATE "C" NOT NULL,
  sampled int NOT NULL DEFAULT 0,
  resulted int NOT NULL DEFAULT 0,
  positives int NOT NULL DEFAULT 0,
  invalid int NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id, jurisdiction_code)
);

-- Samples per hour at each site's jurisdiction, for the progress chart.
CREATE TABLE campaign_hourly (
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  jurisdiction_code text COLLATE "C" NOT NULL,
  hour timestamptz NOT NULL,
  samples int NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id, jurisdiction_code, hour)
);

CREATE FUNCTION fangkong_progress_sampled() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  -- A tube may already hold its result when samples are loaded after it (bulk loads).
  INSERT INTO campaign_progress AS p (campaign_id, jurisdiction_code, sampled, resulted, positives, invalid)
  SELECT n.campaign_id, n.home_code, count(*),
    count(*) FILTER (WHERE t.result IN ('negative', 'positive')),
    count(*) FILTER (WHERE t.result = 'positive'),
    count(*) FILTER (WHERE t.result = 'invalid')
  FROM new_samples n JOIN tubes t ON t.id = n.tube_id
  WHERE n.campaign_id IS NOT NULL
  GROUP BY 1, 2
  ON CONFLICT (campaign_id, jurisdiction_code) DO UPDATE SET
    sampled = p.sampled + excluded.sampled, resulted = p.resulted + excluded.resulted,
    positives = p.positives + excluded.positives, invalid = p.invalid + excluded.invalid;
  INSERT INTO campaign_hourly AS h (campaign_id, jurisdiction_code, hour, samples)
  SELECT n.campaign_id, n.jurisdiction_code, date_trunc('hour', n.sampled_at), count(*)
  FROM new_samples n WHERE n.campaign_id IS NOT NULL
  GROUP BY 1, 2, 3
  ON CONFLICT (campaign_id, jurisdiction_code, hour) DO UPDATE SET samples = h.samples + excluded.samples;
  RETURN NULL;
END $$;
CREATE TRIGGER samples_progress AFTER INSERT ON samples
  REFERENCING NEW TABLE AS new_samples FOR EACH STATEMENT EXECUTE FUNCTION fangkong_progress_sampled();

CREATE FUNCTION fangkong_progress_resulted() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  -- Only a first result counts: results are never overwritten (a conflict is refused).
  INSERT INTO campaign_progress AS p (campaign_id, jurisdiction_code, resulted, positives, invalid)
  SELECT s.campaign_id, s.home_code,
    count(*) FILTER (WHERE n.result IN ('negative', 'positive')),
    count(*) FILTER (WHERE n.result = 'positive'),
    count(*) FILTER (WHERE n.result = 'invalid')
  FROM new_tubes n JOIN old_tubes o ON o.id = n.id
  JOIN samples s ON s.tube_id = n.id
  WHERE o.result IS NULL AND n.result IS NOT NULL AND n.campaign_id IS NOT NULL AND s.campaign_id IS NOT NULL
  GROUP BY 1, 2
  ON CONFLICT (campaign_id, jurisdiction_code) DO UPDATE SET
    resulted = p.resulted + excluded.resulted, positives = p.positives + excluded.positives,
    invalid = p.invalid + excluded.invalid;
  RETURN NULL;
END $$;
CREATE TRIGGER tubes_progress AFTER UPDATE ON tubes
  REFERENCING OLD TABLE AS old_tubes NEW TABLE AS new_tubes
  FOR EACH STATEMENT EXECUTE FUNCTION fangkong_progress_resulted();

ALTER TABLE campaign_progress ENABLE ROW LEVEL SECURITY;
CREATE POLICY campaign_progress_scope ON campaign_progress
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT ON campaign_progress TO fangkong_app;

ALTER TABLE campaign_hourly ENABLE ROW LEVEL SECURITY;
CREATE POLICY campaign_hourly_scope ON campaign_hourly
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT ON campaign_hourly TO fangkong_app;

-- A campaign is seen by everyone working inside its area (a community worker sampling in the
-- county's campaign), while only those scoped over it may change it.
CREATE POLICY campaigns_read_inside ON campaigns FOR SELECT
  USING (EXISTS (SELECT 1 FROM unnest((SELECT fangkong_scope())::text[]) AS s(code) WHERE s.code ^@ jurisdiction_code));
