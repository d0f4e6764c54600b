-- A close contact's point-to-point transfer into a centralised isolation room (EPI-4, ISO-4: 002 §25
-- "做到隔离人员 12 小时内转运到集中隔离点") is an event of the contact's history.
ALTER TABLE contact_events DROP CONSTRAINT contact_events_kind_check;
ALTER TABLE contact_events ADD CONSTRAINT contact_events_kind_check
  CHECK (kind IN ('identified', 'handed_over', 'accepted', 'reclassified', 'released', 'discarded', 'transferred'));
