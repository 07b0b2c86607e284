-- The importer's statements. Each is prepared once per import and reused
-- for every row (bind, step, reset), as SQLite's own .import does.

-- name: any_action
SELECT EXISTS (SELECT 1 FROM action);

-- name: authority_get
SELECT id FROM authority WHERE code = :code;

-- name: authority_add
INSERT INTO authority (code, name, kind) VALUES (:code, :name, :kind);

-- name: review_get
-- Here and below, a voided object is never matched: after `undo` of an
-- import, the file imported again makes its plan afresh, where it would
-- have updated actions no report shows. A reference a voided object still
-- holds (UNIQUE) is refused by the writer when it inserts (import_write.c,
-- held_by_void).
-- A reference is matched as written, else in other capitals when only
-- one matches so ("2015-Peer" is 2015-peer): a sheet whose references
-- were retyped must not make a second review, finding or action beside
-- the first (ref/review explains the coalesce).
-- A history file (export --history) binds :exact = 1, here and in
-- finding_get: it rebuilds a plan as it was, spellings and all.
SELECT id FROM review WHERE id = coalesce(
    (SELECT id FROM review
     WHERE authority_id = :authority_id AND ref = :ref AND voided = 0),
    CASE WHEN :exact IS NULL THEN
        (SELECT CASE WHEN count(*) = 1 THEN max(id) END FROM review
         WHERE authority_id = :authority_id AND ref = :ref COLLATE NOCASE AND voided = 0)
    END);

-- name: review_add
INSERT INTO review (authority_id, ref, kind, title, started_on, ended_on, reported_on, judgement)
VALUES (:authority_id, :ref, :kind, :title, :from, :to, :reported, :judgement);

-- name: finding_get
-- With its theme: a row naming the finding under another theme is refused.
-- :exact = 1 for a review this import made: its findings are the file's
-- own, whose references are as written (as a load into an empty plan
-- makes them), and asking in other capitals read all of the review's
-- findings for each new one.
SELECT id, theme FROM finding WHERE id = coalesce(
    (SELECT id FROM finding WHERE review_id = :review_id AND ref = :ref AND voided = 0),
    CASE WHEN :exact IS NULL THEN
        (SELECT CASE WHEN count(*) = 1 THEN max(id) END FROM finding
         WHERE review_id = :review_id AND ref = :ref COLLATE NOCASE AND voided = 0) END);

-- name: finding_by_text
-- Council sheets repeat the finding's text on each of its actions' rows.
-- A plan may repeat a recommendation under two themes: then they are two
-- findings, so a row that gives a theme matches only the text under it
-- (as names compare: case and spacing aside); a row without one, any.
SELECT id, theme FROM finding
WHERE review_id = :review_id AND text = :text AND voided = 0
  AND (:theme IS NULL OR name_key(theme) = name_key(:theme))
ORDER BY id LIMIT 1;

-- name: review_mark
-- The last review before the import's first finding: the reviews after it
-- are the import's own (import_write.c, made_texts).
SELECT coalesce(max(id), 0) FROM review;

-- name: finding_next_ref
SELECT coalesce(max(CAST(ref AS INTEGER)), 0) + 1 FROM finding
WHERE review_id = :review_id AND ref NOT GLOB '*[^0-9]*';

-- name: finding_add
INSERT INTO finding (review_id, ref, kind, theme, text)
VALUES (:review_id, :ref, :kind, :theme, :text);

-- name: owner_names
-- Every owner, first made first (the first of names sharing a key keeps
-- it): the importer looks names up by key in memory (import_write.c).
SELECT id, name FROM owner ORDER BY id;

-- name: owner_exact
-- A history file's owner: as it was recorded, so that a plan rebuilt from
-- its history has the owners it had, whatever their spelling.
SELECT id FROM owner WHERE name = :name;

-- name: owner_add
INSERT INTO owner (name) VALUES (:name);

