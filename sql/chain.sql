-- The tamper-evident history (src/lib/chain.c, migrations/0008_ledger.sql).
-- The entry hashes here take the same fields, in the same order, as the
-- chain triggers of the migration (an update's: the view
-- action_update_entry, migration 19).

-- name: walk
-- Every chain entry in order, with its hash recomputed from the entry as
-- it stands now (NULL if the entry is gone) and its recorded time.
SELECT l.seq, l.entry_table, l.entry_id, l.entry_hash, l.chain_hash,
       CASE l.entry_table
       WHEN 'action_update' THEN
           (SELECT entry_hash FROM action_update_entry WHERE id = l.entry_id)
       WHEN 'action_origin' THEN
           (SELECT sp_entry_hash('action_origin', o.action_id, o.finding_id, o.ref,
                o.description, o.owner_id, o.start_on, o.original_due_on, o.due_on, o.status,
                o.measure, o.created_at, o.last_update_on, o.transferred_to, o.rag_override,
                o.rag_override_reason)
            FROM action_origin o WHERE o.action_id = l.entry_id)
       WHEN 'ledger_note' THEN
           (SELECT sp_entry_hash('ledger_note', n.id, n.recorded_at, n.text)
            FROM ledger_note n WHERE n.id = l.entry_id)
       WHEN 'journal' THEN
           (SELECT sp_entry_hash('journal', j.id, j.object_kind, j.object_id, j.field,
                j.old_value, j.new_value, j.reason, j.author, j.recorded_at)
            FROM journal j WHERE j.id = l.entry_id)
       WHEN 'change_set' THEN
           (SELECT sp_entry_hash('change_set', c.id, c.recorded_at, c.author, c.command,
                c.first_seq, c.last_seq, c.undoes)
            FROM change_set c WHERE c.id = l.entry_id)
       WHEN 'action_embedded' THEN
           (SELECT sp_entry_hash('action_embedded', e.id, e.action_id, e.on_date,
                e.recorded_at, e.author, e.evidence)
            FROM action_embedded e WHERE e.id = l.entry_id)
       WHEN 'account_event' THEN
           (SELECT sp_entry_hash('account_event', v.id, v.account_id, v.name, v.event,
                v.detail, v.recorded_at)
            FROM account_event v WHERE v.id = l.entry_id)
       END AS now_hash,
       l.chained_at,
       CASE l.entry_table
       WHEN 'action_update' THEN (SELECT recorded_at FROM action_update WHERE id = l.entry_id)
       WHEN 'action_origin' THEN (SELECT created_at FROM action_origin WHERE action_id = l.entry_id)
       WHEN 'ledger_note' THEN (SELECT recorded_at FROM ledger_note WHERE id = l.entry_id)
       WHEN 'journal' THEN (SELECT recorded_at FROM journal WHERE id = l.entry_id)
       WHEN 'change_set' THEN (SELECT recorded_at FROM change_set WHERE id = l.entry_id)
       WHEN 'action_embedded' THEN
           (SELECT recorded_at FROM action_embedded WHERE id = l.entry_id)
       WHEN 'account_event' THEN (SELECT recorded_at FROM account_event WHERE id = l.entry_id)
       END AS recorded_at
FROM ledger l
ORDER BY l.seq;

-- name: unchained
-- History entries the chain does not hold: added outside safeplan.
SELECT 'update ' || u.id || ' of action ' || u.action_id || ' (dated ' || u.on_date
       || ', recorded ' || u.recorded_at || ')'
FROM action_update u
WHERE NOT EXISTS (SELECT 1 FROM ledger l
                  WHERE l.entry_table = 'action_update' AND l.entry_id = u.id)
UNION ALL
SELECT 'the origin of action ' || o.action_id
FROM action_origin o
WHERE NOT EXISTS (SELECT 1 FROM ledger l
                  WHERE l.entry_table = 'action_origin' AND l.entry_id = o.action_id)
UNION ALL
SELECT 'action ' || a.id || ' (no record of its creation)'
FROM action a
WHERE NOT EXISTS (SELECT 1 FROM action_origin o WHERE o.action_id = a.id)
UNION ALL
SELECT 'note ' || n.id
FROM ledger_note n
WHERE NOT EXISTS (SELECT 1 FROM ledger l
                  WHERE l.entry_table = 'ledger_note' AND l.entry_id = n.id)
