-- The tamper-evident history (src/lib/chain.c, migrations/0008_ledger.sql).
-- The entry hashes here take the same fields, in the same order, as the
-- chain triggers of the migration.

-- name: walk
-- Every chain entry in order, with its hash recomputed from the entry as
-- it stands now (NULL if the entry is gone) and its recorded time.
SELECT l.seq, l.entry_table, l.entry_id, l.entry_hash, l.chain_hash,
       CASE l.entry_table
       WHEN 'action_update' THEN
           (SELECT sp_entry_hash('action_update', u.id, u.action_id, u.on_date,
                u.recorded_at, u.author, u.note, u.evidence, u.no_evidence_reason, u.percent,
                u.old_status, u.new_status, u.old_due_on, u.new_due_on, u.old_owner_id,
                u.new_owner_id, u.transferred_to, u.rag_override, u.reason)
            FROM action_update u WHERE u.id = l.entry_id)
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
WITH last AS (
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
           (SELECT rag_override FROM action_update WHERE action_id = o.action_id
            AND rag_override IS NOT NULL ORDER BY id DESC LIMIT 1) AS last_override,
           o.rag_override AS origin_override,
           (SELECT max(on_date) FROM action_update WHERE action_id = o.action_id) AS last_on,
           o.last_update_on AS origin_last_on,
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
    SELECT action_id, status, due_on, owner_id, transferred_to,
           CASE WHEN last_override IS NULL THEN origin_override
                WHEN last_override = 'none' THEN NULL ELSE last_override END AS rag_override,
           CASE WHEN last_on IS NULL THEN origin_last_on
                WHEN origin_last_on IS NULL OR last_on > origin_last_on THEN last_on
                ELSE origin_last_on END AS last_update_on,
           description, start_on, measure, ref, finding_id, voided
    FROM last
)
SELECT a.id,
       a.status IS NOT w.status, a.status, w.status,
       a.due_on IS NOT w.due_on, a.due_on, w.due_on,
       a.owner_id IS NOT w.owner_id, a.owner_id, w.owner_id,
       a.transferred_to IS NOT w.transferred_to, a.transferred_to, w.transferred_to,
       a.rag_override IS NOT w.rag_override, a.rag_override, w.rag_override,
       a.last_update_on IS NOT w.last_update_on, a.last_update_on, w.last_update_on,
       a.description IS NOT w.description, a.description, w.description,
       a.start_on IS NOT w.start_on, a.start_on, w.start_on,
       a.measure IS NOT w.measure, a.measure, w.measure,
       a.ref IS NOT w.ref, a.ref, w.ref,
       a.finding_id IS NOT w.finding_id, a.finding_id, w.finding_id,
       a.voided IS NOT w.voided, a.voided, w.voided
FROM action a
JOIN want w ON w.action_id = a.id
WHERE a.status IS NOT w.status OR a.due_on IS NOT w.due_on OR a.owner_id IS NOT w.owner_id
   OR a.transferred_to IS NOT w.transferred_to OR a.rag_override IS NOT w.rag_override
   OR a.last_update_on IS NOT w.last_update_on
   OR a.description IS NOT w.description OR a.start_on IS NOT w.start_on
   OR a.measure IS NOT w.measure OR a.ref IS NOT w.ref OR a.finding_id IS NOT w.finding_id
   OR a.voided IS NOT w.voided
ORDER BY a.id;

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
