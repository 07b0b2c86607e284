-- Health checks (sp_check). Every value the schema's CHECK constraints
-- forbid, found in a file someone edited by hand (constraints switched
-- off, or the schema rewritten): one row per value, naming the object,
-- the field, the value and what was expected.
-- Dates are tested as date(x, '+0 days') IS x: SQLite's date() passes
-- '2017-02-30' through unchanged, and only a modifier makes it normalise.

-- name: bad_values
WITH path AS (
    SELECT a.id, ref_path(au.code, r.ref, f.ref, a.ref) AS p
    FROM action a
    JOIN finding f ON f.id = a.finding_id
    JOIN review r ON r.id = f.review_id
    JOIN authority au ON au.id = r.authority_id
)
SELECT 'action ' || a.id || coalesce(' (' || p.p || ')', ''), 'status', a.status,
       'not_started, in_progress, complete, signed_off, transferred or withdrawn'
FROM action a LEFT JOIN path p ON p.id = a.id
WHERE a.status IS NULL OR a.status NOT IN ('not_started', 'in_progress', 'complete',
                                           'signed_off', 'transferred', 'withdrawn')
UNION ALL
SELECT 'action ' || a.id || coalesce(' (' || p.p || ')', ''), 'due_on', a.due_on,
       'a real date, YYYY-MM-DD'
FROM action a LEFT JOIN path p ON p.id = a.id
WHERE a.due_on IS NOT NULL AND date(a.due_on, '+0 days') IS NOT a.due_on
UNION ALL
SELECT 'action ' || a.id || coalesce(' (' || p.p || ')', ''), 'original_due_on', a.original_due_on,
       'a real date, YYYY-MM-DD'
FROM action a LEFT JOIN path p ON p.id = a.id
WHERE a.original_due_on IS NOT NULL AND date(a.original_due_on, '+0 days') IS NOT a.original_due_on
UNION ALL
SELECT 'action ' || a.id || coalesce(' (' || p.p || ')', ''), 'start_on', a.start_on,
       'a real date, YYYY-MM-DD'
FROM action a LEFT JOIN path p ON p.id = a.id
WHERE a.start_on IS NOT NULL AND date(a.start_on, '+0 days') IS NOT a.start_on
UNION ALL
SELECT 'action ' || a.id || coalesce(' (' || p.p || ')', ''), 'last_update_on', a.last_update_on,
       'a real date, YYYY-MM-DD'
FROM action a LEFT JOIN path p ON p.id = a.id
WHERE a.last_update_on IS NOT NULL AND date(a.last_update_on, '+0 days') IS NOT a.last_update_on
UNION ALL
SELECT 'update ' || u.id || ' of action ' || u.action_id, 'on_date', u.on_date,
       'a real date, YYYY-MM-DD'
FROM action_update u
WHERE u.on_date IS NULL OR date(u.on_date, '+0 days') IS NOT u.on_date
UNION ALL
SELECT 'setting ' || s.key, 'value', s.value, 'a whole number of days from 0 to 3650'
FROM setting s
WHERE s.key <> 'closure.embedded'
  AND (typeof(s.value) <> 'integer' OR s.value NOT BETWEEN 0 AND 3650)
UNION ALL
SELECT 'setting ' || s.key, 'value', s.value, '0 (off) or 1 (on)'
FROM setting s
WHERE s.key = 'closure.embedded' AND (typeof(s.value) <> 'integer' OR s.value NOT IN (0, 1))
UNION ALL
SELECT 'embedded record ' || e.id || ' of action ' || e.action_id, 'on_date', e.on_date,
       'a real date, YYYY-MM-DD'
FROM action_embedded e
WHERE e.on_date IS NULL OR date(e.on_date, '+0 days') IS NOT e.on_date
UNION ALL
SELECT 'account event ' || v.id, 'event', v.event,
       'added, password changed, disabled, enabled or role changed'
FROM account_event v
WHERE v.event IS NULL OR v.event NOT IN ('added', 'password changed', 'disabled', 'enabled',
                                         'role changed');

-- name: foreign_keys
SELECT "table", rowid, parent FROM pragma_foreign_key_check;