UNION ALL
SELECT 'correction ' || j.id || ' of ' || j.object_kind || ' ' || j.object_id
FROM journal j
WHERE NOT EXISTS (SELECT 1 FROM ledger l
                  WHERE l.entry_table = 'journal' AND l.entry_id = j.id)
UNION ALL
SELECT 'change ' || c.id
FROM change_set c
WHERE NOT EXISTS (SELECT 1 FROM ledger l
                  WHERE l.entry_table = 'change_set' AND l.entry_id = c.id)
UNION ALL
SELECT 'the record that action ' || e.action_id || ' is embedded (' || e.id || ')'
FROM action_embedded e
WHERE NOT EXISTS (SELECT 1 FROM ledger l
                  WHERE l.entry_table = 'action_embedded' AND l.entry_id = e.id)
UNION ALL
SELECT 'account event ' || v.id || ' (' || v.name || ' ' || v.event || ')'
FROM account_event v
WHERE NOT EXISTS (SELECT 1 FROM ledger l
                  WHERE l.entry_table = 'account_event' AND l.entry_id = v.id);

-- name: state
-- Each action whose stored state differs from its origin replayed through
-- its updates (as the trigger action_update_apply applies them), with the
-- fields that differ: stored value, then the value its history gives.
-- The progress date (migration 0011) is the latest date of an update that
-- reports progress. An import may instead set it from the file's "last
-- progress" column (import_write.c keep_progress, a bulk load's action
-- row), which no history entry holds: for an action created by an import
-- (or before change sets were kept, or by a library call) only what the
-- history does fix is checked: no later progress update is after it.
-- The ranges of the ledger those change sets wrote are few (one per import)
-- and held; whether an action's origin lies in one is asked of the ledger
-- per action (its index on entry_table, entry_id). A set of the imported
-- actions' ids held instead grew with the plan: 38 MiB at a million.
WITH given (first_seq, last_seq) AS MATERIALIZED (
    SELECT first_seq, last_seq FROM change_set
    WHERE command GLOB 'safeplan*import*' OR command GLOB 'web: * /import*'
       OR command = '(library call)'
    UNION ALL
    SELECT 0, coalesce((SELECT min(first_seq) FROM change_set), 1 << 62) - 1
),
last AS (
    SELECT o.action_id,
           coalesce((SELECT new_status FROM action_update WHERE action_id = o.action_id
                     AND new_status IS NOT NULL ORDER BY id DESC LIMIT 1), o.status) AS status,
           coalesce((SELECT new_due_on FROM action_update WHERE action_id = o.action_id
                     AND new_due_on IS NOT NULL ORDER BY id DESC LIMIT 1), o.due_on) AS due_on,
           coalesce((SELECT new_owner_id FROM action_update WHERE action_id = o.action_id
                     AND new_owner_id IS NOT NULL ORDER BY id DESC LIMIT 1), o.owner_id)
               AS owner_id,
           coalesce((SELECT transferred_to FROM action_update WHERE action_id = o.action_id
                     AND transferred_to IS NOT NULL ORDER BY id DESC LIMIT 1),
                    o.transferred_to) AS transferred_to,
           -- The update that last set or cleared the override: its reason goes with it.
           (SELECT id FROM action_update WHERE action_id = o.action_id
            AND rag_override IS NOT NULL ORDER BY id DESC LIMIT 1) AS override_update,
           o.rag_override AS origin_override, o.rag_override_reason AS origin_override_reason,
           (SELECT max(on_date) FROM action_update WHERE action_id = o.action_id) AS last_on,
           o.last_update_on AS origin_last_on,
           EXISTS (SELECT 1 FROM ledger l JOIN given g
                   ON l.seq BETWEEN g.first_seq AND g.last_seq
                   WHERE l.entry_table = 'action_origin' AND l.entry_id = o.action_id)
               AS clock_given,
           -- action_update_apply's test of an update that reports progress;
           -- with a given clock, only updates after the creating import's
           -- (want picks one: only the subquery it picks is run).
           (SELECT max(u.on_date) FROM action_update u WHERE u.action_id = o.action_id
            AND u.new_owner_id IS NULL AND coalesce(u.new_status, '') <> 'transferred'
            AND (u.note IS NOT NULL OR u.evidence IS NOT NULL OR u.percent IS NOT NULL
                 OR u.new_status IS NOT NULL
                 OR (u.rag_override IS NULL AND u.new_due_on IS NULL)))
               AS progress_all,
           (SELECT max(u.on_date) FROM action_update u WHERE u.action_id = o.action_id
            AND u.new_owner_id IS NULL AND coalesce(u.new_status, '') <> 'transferred'
            AND (u.note IS NOT NULL OR u.evidence IS NOT NULL OR u.percent IS NOT NULL
                 OR u.new_status IS NOT NULL
                 OR (u.rag_override IS NULL AND u.new_due_on IS NULL))
            AND u.recorded_at <> o.created_at)
               AS progress_later,
           -- Corrections (journal, migration 0009): the latest entry per field.
           coalesce((SELECT new_value FROM journal WHERE object_kind = 'action'
                     AND object_id = o.action_id AND field = 'title' ORDER BY id DESC LIMIT 1),
                    o.description) AS description,
           CASE WHEN EXISTS (SELECT 1 FROM journal WHERE object_kind = 'action'
                             AND object_id = o.action_id AND field = 'start')
                THEN (SELECT new_value FROM journal WHERE object_kind = 'action'
                      AND object_id = o.action_id AND field = 'start' ORDER BY id DESC LIMIT 1)
                ELSE o.start_on END AS start_on,
           CASE WHEN EXISTS (SELECT 1 FROM journal WHERE object_kind = 'action'
                             AND object_id = o.action_id AND field = 'measure')
                THEN (SELECT new_value FROM journal WHERE object_kind = 'action'
                      AND object_id = o.action_id AND field = 'measure' ORDER BY id DESC LIMIT 1)
                ELSE o.measure END AS measure,
           coalesce((SELECT new_value FROM journal WHERE object_kind = 'action'
                     AND object_id = o.action_id AND field = 'ref' ORDER BY id DESC LIMIT 1),
                    o.ref) AS ref,
           coalesce((SELECT new_value FROM journal WHERE object_kind = 'action'
                     AND object_id = o.action_id AND field = 'finding' ORDER BY id DESC LIMIT 1),
                    o.finding_id) AS finding_id,
           coalesce((SELECT new_value FROM journal WHERE object_kind = 'action'
                     AND object_id = o.action_id AND field = 'void' ORDER BY id DESC LIMIT 1),
                    0) AS voided
    FROM action_origin o
),
want AS (
    SELECT last.action_id, last.status, last.due_on, last.owner_id, last.transferred_to,
           CASE WHEN ou.rag_override IS NULL THEN origin_override
                WHEN ou.rag_override = 'none' THEN NULL ELSE ou.rag_override END AS rag_override,
           CASE WHEN ou.rag_override IS NULL THEN origin_override_reason
                WHEN ou.rag_override = 'none' THEN NULL ELSE ou.reason END
               AS rag_override_reason,
           clock_given,
           CASE WHEN clock_given THEN progress_later ELSE progress_all END AS progress_on,
           CASE WHEN last_on IS NULL THEN origin_last_on
                WHEN origin_last_on IS NULL OR last_on > origin_last_on THEN last_on
                ELSE origin_last_on END AS last_update_on,
           description, start_on, measure, ref, finding_id, voided
    FROM last LEFT JOIN action_update ou ON ou.id = last.override_update
),
-- A given clock is what the history says unless a later update passed it.
checked AS (
    SELECT a.*, w.status AS w_status, w.due_on AS w_due_on, w.owner_id AS w_owner_id,
           w.transferred_to AS w_transferred_to, w.rag_override AS w_rag_override,
           w.last_update_on AS w_last_update_on, w.description AS w_description,
           w.start_on AS w_start_on, w.measure AS w_measure, w.ref AS w_ref,
           w.finding_id AS w_finding_id, w.voided AS w_voided,
           w.rag_override_reason AS w_rag_override_reason,
           CASE WHEN NOT w.clock_given OR a.progress_on < w.progress_on
                     OR (a.progress_on IS NULL AND w.progress_on IS NOT NULL)
                THEN w.progress_on ELSE a.progress_on END AS w_progress_on
    FROM action a
    JOIN want w ON w.action_id = a.id
)
SELECT id,
       status IS NOT w_status, status, w_status,
       due_on IS NOT w_due_on, due_on, w_due_on,
       owner_id IS NOT w_owner_id, owner_id, w_owner_id,
       transferred_to IS NOT w_transferred_to, transferred_to, w_transferred_to,
       rag_override IS NOT w_rag_override, rag_override, w_rag_override,
       last_update_on IS NOT w_last_update_on, last_update_on, w_last_update_on,
       description IS NOT w_description, description, w_description,
       start_on IS NOT w_start_on, start_on, w_start_on,
       measure IS NOT w_measure, measure, w_measure,
       ref IS NOT w_ref, ref, w_ref,
       finding_id IS NOT w_finding_id, finding_id, w_finding_id,
       voided IS NOT w_voided, voided, w_voided,
       rag_override_reason IS NOT w_rag_override_reason, rag_override_reason,
       w_rag_override_reason,
       progress_on IS NOT w_progress_on, progress_on, w_progress_on
