-- Closure's optional last step and the accounts' history (src/lib/closure.c,
-- migrations/0010_closure.sql).

-- name: backfill_accounts
-- Accounts made before the upgrade: each gets its 'added' event now (the
-- chain trigger needs the library's hash functions, so the migration
-- cannot do it in SQL alone).
INSERT INTO account_event (account_id, name, event, detail)
SELECT id, name, 'added', role || ' (recorded at the upgrade; made ' || created_at || ')'
FROM account
ORDER BY id;

-- name: embedded_on
SELECT value FROM setting WHERE key = 'closure.embedded';

-- name: embed
INSERT INTO action_embedded (action_id, on_date, author, evidence)
VALUES (:id, :on, :author, :evidence);

-- name: embedded
-- The latest record that an action's change has lasted.
SELECT on_date, author, evidence FROM action_embedded
WHERE action_id = :id ORDER BY id DESC LIMIT 1;

-- name: events
SELECT id, name, event, detail, recorded_at FROM account_event ORDER BY id;

-- name: status
-- The action an embedded record is for: its status, path, start and the
-- date of its latest sign-off, which the record may not be dated before.
SELECT x.status, ref_path(a.code, r.ref, f.ref, x.ref), x.start_on,
       (SELECT u.on_date FROM action_update u
        WHERE u.action_id = x.id AND u.new_status = 'signed_off'
        ORDER BY u.id DESC LIMIT 1) AS signed_off_on
FROM action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN authority a ON a.id = r.authority_id
WHERE x.id = :id;

-- name: awaiting
-- Actions claimed complete and not yet verified as of :as_of: the latest
-- status change dated by then moved them to complete. days counts from the
-- claim's date to :as_of. Longest waiting first. This reads one action,
-- :action_id, of the list awaiting_in_order sorts (closure.c): the whole
-- plan's list, sorted here with its text, held 82 MiB at a million actions.
SELECT x.id, ref_path(a.code, r.ref, f.ref, x.ref) AS path,
       x.description AS title, o.name AS owner, u.author AS claimed_by,
       u.on_date AS claimed_on,
       CAST(julianday(:as_of) - julianday(u.on_date) AS INTEGER) AS days
-- include: claims
WHERE x.id = :action_id AND u.new_status = 'complete';

-- name: awaiting_in_order
-- The ids of the awaiting list, longest waiting first. The report filters
-- go in as fragments (sp_prepare_filtered): a pack or report of one council
-- sorted every awaiting action of the plan to keep its own.
SELECT x.id
-- include: claims
WHERE u.new_status = 'complete'
-- filters: by_action
-- include: awaiting_order
;

-- name: awaiting_among
-- The ids of the awaiting list among :ids (a JSON array of action ids),
-- longest waiting first: for a pack narrowed on the day to a few of its
-- part's actions (pack_data.c). One owner's report at a million actions
-- spent two thirds of its time sorting every claim of the plan to keep
-- its owner's few.
SELECT x.id
-- include: claims
WHERE u.new_status = 'complete' AND x.id IN (SELECT value FROM json_each(:ids))
-- include: awaiting_order
;

-- name: awaiting_order
-- Fragment: longest waiting first.
ORDER BY CAST(julianday(:as_of) - julianday(u.on_date) AS INTEGER) DESC, x.id

-- name: claims
-- Fragment: each action with its latest status change dated by :as_of (u).
FROM action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN authority a ON a.id = r.authority_id
LEFT JOIN owner o ON o.id = x.owner_id
JOIN action_update u ON u.id = (SELECT v.id FROM action_update v
                                WHERE v.action_id = x.id AND v.new_status IS NOT NULL
                                  AND v.on_date <= :as_of
                                ORDER BY v.on_date DESC, v.id DESC LIMIT 1)

