-- Progress: dated, append-only updates (table action_update), bulk
-- reassignments and transfers, and settings. An update is only ever
-- INSERTed: the AFTER INSERT trigger in migrations/0002_progress.sql
-- applies the change it carries to the action, so the action's current
-- state can never disagree with its history.

-- name: state
-- What an update is checked against. Read inside the update's write
-- transaction, so it cannot change before the insert.
SELECT x.status, x.start_on, x.due_on, x.original_due_on, x.rag_override,
       ref_path(a.code, r.ref, f.ref, x.ref) AS path, x.cadence
FROM action x JOIN finding f ON f.id = x.finding_id JOIN review r ON r.id = f.review_id
JOIN authority a ON a.id = r.authority_id
WHERE x.id = :id;

-- name: insert
INSERT INTO action_update (action_id, on_date, author, note, evidence, no_evidence_reason,
                           percent, old_status, new_status, old_due_on, new_due_on,
                           transferred_to, rag_override, reason, new_due_as_written)
VALUES (:action_id, :on, :author, :note, :evidence, :no_evidence_reason,
        :percent, :old_status, :new_status, :old_due_on, :new_due_on,
        :transferred_to, :rag_override, :reason, :new_due_as_written);

-- name: history
-- Oldest first, in the order the entries were recorded: each entry's "old"
-- values are the previous entry's "new" ones. old_rag_override is the
-- override in force before an entry that set or cleared one.
SELECT u.id, u.on_date, u.recorded_at, u.author, u.old_status, u.new_status,
       u.old_due_on, u.new_due_on, po.name AS old_owner, pn.name AS new_owner,
       u.transferred_to,
       CASE WHEN u.rag_override IS NOT NULL THEN
            coalesce((SELECT p.rag_override FROM action_update p
                      WHERE p.action_id = u.action_id AND p.id < u.id
                        AND p.rag_override IS NOT NULL
                      ORDER BY p.id DESC LIMIT 1), 'none')
       END AS old_rag_override,
       u.rag_override AS new_rag_override, u.percent, u.note, u.evidence,
       u.no_evidence_reason, u.reason, u.new_due_as_written
FROM action_update u
LEFT JOIN owner po ON po.id = u.old_owner_id
LEFT JOIN owner pn ON pn.id = u.new_owner_id
WHERE u.action_id = :action_id
ORDER BY u.id;

-- name: reassign
-- One history entry per open action of the owner. SQLite runs an INSERT
-- ... SELECT whose target has row triggers through a temporary table, so
-- the trigger's changes to action (owner_id) cannot disturb this scan.
INSERT INTO action_update (action_id, on_date, author, note, old_owner_id, new_owner_id,
                           reason)
SELECT x.id, :on, :author, 'reassigned from ' || fo.name || ' to ' || t.name,
       x.owner_id, t.id, :reason
FROM action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN owner fo ON fo.id = x.owner_id
JOIN owner t ON t.id = :to_id
WHERE x.owner_id = :from_id AND x.status IN ('not_started', 'in_progress')
  AND (:authority_id IS NULL OR r.authority_id = :authority_id)
  AND (:review_id IS NULL OR f.review_id = :review_id)
  AND (:finding_id IS NULL OR x.finding_id = :finding_id)
ORDER BY x.id;

-- name: transfer
-- Year-end closure: every open action in scope is transferred (a final
-- state, rated grey) and keeps where it went.
INSERT INTO action_update (action_id, on_date, author, note, old_status, new_status,
                           transferred_to, reason)
SELECT x.id, :on, :author, 'transferred to ' || :to, x.status, 'transferred', :to, :reason
FROM action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
-- include: transfer_scope
ORDER BY x.id;

