-- A person's story (issue 13 Deliver 3) finds the checkpoint passes that registered the person's
-- arrivals; without this a story read every pass of the table.
CREATE INDEX checkpoint_passes_arrival ON checkpoint_passes (arrival_id) WHERE arrival_id IS NOT NULL;