FROM checked
WHERE status IS NOT w_status OR due_on IS NOT w_due_on OR owner_id IS NOT w_owner_id
   OR transferred_to IS NOT w_transferred_to OR rag_override IS NOT w_rag_override
   OR last_update_on IS NOT w_last_update_on
   OR description IS NOT w_description OR start_on IS NOT w_start_on
   OR measure IS NOT w_measure OR ref IS NOT w_ref OR finding_id IS NOT w_finding_id
   OR voided IS NOT w_voided OR rag_override_reason IS NOT w_rag_override_reason
   OR progress_on IS NOT w_progress_on
ORDER BY id;

-- name: places
-- Each field of an authority, review, finding or owner whose stored value
-- is not the latest its corrections give (journal, migration 0009; the
-- journal_apply_* triggers copy each onto its object). A creation entry
-- gives an authority's code and an owner's name; any other field is fixed
-- by the history only once a correction has recorded it. The latest entry
-- per field is found in one grouped pass over the journal, and each object
-- looked up by primary key. Text is compared byte for byte (an owner's
-- name is NOCASE, which would pass a change of case).
WITH latest AS (
    SELECT object_kind AS kind, object_id AS id,
           CASE WHEN field <> 'created' THEN field
                WHEN object_kind = 'authority' THEN 'code' ELSE 'name' END AS field,
           max(id) AS entry
    FROM journal
    WHERE object_kind <> 'action'
    GROUP BY object_kind, object_id, 3
),
now AS (
    SELECT l.kind, l.id, l.field, j.new_value AS want,
           CASE l.kind
           WHEN 'finding' THEN (SELECT CASE l.field WHEN 'ref' THEN ref WHEN 'kind' THEN kind
                                    WHEN 'theme' THEN theme WHEN 'text' THEN text
                                    WHEN 'void' THEN voided END
                                FROM finding WHERE id = l.id)
           WHEN 'review' THEN (SELECT CASE l.field WHEN 'ref' THEN ref WHEN 'kind' THEN kind
                                   WHEN 'title' THEN title WHEN 'started' THEN started_on
                                   WHEN 'ended' THEN ended_on WHEN 'reported' THEN reported_on
                                   WHEN 'judgement' THEN judgement WHEN 'void' THEN voided END
                               FROM review WHERE id = l.id)
           WHEN 'authority' THEN (SELECT CASE l.field WHEN 'code' THEN code
                                      WHEN 'name' THEN name WHEN 'kind' THEN kind END
                                  FROM authority WHERE id = l.id)
           WHEN 'owner' THEN (SELECT CASE l.field WHEN 'name' THEN name WHEN 'team' THEN team
                                  WHEN 'email' THEN email END
                              FROM owner WHERE id = l.id)
           END AS stored
    FROM latest l
    JOIN journal j ON j.id = l.entry
)
SELECT kind, id, field, stored, want
FROM now
WHERE stored IS NOT want COLLATE BINARY
ORDER BY kind, id, field;