-- name: transfer_after
-- The open action in scope of a transfer dated :on whose latest status
-- change (as last_change below reads it) is dated after :on, the latest
-- first. A transfer is a status change: dated before the one it follows,
-- the history would read out of order, as a single update's --on may not
-- (sp_status_date_check). One row is enough to refuse the transfer.
SELECT u.on_date, u.old_status, u.new_status, ref_path(a.code, r.ref, f.ref, x.ref) AS path
FROM action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN authority a ON a.id = r.authority_id
JOIN action_update u ON u.action_id = x.id
-- include: transfer_scope
  AND u.new_status IS NOT NULL AND u.on_date > :on
-- include: not_undo
ORDER BY u.on_date DESC, x.id
LIMIT 1;

-- name: transfer_scope
-- Fragment: the open actions x (of finding f, review r) a transfer moves.
WHERE x.status IN ('not_started', 'in_progress')
  AND (:authority_id IS NULL OR r.authority_id = :authority_id)
  AND (:review_id IS NULL OR f.review_id = :review_id)
  AND (:finding_id IS NULL OR x.finding_id = :finding_id)
  AND (:owner_id IS NULL OR x.owner_id = :owner_id)

-- name: config_list
-- Every setting with its default and meaning. The keys themselves are
-- defined by the CHECK on table setting (migrations/0002_progress.sql); the
-- defaults are bound from rag.h, which the RAG rules use.
WITH about (key, days_default, meaning) AS (VALUES
    ('rag.amber_days', :amber_default,
     'an open action due within this many days is amber (0: only on the day)'),
    ('rag.stale_days', :stale_default,
     'an open action with no progress reported for this many days is amber (0: rule off)'),
    ('rag.grace_days', :grace_default,
     'a recurring action is red this many days after its report was due'),
    ('closure.embedded', 0,
     '1 (on): a signed-off action can be recorded embedded (safeplan action embed)'))
SELECT s.key, s.value AS days, a.days_default, a.meaning
FROM setting s LEFT JOIN about a ON a.key = s.key
ORDER BY s.key LIKE 'closure.%', s.key; -- the RAG windows first, as before closure (#14)

-- name: config_get
SELECT value FROM setting WHERE key = :key;

-- name: config_keys
SELECT group_concat(key, ', ') FROM (SELECT key FROM setting
                                     ORDER BY key LIKE 'closure.%', key);

-- name: claim
-- The claim that an action is complete: the latest update that moved it
-- to complete, with whether :verifier is the same person. Names compare by
-- name_key() (names.c): white space of any kind at the ends or doubled
-- inside, invisible characters and case do not make a second person, and
-- an author stored with them before the rule was tightened is still caught.
-- An entry written by an undo (its change set undoes another) is no
-- claim: undoing a sign-off puts the action back to complete under the
-- name of whoever ran the undo, and the claimant would then pass.
SELECT u.author, u.on_date, name_key(u.author) = name_key(:verifier) AS same
FROM action_update u
WHERE u.action_id = :id AND u.new_status = 'complete'
-- include: not_undo
ORDER BY u.id DESC
LIMIT 1;

-- name: last_change
-- The action's latest status change by date (the later recorded of two on
-- one day): a new status change may not be dated before it, or the
-- history would read out of order and reports as of past dates would
-- change (progress.c, sp_status_date_check).
-- An undo's entry is dated the day it ran, not the day of what it puts
-- right: it does not count, or what was undone could not be recorded
-- again under its real date.
SELECT u.on_date, u.old_status, u.new_status
FROM action_update u
WHERE u.action_id = :id AND u.new_status IS NOT NULL
-- include: not_undo
ORDER BY u.on_date DESC, u.id DESC
LIMIT 1;

-- name: not_undo
-- Fragment: update u was not written by an undo (journal.sql, undo_update;
-- the change set that chained it undoes another).
  AND NOT EXISTS (SELECT 1 FROM ledger l JOIN change_set c
                  ON l.seq BETWEEN c.first_seq AND c.last_seq
                  WHERE l.entry_table = 'action_update' AND l.entry_id = u.id
                    AND c.undoes IS NOT NULL)