-- name: action_by_ref
-- The action's state now, and its latest update's note, evidence and share
-- done, to tell whether a row changes anything; its reference as stored,
-- which may be in other capitals than the row's (review_get).
SELECT x.id, x.status, x.due_on, x.owner_id, x.transferred_to, x.rag_override,
       x.rag_override_reason, u.note, u.evidence, x.start_on, x.timescale, x.cadence,
       date(x.created_at) AS created_on, x.ref, u.percent
FROM action x
LEFT JOIN action_update u ON u.id = (
    SELECT id FROM action_update WHERE action_id = x.id ORDER BY on_date DESC, id DESC LIMIT 1)
WHERE x.id = coalesce(
    (SELECT id FROM action WHERE finding_id = :finding_id AND ref = :ref AND voided = 0),
    (SELECT CASE WHEN count(*) = 1 THEN max(id) END FROM action
     WHERE finding_id = :finding_id AND ref = :ref COLLATE NOCASE AND voided = 0));

-- name: action_by_text
SELECT x.id, x.status, x.due_on, x.owner_id, x.transferred_to, x.rag_override,
       x.rag_override_reason, u.note, u.evidence, x.start_on, x.timescale, x.cadence,
       date(x.created_at) AS created_on, x.ref, u.percent
FROM action x
LEFT JOIN action_update u ON u.id = (
    SELECT id FROM action_update WHERE action_id = x.id ORDER BY on_date DESC, id DESC LIMIT 1)
WHERE x.finding_id = :finding_id AND x.description = :text AND x.voided = 0
ORDER BY x.id LIMIT 1;

-- name: action_mark
-- The last action before the import: the actions after it are the
-- import's own (import_write.c, row_lines).
SELECT coalesce(max(id), 0) FROM action;

-- name: action_next_ref
SELECT coalesce(max(CAST(ref AS INTEGER)), 0) + 1 FROM action
WHERE finding_id = :finding_id AND ref NOT GLOB '*[^0-9]*';

-- name: action_add
-- A new action starts in the state the file records (the council's record
-- of it), unless the row reports an update, which then brings it there.
-- :now is the import's time, taken once: the column defaults would work it
-- out again for every row (strftime of 'now' twice per action and once per
-- update, a tenth of the time of a bulk load). :last_update_on and
-- :progress_on are set only by a bulk load, which inserts the action as
-- its first update leaves it (bulk_triggers).
INSERT INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on,
                    status, measure, transferred_to, rag_override, rag_override_reason,
                    created_at, updated_at, timescale, cadence, last_update_on, progress_on)
VALUES (:finding_id, :ref, :description, :owner_id, :start, :original_due, :due,
        coalesce(:status, 'not_started'), :measure, :transferred_to, :rag_override,
        :rag_override_reason, :now, :now, :timescale, :cadence, :last_update_on,
        :progress_on);

-- name: origin_add
-- What the trigger action_origin_record writes for a new action: its state
-- when it was made. A bulk load drops the trigger (bulk_triggers) and
-- writes the origin itself, from the state the action had before its
-- first update, since the action row already holds the state after it.
INSERT INTO action_origin (action_id, finding_id, ref, description, owner_id, start_on,
                           original_due_on, due_on, status, measure, created_at,
                           last_update_on, transferred_to, rag_override, rag_override_reason)
VALUES (:action_id, :finding_id, :ref, :description, :owner_id, :start, :original_due, :due,
        :status, :measure, :now, NULL, :transferred_to, :rag_override, :rag_override_reason);

-- name: update_add
-- The trigger action_update_apply applies the change to the action.
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence, percent,
                           old_status, new_status, old_due_on, new_due_on, old_owner_id,
                           new_owner_id, transferred_to, rag_override, reason,
                           new_due_as_written)
VALUES (:action_id, :on_date, :now, :author, :note, :evidence, :percent, :old_status,
        :new_status, :old_due_on, :new_due_on, :old_owner_id, :new_owner_id, :transferred_to,
        :rag_override, :reason, :new_due_as_written);