-- name: settings
-- Each setting whose value is not what its history gives: the latest
-- chained note of a change ("setting KEY: OLD -> NEW", progress_config.c),
-- else the value every plan starts with (bound from rag.h). A plan that
-- already existed when its history began to be kept (the upgrade's note,
-- sp_ledger_backfill) may have changed a setting before: that setting is
-- not checked until a change is noted.
WITH start (key, value) AS (VALUES
    ('rag.amber_days', :amber_default), ('rag.stale_days', :stale_default),
    ('rag.grace_days', :grace_default), ('closure.embedded', 0)),
note AS (
    SELECT n.id, substr(n.text, 9, instr(n.text, ': ') - 9) AS key,
           substr(n.text, instr(n.text, ' -> ') + 4) AS value
    FROM ledger_note n
    WHERE n.text GLOB 'setting *: * -> *'
),
latest AS (
    SELECT key, max(id) AS id FROM note GROUP BY key
),
upgraded (yes) AS (
    SELECT EXISTS (SELECT 1 FROM ledger_note WHERE text GLOB 'upgrade: *')
),
want AS (
    SELECT s.key, s.value AS stored,
           coalesce(CAST(n.value AS INTEGER), st.value) AS want,
           n.id IS NOT NULL OR NOT u.yes AS known
    FROM setting s
    CROSS JOIN upgraded u
    LEFT JOIN latest l ON l.key = s.key
    LEFT JOIN note n ON n.id = l.id
    LEFT JOIN start st ON st.key = s.key
)
SELECT key, stored, want
FROM want
WHERE known AND stored IS NOT want
ORDER BY key;

