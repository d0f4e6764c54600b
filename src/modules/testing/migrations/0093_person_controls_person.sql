-- A person's story (issue 13 Deliver 3) lists every control the person was ever under, lifted ones
-- too; person_controls_person covers only the open ones.
CREATE INDEX person_controls_person_all ON person_controls (person_id, started_at DESC);