-- name: now
-- The moment the import is recorded at, as the schema's defaults write it.
SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now');

-- name: first_import_review
-- The review the first import into an authority made (issue 11: the same
-- sheet imported monthly goes into one review). Not a voided one: after
-- `undo` of that import, the next goes into a new review.
SELECT ref FROM review
WHERE authority_id = :authority_id AND kind = 'other' AND ref GLOB 'import-[0-9]*'
  AND voided = 0
ORDER BY ref LIMIT 1;

-- name: review_ref_taken
-- Whether a review, live or voided, holds the reference (UNIQUE).
SELECT EXISTS (SELECT 1 FROM review WHERE authority_id = :authority_id AND ref = :ref);

-- name: review_authority
SELECT authority_id FROM review WHERE id = :id;

-- name: bulk_indexes
-- The secondary indexes a bulk load drops and builds again (import_bulk.c):
-- every index of the three tables that grow by a row or two per imported
-- action, except those behind UNIQUE constraints (no sql), which enforce
-- rules. The ledger's ledger_entry is UNIQUE too, but made by CREATE UNIQUE
-- INDEX, so building it again checks its rule over every entry (a
-- duplicate would fail the import); nothing a load runs looks an entry up
-- by it (bulk_origins and bulk_updates take ids after a mark): -2% of the
-- instructions of a 10,000-row load.
-- In the schema's order (rowid), the order they are made again in, so that
-- a loaded plan's schema lists them as a new one does. SQLite breaks a tie
-- between two indexes that serve a query equally by that order (the one
-- made last wins): made again by name, action_owner came after
-- action_open_owner, and `owner list` read every action's row to count the
-- open ones (1.2 s at a million actions, where action_open_owner counts
-- them from the index alone). The triggers below keep their order too:
-- two triggers on one event fire in the reverse of it.
SELECT name, sql FROM sqlite_master
WHERE type = 'index' AND tbl_name IN ('action', 'action_update', 'ledger') AND sql IS NOT NULL
ORDER BY rowid;

