-- Health checks (sp_check). Every value the schema's CHECK constraints
-- forbid, found in a file someone edited by hand (constraints switched
-- off, or the schema rewritten): one row per value, naming the object,
-- the field, the value and what was expected.
-- Dates are tested as date(x, '+0 days') IS x: SQLite's date() passes
-- '2017-02-30' through unchanged, and only a modifier makes it normalise.

-- name: bad_values
-- The actions' bad values are found first, and only their paths looked up
-- (finding, review, authority by primary key): a path for every action,
-- joined to each arm, held a million paths in memory (49 MiB) and took
-- most of a 53-second check of a million-action plan.
WITH bad_action (id, field, value, expected) AS (
    SELECT a.id, 'status', a.status,
           'not_started, in_progress, complete, signed_off, transferred or withdrawn'
    FROM action a
    WHERE a.status IS NULL OR a.status NOT IN ('not_started', 'in_progress', 'complete',
                                               'signed_off', 'transferred', 'withdrawn')
    UNION ALL
    SELECT a.id, 'due_on', a.due_on, 'a real date, YYYY-MM-DD'
    FROM action a
    WHERE a.due_on IS NOT NULL AND date(a.due_on, '+0 days') IS NOT a.due_on
    UNION ALL
    SELECT a.id, 'original_due_on', a.original_due_on, 'a real date, YYYY-MM-DD'
    FROM action a
    WHERE a.original_due_on IS NOT NULL
      AND date(a.original_due_on, '+0 days') IS NOT a.original_due_on
    UNION ALL
    SELECT a.id, 'start_on', a.start_on, 'a real date, YYYY-MM-DD'
    FROM action a
    WHERE a.start_on IS NOT NULL AND date(a.start_on, '+0 days') IS NOT a.start_on
    UNION ALL
    SELECT a.id, 'last_update_on', a.last_update_on, 'a real date, YYYY-MM-DD'
    FROM action a
    WHERE a.last_update_on IS NOT NULL
      AND date(a.last_update_on, '+0 days') IS NOT a.last_update_on
)
SELECT 'action ' || b.id || coalesce(' (' || ref_path(au.code, r.ref, f.ref, a.ref) || ')', ''),
       b.field, b.value, b.expected
FROM bad_action b
JOIN action a ON a.id = b.id
LEFT JOIN finding f ON f.id = a.finding_id
LEFT JOIN review r ON r.id = f.review_id
LEFT JOIN authority au ON au.id = r.authority_id
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