-- name: backdated
-- Entries chained after a checkpoint that claim to have been recorded
-- before it was taken.
SELECT l.seq, l.entry_table, l.entry_id, u.recorded_at
FROM ledger l
JOIN action_update u ON l.entry_table = 'action_update' AND u.id = l.entry_id
WHERE l.seq > :seq AND u.recorded_at < :taken
ORDER BY l.seq;

-- name: head
-- The chain's size and head: the last entry's seq, which is the number of
-- entries in a chain that verifies (seq runs 1, 2, ... with no gap, and
-- verify counts so), and its chain_hash. The last seq is one step down
-- the rowid's b-tree; count(*) read the whole ledger, 70 ms of every
-- report and pack at a million actions (4 million entries).
SELECT coalesce(max(seq), 0), (SELECT chain_hash FROM ledger ORDER BY seq DESC LIMIT 1)
FROM ledger;

-- name: hash_at
SELECT chain_hash FROM ledger WHERE seq = :seq;

-- name: backfill_origins
-- The state each existing action was created in, worked back from its
-- history: a field an update changed started as that update's old value
-- (or, where updates keep no old value, as nothing); any other field is as
-- it stands.
INSERT INTO action_origin
SELECT a.id, a.finding_id, a.ref, a.description,
       coalesce((SELECT old_owner_id FROM action_update WHERE action_id = a.id
                 AND new_owner_id IS NOT NULL ORDER BY id LIMIT 1), a.owner_id),
       a.start_on, a.original_due_on,
       coalesce((SELECT old_due_on FROM action_update WHERE action_id = a.id
                 AND new_due_on IS NOT NULL ORDER BY id LIMIT 1), a.due_on),
       coalesce((SELECT old_status FROM action_update WHERE action_id = a.id
                 AND new_status IS NOT NULL ORDER BY id LIMIT 1), a.status),
       a.measure, a.created_at,
       CASE WHEN EXISTS (SELECT 1 FROM action_update WHERE action_id = a.id)
            THEN NULL ELSE a.last_update_on END,
       CASE WHEN EXISTS (SELECT 1 FROM action_update WHERE action_id = a.id
                         AND transferred_to IS NOT NULL) THEN NULL ELSE a.transferred_to END,
       CASE WHEN EXISTS (SELECT 1 FROM action_update WHERE action_id = a.id
                         AND rag_override IS NOT NULL) THEN NULL ELSE a.rag_override END,
       CASE WHEN EXISTS (SELECT 1 FROM action_update WHERE action_id = a.id
                         AND rag_override IS NOT NULL) THEN NULL ELSE a.rag_override_reason END
FROM action a
ORDER BY a.id;

-- name: backfill_updates
-- Run by version 8's step, before version 19 gave an update words of its
-- own (action_update_entry): so the fields of version 8's trigger.
SELECT u.id, sp_entry_hash('action_update', u.id, u.action_id, u.on_date, u.recorded_at,
           u.author, u.note, u.evidence, u.no_evidence_reason, u.percent, u.old_status,
           u.new_status, u.old_due_on, u.new_due_on, u.old_owner_id, u.new_owner_id,
           u.transferred_to, u.rag_override, u.reason)
FROM action_update u
ORDER BY u.id;

-- name: append
INSERT INTO ledger (entry_table, entry_id, entry_hash, chained_at, chain_hash)
SELECT :table, :id, :entry_hash, t,
       sp_chain_hash((SELECT chain_hash FROM ledger ORDER BY seq DESC LIMIT 1), :entry_hash, t)
FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS t);

-- name: note
INSERT INTO ledger_note (text) VALUES (:text);
