-- ISO-3 "five in place" (五到位, 004 §18 "具体房源到位（数量、位置）、三区两通道改造到位、门禁监控准备到位、
-- 防控物资储备到位、管理人员准备到位"): per site, each of the five items in place or not, with its
-- evidence, the local date it was checked and who checked it. A site without a row for an item has
-- that item not in place. A site may be in use or on standby only with all five in place.
CREATE TABLE isolation_site_readiness (
  site_id uuid NOT NULL REFERENCES isolation_sites (id),
  -- The site's jurisdiction, kept on the row for row-level security.
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  item text NOT NULL CHECK (item IN ('rooms', 'zones', 'access_control', 'supplies', 'staff')),
  in_place boolean NOT NULL,
  evidence text CHECK (length(evidence) <= 500),
  checked_on date,
  checked_by uuid,
  checked_by_name text CHECK (length(checked_by_name) <= 120),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (site_id, item)
);
CREATE INDEX isolation_site_readiness_scope ON isolation_site_readiness (jurisdiction_code);
ALTER TABLE isolation_site_readiness ENABLE ROW LEVEL SECURITY;
CREATE POLICY isolation_site_readiness_scope ON isolation_site_readiness
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON isolation_site_readiness TO fangkong_app;
