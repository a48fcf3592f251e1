/**
 * Versioned schema migrations, applied in order inside one transaction each; PRAGMA user_version holds
 * the version reached. Never edit a released migration: add a new one.
 *
 * Layout: internal integer ids (compact joins, fast graph building) next to the platform's own ids as
 * text (X ids overflow 2^53). Uniqueness on (platform, ext_id) and on natural keys of the link tables makes
 * every import idempotent: re-importing a file, or overlapping files, inserts nothing twice.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'accounts, posts, objects, interactions, follows, imports',
    sql: `
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  ext_id TEXT NOT NULL,
  screen_name TEXT,
  display_name TEXT,
  created_at INTEGER,
  followers INTEGER,
  following INTEGER,
  description TEXT,
  location TEXT,
  language TEXT,
  verified INTEGER,
  profile_image_url TEXT,
  account_type TEXT,
  UNIQUE (platform, ext_id)
);
CREATE INDEX accounts_screen_name ON accounts (screen_name COLLATE NOCASE);

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  format TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_imported INTEGER NOT NULL,
  rows_skipped INTEGER NOT NULL,
  error_count INTEGER NOT NULL,
  added_accounts INTEGER NOT NULL,
  added_posts INTEGER NOT NULL,
  added_interactions INTEGER NOT NULL,
  added_follows INTEGER NOT NULL,
  options TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE import_errors (
  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX import_errors_import ON import_errors (import_id);

CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  ext_id TEXT NOT NULL,
  author_id INTEGER NOT NULL REFERENCES accounts (id),
  time INTEGER,
  text TEXT,
  language TEXT,
  client TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('original', 'retweet', 'reply', 'quote', 'comment', 'share')),
  parent_ext_id TEXT,
  parent_author_id INTEGER REFERENCES accounts (id),
  root_ext_id TEXT,
  import_id INTEGER NOT NULL REFERENCES imports (id),
  UNIQUE (platform, ext_id)
);
CREATE INDEX posts_author_time ON posts (author_id, time);
CREATE INDEX posts_parent ON posts (platform, parent_ext_id) WHERE parent_ext_id IS NOT NULL;

-- What a post acts on (retweeted post, shared object, url, domain, hashtag, image hash, commented page).
CREATE TABLE post_objects (
  post_id INTEGER NOT NULL REFERENCES posts (id),
  kind TEXT NOT NULL CHECK (kind IN ('post', 'object', 'url', 'domain', 'hashtag', 'image', 'page')),
  value TEXT NOT NULL,
  PRIMARY KEY (post_id, kind, value)
) WITHOUT ROWID;
CREATE INDEX post_objects_value ON post_objects (kind, value);

CREATE TABLE interactions (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES accounts (id),
  target_id INTEGER NOT NULL REFERENCES accounts (id),
  kind TEXT NOT NULL CHECK (kind IN ('retweet', 'reply', 'mention', 'quote', 'comment', 'follow', 'share', 'edge')),
  post_id INTEGER REFERENCES posts (id),
  time INTEGER,
  weight REAL NOT NULL DEFAULT 1,
  import_id INTEGER NOT NULL REFERENCES imports (id)
);
-- NULLs are distinct in UNIQUE indexes, so the natural key uses sentinels: one interaction per
-- (kind, source, target, carrying post, time).
CREATE UNIQUE INDEX interactions_natural ON interactions (kind, source_id, target_id, ifnull(post_id, 0), ifnull(time, -1));
CREATE INDEX interactions_target ON interactions (target_id);

CREATE TABLE follows (
  follower_id INTEGER NOT NULL REFERENCES accounts (id),
  followed_id INTEGER NOT NULL REFERENCES accounts (id),
  time INTEGER,
  import_id INTEGER NOT NULL REFERENCES imports (id),
  PRIMARY KEY (follower_id, followed_id)
) WITHOUT ROWID;
CREATE INDEX follows_followed ON follows (followed_id);

-- Convenience views named after what analysts ask for.
CREATE VIEW hashtags AS SELECT post_id, value AS tag FROM post_objects WHERE kind = 'hashtag';
CREATE VIEW urls AS SELECT post_id, value AS url FROM post_objects WHERE kind = 'url';
CREATE VIEW mentions AS SELECT post_id, source_id, target_id, time FROM interactions WHERE kind = 'mention';
`,
  },
  {
    version: 2,
    description: 'analysis runs with their results, so reopening a project shows the last analysis at once',
    sql: `
-- One row per finished analysis. The output is the AnalysisOutput as gzipped JSON; last_import_id is the
-- newest import the run saw, so a later import marks it stale instead of showing out-of-date results.
CREATE TABLE analysis_runs (
  id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  parameters TEXT NOT NULL,
  last_import_id INTEGER NOT NULL,
  communities INTEGER NOT NULL,
  flagged INTEGER NOT NULL,
  output BLOB NOT NULL
);
`,
  },
  {
    version: 3,
    description: 'reactions and reply counts per post; comments and replies whose parent author is still unknown',
    sql: `
-- As the export counted them (comment exports give both per comment); NULL where it gave none.
ALTER TABLE posts ADD COLUMN reactions INTEGER;
ALTER TABLE posts ADD COLUMN reply_count INTEGER;
-- A reply's parent comment, or a comment's post, is often a later row or another file: after every import,
-- store/threads.ts finds its author. This index holds only the posts still waiting, so that step reads them
-- and nothing else however big the project grows.
CREATE INDEX posts_unresolved_parent ON posts (platform, parent_ext_id)
  WHERE parent_author_id IS NULL AND parent_ext_id IS NOT NULL AND kind IN ('reply', 'comment');
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
