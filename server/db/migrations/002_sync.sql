-- The records the desktop apps sync, one row per record, and what pulls and pushes need.
--
-- Every write stamps the row with the writing transaction's id (xid8) and a number from one
-- sequence. A pull reads rows after its cursor (xid, seq) and only below the snapshot horizon
-- (the oldest transaction still running): a transaction that commits later than one with a
-- higher id is never skipped, because nothing at or above a running transaction's id is read.

CREATE SEQUENCE change_seq;

CREATE TABLE records (
  entity text NOT NULL,
  id text NOT NULL,
  -- The scope key pulls filter by; NULL for records everyone sees (the bank catalogue).
  district text,
  -- The enterprise (or batch) a record hangs off, so a district change moves them all at once.
  root_id text,
  -- What decide() looks records up by (server/sync/lookup.ts): the parent's id (enterpriseId,
  -- caseId…) and the entity's unique key (uscc, patent number, batch name).
  parent_id text,
  lookup_key text,
  -- json, not jsonb: the server stores and returns the text; decide() reads it in JS, and
  -- nothing queries inside it (lookups have their own columns), so jsonb's parsing buys nothing.
  data json NOT NULL,
  -- field -> the change number it was last written at, and the device that wrote it.
  versions json NOT NULL DEFAULT '{}',
  origins json NOT NULL DEFAULT '{}',
  -- A tombstone: the record was deleted (kept until the tombstone horizon passes it).
  deleted boolean NOT NULL DEFAULT false,
  -- The change as a pull sends it ({"e","id","op","d","v"}), written with the record, so a page
  -- is the stored texts joined rather than rebuilt from the columns on every pull.
  wire text NOT NULL,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  PRIMARY KEY (entity, id)
);
CREATE INDEX records_cursor ON records (xid, seq);
CREATE INDEX records_root ON records (root_id);
-- The lookups decide() makes: a parent's children and the unique keys.
CREATE INDEX records_parent ON records (entity, parent_id) WHERE NOT deleted;
CREATE INDEX records_key ON records (entity, lookup_key) WHERE lookup_key IS NOT NULL AND NOT deleted;
CREATE INDEX records_tombstones ON records (updated_at) WHERE deleted;

-- A record that left a district: those who see that district are told to remove it.
CREATE TABLE scope_exits (
  entity text NOT NULL,
  id text NOT NULL,
  district text NOT NULL,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  at timestamptz NOT NULL
);
CREATE INDEX scope_exits_cursor ON scope_exits (xid, seq);
CREATE INDEX scope_exits_at ON scope_exits (at);

-- Each device's last applied mutation number, and who it belongs to.
CREATE TABLE devices (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  last_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);

-- The answer given to each mutation, so a repeat gets the same answer and changes nothing.
CREATE TABLE mutation_results (
  device_id text NOT NULL REFERENCES devices (id),
  seq bigint NOT NULL,
  mutation_id text NOT NULL,
  name text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'rejected', 'conflict')),
  result json NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (device_id, seq)
);

-- Every record a mutation changed: who, from which device, when, and the values before and after.
CREATE TABLE audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  user_id uuid NOT NULL,
  user_name text NOT NULL,
  device_id text NOT NULL,
  mutation_id text NOT NULL,
  mutation text NOT NULL,
  entity text NOT NULL,
  record_id text NOT NULL,
  before json,
  after json
);
CREATE INDEX audit_record ON audit (entity, record_id);

-- Settings of the sync itself, e.g. the tombstone horizon: cursors before it must resync.
CREATE TABLE sync_meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
