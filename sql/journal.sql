-- Corrections, voids, change sets and undo (src/lib/journal.c,
-- migrations/0009_journal.sql). A correction is only ever INSERTed into
-- journal; the journal_apply_* triggers copy it onto its object.

-- name: current
-- The value of one editable field of one object, as it stands.
SELECT v FROM (
    SELECT 'title' AS f, description AS v FROM action WHERE :kind = 'action' AND id = :id
    UNION ALL SELECT 'start', start_on FROM action WHERE :kind = 'action' AND id = :id
    UNION ALL SELECT 'measure', measure FROM action WHERE :kind = 'action' AND id = :id
    UNION ALL SELECT 'ref', ref FROM action WHERE :kind = 'action' AND id = :id
    UNION ALL SELECT 'finding', finding_id FROM action WHERE :kind = 'action' AND id = :id
    UNION ALL SELECT 'owner', owner_id FROM action WHERE :kind = 'action' AND id = :id
    UNION ALL SELECT 'void', voided FROM action WHERE :kind = 'action' AND id = :id
    UNION ALL SELECT 'due', due_on FROM action WHERE :kind = 'action' AND id = :id
    UNION ALL SELECT 'ref', ref FROM finding WHERE :kind = 'finding' AND id = :id
    UNION ALL SELECT 'kind', kind FROM finding WHERE :kind = 'finding' AND id = :id
    UNION ALL SELECT 'theme', theme FROM finding WHERE :kind = 'finding' AND id = :id
    UNION ALL SELECT 'text', text FROM finding WHERE :kind = 'finding' AND id = :id
    UNION ALL SELECT 'void', voided FROM finding WHERE :kind = 'finding' AND id = :id
    UNION ALL SELECT 'ref', ref FROM review WHERE :kind = 'review' AND id = :id
    UNION ALL SELECT 'kind', kind FROM review WHERE :kind = 'review' AND id = :id
    UNION ALL SELECT 'title', title FROM review WHERE :kind = 'review' AND id = :id
    UNION ALL SELECT 'started', started_on FROM review WHERE :kind = 'review' AND id = :id
    UNION ALL SELECT 'ended', ended_on FROM review WHERE :kind = 'review' AND id = :id
    UNION ALL SELECT 'reported', reported_on FROM review WHERE :kind = 'review' AND id = :id
    UNION ALL SELECT 'judgement', judgement FROM review WHERE :kind = 'review' AND id = :id
    UNION ALL SELECT 'void', voided FROM review WHERE :kind = 'review' AND id = :id
    UNION ALL SELECT 'code', code FROM authority WHERE :kind = 'authority' AND id = :id
    UNION ALL SELECT 'name', name FROM authority WHERE :kind = 'authority' AND id = :id
    UNION ALL SELECT 'kind', kind FROM authority WHERE :kind = 'authority' AND id = :id
    UNION ALL SELECT 'name', name FROM owner WHERE :kind = 'owner' AND id = :id
    UNION ALL SELECT 'team', team FROM owner WHERE :kind = 'owner' AND id = :id
    UNION ALL SELECT 'email', email FROM owner WHERE :kind = 'owner' AND id = :id
) WHERE f = :field;

-- name: insert
INSERT INTO journal (object_kind, object_id, field, old_value, new_value, reason, author)
VALUES (:kind, :id, :field, :old, :new, :reason, :author);

-- name: reassign_one
-- Moving one action to another owner is a progress entry, as a bulk
-- reassign is, so an owner has one history.
INSERT INTO action_update (action_id, on_date, author, old_owner_id, new_owner_id, reason)
VALUES (:id, :on, :author, :old, :new, :reason);

-- name: live_actions
-- The live (not void) actions of a finding or review, by path.
SELECT ref_path(a.code, r.ref, f.ref, x.ref)
FROM action x JOIN finding f ON f.id = x.finding_id JOIN review r ON r.id = f.review_id
JOIN authority a ON a.id = r.authority_id
WHERE x.voided = 0 AND ((:kind = 'finding' AND f.id = :id) OR (:kind = 'review' AND r.id = :id))
ORDER BY x.id LIMIT 5;

-- name: head
SELECT coalesce(max(seq), 0) FROM ledger;

-- name: change_add
INSERT INTO change_set (author, command, first_seq, last_seq, undoes)
VALUES (:author, :command, :first, :last, :undoes);

-- name: log
-- Newest first. touched: what the change's ledger entries name.
SELECT c.id AS change, c.recorded_at, c.author, c.command,
       (SELECT count(*) FROM ledger l WHERE l.seq BETWEEN c.first_seq AND c.last_seq)
           AS entries,
       c.undoes
FROM change_set c
WHERE (:since IS NULL OR c.recorded_at >= :since)
  AND (:by IS NULL OR c.author = :by COLLATE NOCASE)
ORDER BY c.id DESC;

-- name: latest
SELECT id FROM change_set
WHERE undoes IS NULL AND id NOT IN (SELECT undoes FROM change_set WHERE undoes IS NOT NULL)
ORDER BY id DESC LIMIT 1;

-- name: change_get
SELECT id, first_seq, last_seq, undoes,
       (SELECT u.id FROM change_set u WHERE u.undoes = change_set.id) AS undone_by
FROM change_set WHERE id = :id;

-- name: touched
-- The objects a run of ledger entries touched, as kind and id.
WITH t AS (
    SELECT l.seq, 'action' AS kind, l.entry_id AS id FROM ledger l
    WHERE l.entry_table = 'action_origin' AND l.seq BETWEEN :first AND :last
    UNION ALL
    SELECT l.seq, 'action', u.action_id FROM ledger l JOIN action_update u ON u.id = l.entry_id
    WHERE l.entry_table = 'action_update' AND l.seq BETWEEN :first AND :last
    UNION ALL
    SELECT l.seq, j.object_kind, j.object_id FROM ledger l JOIN journal j ON j.id = l.entry_id
    WHERE l.entry_table = 'journal' AND l.seq BETWEEN :first AND :last
)
SELECT DISTINCT kind, id FROM t;

