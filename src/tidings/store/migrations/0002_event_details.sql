-- The event fields the contract gained after 0001: the counts tied to an event (a JSON list of
-- {value, text, of, role}), the quote it is reported in (NULL: the outlet itself), and the
-- actors' agent codes. The ACLED export reads fatalities and inter codes from them. Events stored
-- before this migration keep the defaults (no counts, no codes) until their article is re-ingested.
ALTER TABLE events ADD COLUMN counts TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN source_id TEXT REFERENCES quotes(id) ON DELETE SET NULL;
ALTER TABLE events ADD COLUMN actor_code TEXT;
ALTER TABLE events ADD COLUMN target_code TEXT;
