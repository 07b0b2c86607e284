-- 0008: a tamper-evident history (issue #14).
--
-- Every history entry is chained in `ledger`: entry_hash is BLAKE2b-256 of
-- the entry's canonical content (each field length-prefixed and typed:
-- sp_entry_hash, src/lib/chain.c) and chain_hash is BLAKE2b-256 of the
-- previous chain_hash, this entry_hash and chained_at (sp_chain_hash). Editing, removing
-- or inserting an entry breaks the chain from that point; a signed
-- checkpoint (size and head hash) shows a chain rebuilt by hand.
--
-- An action's state at creation is kept in action_origin, itself a chained
-- entry, so `verify` can replay each action from its origin and its updates
-- and catch a state changed without history.
--
-- The hash functions are C functions registered by the library: a
-- connection without them (the sqlite3 shell) cannot add history at all.
-- An existing database's history is chained by the library as this step is
-- applied (sp_ledger_backfill), and a note in the chain says so.

CREATE TABLE action_origin (
    action_id           INTEGER PRIMARY KEY REFERENCES action (id),
    finding_id          INTEGER NOT NULL,
    ref                 TEXT NOT NULL,
    description         TEXT NOT NULL,
    owner_id            INTEGER,
    start_on            TEXT,
    original_due_on     TEXT,
    due_on              TEXT,
    status              TEXT NOT NULL,
    measure             TEXT,
    created_at          TEXT NOT NULL,
    last_update_on      TEXT,
    transferred_to      TEXT,
    rag_override        TEXT,
    rag_override_reason TEXT
);

CREATE TABLE ledger_note (
    id          INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    text        TEXT NOT NULL
);

CREATE TABLE ledger (
    seq         INTEGER PRIMARY KEY,
    entry_table TEXT NOT NULL,
    entry_id    INTEGER NOT NULL,
    entry_hash  BLOB NOT NULL,
    -- When the entry joined the chain, by the clock of the machine that
    -- chained it (no one chooses it, unlike an update's own dates).
    chained_at  TEXT NOT NULL,
    chain_hash  BLOB NOT NULL
);
CREATE UNIQUE INDEX ledger_entry ON ledger (entry_table, entry_id);

CREATE TRIGGER action_origin_no_update BEFORE UPDATE ON action_origin
BEGIN
    SELECT RAISE(ABORT, 'action_origin is append-only');
END;
CREATE TRIGGER action_origin_no_delete BEFORE DELETE ON action_origin
BEGIN
    SELECT RAISE(ABORT, 'action_origin is append-only');
END;
CREATE TRIGGER ledger_note_no_update BEFORE UPDATE ON ledger_note
BEGIN
    SELECT RAISE(ABORT, 'ledger_note is append-only');
END;
CREATE TRIGGER ledger_note_no_delete BEFORE DELETE ON ledger_note
BEGIN
    SELECT RAISE(ABORT, 'ledger_note is append-only');
END;
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;

CREATE TRIGGER action_origin_record AFTER INSERT ON action
BEGIN
    INSERT INTO action_origin VALUES (NEW.id, NEW.finding_id, NEW.ref, NEW.description,
        NEW.owner_id, NEW.start_on, NEW.original_due_on, NEW.due_on, NEW.status, NEW.measure,
        NEW.created_at, NEW.last_update_on, NEW.transferred_to, NEW.rag_override,
        NEW.rag_override_reason);
END;

-- The three chain triggers hash the same fields, in the same order, as the
-- verify queries in sql/chain.sql (a unit test proves a fresh history
-- verifies, so the two cannot drift apart unnoticed).
CREATE TRIGGER ledger_action_origin AFTER INSERT ON action_origin
BEGIN
    INSERT INTO ledger (entry_table, entry_id, entry_hash, chained_at, chain_hash)
    SELECT 'action_origin', NEW.action_id, h, t,
           sp_chain_hash((SELECT chain_hash FROM ledger ORDER BY seq DESC LIMIT 1), h, t)
    FROM (SELECT sp_entry_hash('action_origin', NEW.action_id, NEW.finding_id, NEW.ref,
              NEW.description, NEW.owner_id, NEW.start_on, NEW.original_due_on, NEW.due_on,
              NEW.status, NEW.measure, NEW.created_at, NEW.last_update_on, NEW.transferred_to,
              NEW.rag_override, NEW.rag_override_reason) AS h,
                 strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS t);
END;

CREATE TRIGGER ledger_action_update AFTER INSERT ON action_update
BEGIN
    INSERT INTO ledger (entry_table, entry_id, entry_hash, chained_at, chain_hash)
    SELECT 'action_update', NEW.id, h, t,
           sp_chain_hash((SELECT chain_hash FROM ledger ORDER BY seq DESC LIMIT 1), h, t)
    FROM (SELECT sp_entry_hash('action_update', NEW.id, NEW.action_id, NEW.on_date,
              NEW.recorded_at, NEW.author, NEW.note, NEW.evidence, NEW.no_evidence_reason,
              NEW.percent, NEW.old_status, NEW.new_status, NEW.old_due_on, NEW.new_due_on,
              NEW.old_owner_id, NEW.new_owner_id, NEW.transferred_to, NEW.rag_override,
              NEW.reason) AS h,
                 strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS t);
END;

CREATE TRIGGER ledger_ledger_note AFTER INSERT ON ledger_note
BEGIN
    INSERT INTO ledger (entry_table, entry_id, entry_hash, chained_at, chain_hash)
    SELECT 'ledger_note', NEW.id, h, t,
           sp_chain_hash((SELECT chain_hash FROM ledger ORDER BY seq DESC LIMIT 1), h, t)
    FROM (SELECT sp_entry_hash('ledger_note', NEW.id, NEW.recorded_at, NEW.text) AS h,
                 strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS t);
END;
