-- Tidings store, schema 1. Tables mirror the tidings/article@1 contract (docs/contract.md);
-- docs/store.md describes every table. Ids that are local to an article in the contract
-- (e3, q1, ev2) are made globally unique here as "<article_id>:<local id>".

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE articles (
    id TEXT PRIMARY KEY,              -- the contract's content hash
    title TEXT,
    source_id INTEGER REFERENCES sources(id),
    url TEXT,
    published TEXT,                   -- YYYY-MM-DD
    language TEXT,
    text TEXT NOT NULL,
    author TEXT,
    warnings TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    focus_country TEXT,
    focus_admin1 TEXT,
    focus_entity TEXT,                -- global entity id
    added_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source_id);

-- Filled by the corpus stage (tidings.corpus.merge) through Store.rebuild_corpus().
CREATE TABLE canonical_entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    lat REAL,
    lon REAL,
    geonames_id INTEGER,
    country TEXT,
    feature TEXT,
    admin1 TEXT
);
CREATE INDEX canonical_entities_name ON canonical_entities(name COLLATE NOCASE);

CREATE TABLE entities (
    id TEXT PRIMARY KEY,              -- <article_id>:e3
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,           -- e3, as in the contract
    seq INTEGER NOT NULL,             -- order in the record
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    titles TEXT NOT NULL DEFAULT '[]',
    mention_count INTEGER NOT NULL DEFAULT 0,
    canonical_id TEXT REFERENCES canonical_entities(id) ON DELETE SET NULL,
    UNIQUE (article_id, local_id)
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX entities_canonical ON entities(canonical_id);
CREATE INDEX entities_type ON entities(type);

CREATE TABLE mentions (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (entity_id, start)
) WITHOUT ROWID;

-- The geo of place entities: one row per entity the gazetteer resolved.
CREATE TABLE places (
    entity_id TEXT PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    geonames_id INTEGER,
    country TEXT,
    feature TEXT,
    admin1 TEXT
);
CREATE INDEX places_country ON places(country);

CREATE TABLE quotes (
    id TEXT PRIMARY KEY,              -- <article_id>:q1
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
    speaker_text TEXT,
    cue TEXT,
    venue TEXT,
    date TEXT,                        -- YYYY-MM-DD, as the contract gives it
    day TEXT,                         -- date, else the article's publication date: the timeline key
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE INDEX quotes_day ON quotes(day);

CREATE TABLE timexes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

CREATE TABLE events (
    id TEXT PRIMARY KEY,              -- <article_id>:ev1
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    actor_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
    target_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
    place_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
    date TEXT,                        -- the contract's TIMEX3 value
    day TEXT,                         -- first day of date when it names one, else publication date
    precision INTEGER,                -- 1 day, 2 week, 3 month or coarser / fallback (ACLED's scale)
    negated INTEGER NOT NULL DEFAULT 0,
    modality TEXT,
    trigger TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_type_day ON events(type, day);
CREATE INDEX events_actor ON events(actor_id);
CREATE INDEX events_target ON events(target_id);
CREATE INDEX events_place ON events(place_id);

-- Filled by the corpus stage (tidings.corpus.stories) through Store.rebuild_corpus().
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    corroboration INTEGER,            -- independent outlets (wire copies count once)
    built_at TEXT NOT NULL
);

CREATE TABLE story_articles (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, article_id)
) WITHOUT ROWID;
CREATE INDEX story_articles_article ON story_articles(article_id);

-- The ingest log: one row per input item seen (a file, a JSONL line, a WARC record, a feed
-- entry, a URL), keyed by its fingerprint, so that a rerun skips what is done.
CREATE TABLE documents (
    fingerprint TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('stored', 'duplicate', 'failed')),
    article_id TEXT REFERENCES articles(id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX documents_article ON documents(article_id);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT,
    origin TEXT NOT NULL,
    reason TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX failures_fingerprint ON failures(fingerprint);

-- Full text. External-content tables: the text lives once, in articles and quotes; the
-- triggers keep the index in step.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker_text, content='quotes', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker_text) VALUES (new.rowid, new.text, new.speaker_text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_text)
    VALUES ('delete', old.rowid, old.text, old.speaker_text);
END;
