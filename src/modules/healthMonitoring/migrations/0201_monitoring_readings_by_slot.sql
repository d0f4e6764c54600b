-- The board and the tile ask which stays have a reading in the current slot, over every stay in
-- scope: one index range of the slot (not a scan of every reading), its stay ids read off the index.
CREATE INDEX monitoring_readings_by_slot ON monitoring_readings (local_date, slot, stay_id);
