-- Room turnover (ISO-4 单人单间; 002 §11 terminal disinfection): who marked the room cleaned and
-- disinfected, and when, so the next person goes into a room whose cleaning is on record.
ALTER TABLE isolation_rooms ADD COLUMN cleaned_at timestamptz;
ALTER TABLE isolation_rooms ADD COLUMN cleaned_by uuid;
ALTER TABLE isolation_rooms ADD COLUMN cleaned_by_name text CHECK (length(cleaned_by_name) <= 120);