-- name: conflict
-- The first change set after :after (other than its own undo) that touched
-- the object.
SELECT c.id FROM change_set c JOIN ledger l ON l.seq BETWEEN c.first_seq AND c.last_seq
WHERE c.id > :after AND (
    (:kind = 'action' AND l.entry_table = 'action_origin' AND l.entry_id = :id)
 OR (:kind = 'action' AND l.entry_table = 'action_update'
     AND l.entry_id IN (SELECT u.id FROM action_update u WHERE u.action_id = :id))
 OR (l.entry_table = 'journal' AND l.entry_id IN
     (SELECT j.id FROM journal j WHERE j.object_kind = :kind AND j.object_id = :id))
    -- an action added later to a finding or review the change created
 OR (:kind = 'finding' AND l.entry_table = 'action_origin'
     AND l.entry_id IN (SELECT x.id FROM action x WHERE x.finding_id = :id))
 OR (:kind = 'review' AND l.entry_table = 'action_origin'
     AND l.entry_id IN (SELECT x.id FROM action x JOIN finding f ON f.id = x.finding_id
                        WHERE f.review_id = :id)))
ORDER BY c.id LIMIT 1;

-- name: undo_entries
-- The entries of a change set, newest first, with what reverses each:
-- kind 'created' (an action to void), 'update' (progress to put back),
-- 'journal' (a field to set back).
SELECT 'created', l.entry_id, NULL, NULL, NULL, NULL, NULL, NULL, l.seq
FROM ledger l WHERE l.entry_table = 'action_origin' AND l.seq BETWEEN :first AND :last
UNION ALL
SELECT 'update', u.action_id, u.old_status, u.new_status, u.old_due_on, u.new_due_on,
       u.old_owner_id, u.new_owner_id, l.seq
FROM ledger l JOIN action_update u ON u.id = l.entry_id
WHERE l.entry_table = 'action_update' AND l.seq BETWEEN :first AND :last
  AND NOT EXISTS (SELECT 1 FROM ledger o WHERE o.entry_table = 'action_origin'
                  AND o.entry_id = u.action_id AND o.seq BETWEEN :first AND :last)
UNION ALL
SELECT 'journal', j.object_id, j.object_kind, j.field, j.old_value, j.new_value, NULL, NULL, l.seq
FROM ledger l JOIN journal j ON j.id = l.entry_id
WHERE l.entry_table = 'journal' AND l.seq BETWEEN :first AND :last
  AND j.field <> 'created' -- an authority or owner stays (it is in no report)
  AND NOT EXISTS (SELECT 1 FROM ledger o WHERE o.entry_table = 'action_origin'
                  AND j.object_kind = 'action'
                  AND o.entry_id = j.object_id AND o.seq BETWEEN :first AND :last)
ORDER BY 9 DESC;

-- name: created_in
-- The first authority or owner a change set added (undo_entries leaves
-- them out): what undo names when that is all the change did.
SELECT j.object_kind, j.object_id
FROM ledger l JOIN journal j ON j.id = l.entry_id
WHERE l.entry_table = 'journal' AND l.seq BETWEEN :first AND :last AND j.field = 'created'
ORDER BY l.seq LIMIT 1;

-- name: undo_update
-- Puts back what one progress entry changed (status, due date, owner).
INSERT INTO action_update (action_id, on_date, author, old_status, new_status, old_due_on,
                           new_due_on, old_owner_id, new_owner_id, reason)
SELECT x.id, :on, :author,
       CASE WHEN :old_status IS NOT NULL AND :new_status IS NOT NULL THEN x.status END,
       CASE WHEN :old_status IS NOT NULL AND :new_status IS NOT NULL THEN :old_status END,
       CASE WHEN :old_due IS NOT NULL AND :new_due IS NOT NULL THEN x.due_on END,
       CASE WHEN :old_due IS NOT NULL AND :new_due IS NOT NULL THEN :old_due END,
       CASE WHEN :old_owner IS NOT NULL AND :new_owner IS NOT NULL THEN x.owner_id END,
       CASE WHEN :old_owner IS NOT NULL AND :new_owner IS NOT NULL THEN :old_owner END,
       :reason
FROM action x WHERE x.id = :id;

-- name: history
-- The corrections of one object, oldest first. A finding is shown by its
-- path (the journal keeps its id, which means nothing to a reader and
-- differs in a plan moved through export --history).
SELECT j.id, j.recorded_at, j.author, j.field,
       CASE WHEN j.field = 'finding' THEN coalesce(
           (SELECT ref_path(a.code, r.ref, f.ref) FROM finding f
            JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id
            WHERE f.id = j.old_value), j.old_value) ELSE j.old_value END AS old,
       CASE WHEN j.field = 'finding' THEN coalesce(
           (SELECT ref_path(a.code, r.ref, f.ref) FROM finding f
            JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id
            WHERE f.id = j.new_value), j.new_value) ELSE j.new_value END AS new,
       j.reason
FROM journal j WHERE j.object_kind = :kind AND j.object_id = :id
ORDER BY j.id;

-- name: settings_in
-- A setting changed by a run of ledger entries (progress_config.c notes
-- "setting KEY: OLD -> NEW"), if any.
SELECT n.text FROM ledger l JOIN ledger_note n ON n.id = l.entry_id
WHERE l.entry_table = 'ledger_note' AND l.seq BETWEEN :first AND :last
  AND n.text LIKE 'setting %'
ORDER BY l.seq LIMIT 1;
