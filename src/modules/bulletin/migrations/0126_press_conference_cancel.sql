-- CAS-5: a conference owed after a first local case that is discarded (排除) before the conference
-- is held, with no other local case of that outbreak left, is cancelled (with its deadline) rather
-- than left owed: the row stays, so that the history shows it was once owed and why it went.
ALTER TABLE press_conferences ADD COLUMN cancelled_at timestamptz;
ALTER TABLE press_conferences ADD COLUMN cancel_reason text;
ALTER TABLE press_conferences ADD CONSTRAINT press_conferences_cancel
  CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL) AND (cancelled_at IS NULL OR held_at IS NULL));
