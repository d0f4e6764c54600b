-- TST-1: a control carries its tube's barcode. The person's community carries the control out but
-- usually cannot see the tube (it belongs to the site's town or county), so a list that joined the
-- tube counted controls it could not show. Barcodes never change; the barcode is copied once.
ALTER TABLE person_controls ADD COLUMN tube_barcode text COLLATE "C";
UPDATE person_controls pc SET tube_barcode = t.barcode FROM tubes t WHERE t.id = pc.tube_id;
ALTER TABLE person_controls ALTER COLUMN tube_barcode SET NOT NULL;

-- A sampling site serves its whole subtree: a community worker reads the sites set up at their
-- town or county (as campaigns are read inside their area); only those scoped over a site change it.
CREATE POLICY sampling_sites_read_inside ON sampling_sites FOR SELECT
  USING (EXISTS (SELECT 1 FROM unnest((SELECT fangkong_scope())::text[]) AS s (code) WHERE s.code ^@ jurisdiction_code));
