-- HC-3 checkpoint logs (seed 004 §3): each pass records the direction (进/出) and the proofs the
-- traveller showed: a negative NAT report (its sampling time is nat_at; the hours it must fall within
-- are nat_within_hours, taken from the checkpoint's setting at the time of the pass) and the
-- itinerary card (行程卡: shown or not, the places it listed).
-- Old rows keep NULLs: direction unknown (shown as 未记录), proofs not recorded.
ALTER TABLE checkpoints ADD COLUMN nat_within_hours integer CHECK (nat_within_hours BETWEEN 1 AND 168);

ALTER TABLE checkpoint_passes
  ADD COLUMN direction text CHECK (direction IN ('in', 'out')),
  ADD COLUMN nat_within_hours integer CHECK (nat_within_hours BETWEEN 1 AND 168),
  ADD COLUMN itinerary_shown boolean,
  ADD COLUMN itinerary_places text[];

-- A case's timeline (EPI-1) reads a person's passes by keyed hash.
CREATE INDEX checkpoint_passes_id_hash ON checkpoint_passes (id_hash, passed_at);
