-- Results look up the arrival-linked samples of their tubes (to record them on plans): only a few
-- samples carry an arrival, so a partial index answers without reading every member of every tube.
CREATE INDEX samples_arrival_tube ON samples (tube_id) WHERE arrival_id IS NOT NULL;