-- name: bulk_triggers
-- The ledger's chain triggers on the two tables a bulk load fills
-- (import_bulk.c). They hash and chain each entry as it is written, which
-- was some 35% of an import's CPU (a trigger program, a head lookup and an
-- INSERT ... SELECT per entry, two entries per action): a bulk load drops
-- them with the indexes, chains the entries it wrote in one pass
-- (bulk_origins, bulk_updates: the fields and order of the triggers'
-- sp_entry_hash, migrations/0008_ledger.sql and, for an update, the view
-- action_update_entry of migration 19) in the order the triggers
-- would have (each action's origin, then its updates), and makes them
-- again before the commit.
-- The three triggers that make a new action's history go too: the writer
-- inserts the action already as its first update leaves it, its origin
-- (origin_add) and then the update (import_write.c, create_bulk). With
-- action_origin_record, action_update_apply and action_update_first_due
-- an action cost ~43,000 instructions more: a trigger program for the
-- origin, an UPDATE rewriting the action row and checking it again, and
-- the statement journal that any statement firing a trigger keeps (each
-- page it changes copied first). -16.5% of a 10,000-row load.
-- The journal's "created" triggers of authority, review, finding and owner
-- (migration 0009) go too: each ran a statement journal, an INSERT into
-- journal and its ledger_journal chaining for every place the load made,
-- some 16% of a 100,000-row import's CPU; bulk_journal writes the same
-- entries for those rows in one statement at the end.
SELECT name, sql FROM sqlite_master
WHERE type = 'trigger' AND name IN ('ledger_action_origin', 'ledger_action_update',
                                    'action_origin_record', 'action_update_apply',
                                    'action_update_first_due', 'journal_authority_created', 'journal_review_created',
                                    'journal_finding_created', 'journal_owner_created')
ORDER BY rowid;

-- name: bulk_marks
-- The last authority, review, finding, owner, action, update and journal
-- entry before a bulk load: the rows after them are the load's own
-- (bulk_journal, bulk_origins, bulk_updates, bulk_journal_entries).
SELECT (SELECT coalesce(max(id), 0) FROM authority), (SELECT coalesce(max(id), 0) FROM review),
       (SELECT coalesce(max(id), 0) FROM finding), (SELECT coalesce(max(id), 0) FROM owner),
       (SELECT coalesce(max(id), 0) FROM action), (SELECT coalesce(max(id), 0) FROM action_update),
       (SELECT coalesce(max(id), 0) FROM journal);

-- name: bulk_journal_triggers
-- What runs for each entry bulk_journal writes, dropped while it runs
-- (import_bulk.c): ledger_journal, whose entries the load chains itself
-- (bulk_journal_entries) as it does the action history, and the apply
-- triggers of the four kinds of place, which a "created" entry leaves as
-- they are (authority and owner: no field of theirs is 'created'; review
-- and finding: 'void' 0 on a place made by this load, never voided). Each
-- entry cost some 110,000 instructions with them: an UPDATE rewriting the
-- place and its indexes, a trigger program and a chained INSERT. The
-- action's apply trigger goes too: the load journals no action, but its
-- program was entered for every entry to test its WHEN (1.4% of a 10,000-row
-- load).
SELECT name, sql FROM sqlite_master
WHERE type = 'trigger' AND name IN ('ledger_journal', 'journal_apply_authority',
                                    'journal_apply_review', 'journal_apply_finding',
                                    'journal_apply_owner', 'journal_apply_action')
ORDER BY rowid;

-- name: bulk_journal_entries
-- The journal entries after :after, hashed by ledger_journal's field list.
SELECT j.id,
       sp_entry_hash('journal', j.id, j.object_kind, j.object_id, j.field, j.old_value,
           j.new_value, j.reason, j.author, j.recorded_at)
FROM journal j
WHERE j.id > :after
ORDER BY j.id;

-- name: bulk_journal
-- What the four journal_*_created triggers of migration 0009 write, for
-- the rows of :kind with ids in (:after, :upto], in one statement
-- (ledger_journal still chains each entry). Keep the values in step with
-- those triggers. import_bulk.c runs it in slices of ids: one statement
-- over 150,000 findings held 37 MiB (its apply triggers rewrite every row
-- it journals, and a statement's changes are kept until it ends).
-- recorded_at is the column's default, the statement's moment, taken once:
-- as a default, strftime ran again for every row (a third of each
-- entry's cost), to give the same value ('now' is fixed for a statement).
WITH moment(at) AS (SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
INSERT INTO journal (object_kind, object_id, field, old_value, new_value, reason, author,
                     recorded_at)
SELECT 'authority', id, 'created', NULL, code, 'created', 'safeplan', at FROM authority, moment
WHERE :kind = 'authority' AND id > :after AND id <= :upto
UNION ALL
SELECT 'review', id, 'void', NULL, 0, 'created', 'safeplan', at FROM review, moment
WHERE :kind = 'review' AND id > :after AND id <= :upto
UNION ALL
SELECT 'finding', id, 'void', NULL, 0, 'created', 'safeplan', at FROM finding, moment
WHERE :kind = 'finding' AND id > :after AND id <= :upto
UNION ALL
SELECT 'owner', id, 'created', NULL, name, 'created', 'safeplan', at FROM owner, moment
WHERE :kind = 'owner' AND id > :after AND id <= :upto;

-- name: bulk_origins
-- The origins of the actions the load made (ids after its mark: none of
-- them is chained yet), hashed by ledger_action_origin's field list.
SELECT o.action_id,
       sp_entry_hash('action_origin', o.action_id, o.finding_id, o.ref, o.description,
           o.owner_id, o.start_on, o.original_due_on, o.due_on, o.status, o.measure,
           o.created_at, o.last_update_on, o.transferred_to, o.rag_override,
           o.rag_override_reason)
FROM action_origin o
WHERE o.action_id > :after
ORDER BY o.action_id;

-- name: bulk_updates
-- The updates the load wrote, hashed as ledger_action_update hashes them.
SELECT id, action_id, entry_hash
FROM action_update_entry
WHERE id > :after
ORDER BY id;

-- name: bulk_head
-- The chain's head (NULL for an empty chain) and the moment of chaining,
-- in the triggers' format.
SELECT (SELECT chain_hash FROM ledger ORDER BY seq DESC LIMIT 1),
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now');

-- name: bulk_link
INSERT INTO ledger (entry_table, entry_id, entry_hash, chained_at, chain_hash)
VALUES (:entry_table, :entry_id, :entry_hash, :chained_at, :chain_hash);

-- name: bulk_checks_off
-- While a bulk load inserts (import_bulk.c), the schema's CHECK constraints
-- are not evaluated again: every value it writes has just passed the
-- importer's own checks, which are the same rules or stricter, and which
-- name the file, row and column where a CHECK could only say "constraint
-- failed":
--   dates (date(x) IS x): sp_check_date and the timescale reader give
--     calendar days, YYYY-MM-DD, years 0000-9999;
--   references (1-40 of A-Za-z0-9._-): sp_check_ref, authority codes
--     (lowercase alone), and the numbers the writer gives;
--   texts that must not be blank (length(trim(x)) > 0): sp_check_text,
--     which refuses tabs and line breaks alone too;
--   statuses, kinds and RAG overrides: sp_check_enum, from the same lists;
--   cadences: "N week(s)" or "N month(s)", N 1-99, from the timescale
--     reader alone;
--   voided: 0, the default.
-- The CHECKs evaluated date() five times and trim() three times for every
-- imported action, and the journal's field list for every place: 10% of
-- the instructions of a 10,000-row load.
-- The journal's entries for the places the load made (bulk_journal) are
-- written unchecked too: their values are the places' ids, codes and
-- names, and the statement's own literals. bulk_checks_on puts the CHECKs
-- back when the load ends, on success and on failure; test_import checks
-- every row a bulk load wrote against them.
PRAGMA ignore_check_constraints = ON;

-- name: bulk_checks_on
PRAGMA ignore_check_constraints = OFF;

-- name: cache_size
PRAGMA cache_size;

-- name: cache_for_import
-- 4 MiB of page cache while importing (the default is 2 MiB): a bulk load
-- spills less and sorts its index keys in memory up to this size, while
-- the peak stays near 20 MiB for a million rows (budget: 32 MiB). The
-- importer restores the old size after.
PRAGMA cache_size = -4096;

-- name: temp_store
PRAGMA temp_store;

-- name: temp_store_file
-- Only while a bulk load builds its indexes (import_bulk.c): their sort
-- holds index keys alone (ids, ISO dates), never plan text, and may spill
-- to a temporary file, where in memory it would take tens of MiB.
PRAGMA temp_store = FILE;

-- name: progress_set
-- The export's last_progress_on, kept for a new action (import_write.c).
UPDATE action SET progress_on = :progress_on WHERE id = :id;

-- name: update_mark
-- The last entry before the import (import_write.c, round_seen).
SELECT coalesce(max(id), 0) FROM action_update;

-- name: round_seen
-- Whether the action has an entry on this date with this note and
-- evidence, recorded before the import: progress from a dated column (and
-- a row's own update beside such columns) is then not added again, so the
-- same sheet imported twice adds nothing. Entries of this import are not
-- counted: two columns of one round that say the same are both kept.
SELECT EXISTS (SELECT 1 FROM action_update
               WHERE action_id = :action_id AND on_date = :on_date AND note IS :note
                 AND evidence IS :evidence AND id <= :mark);
