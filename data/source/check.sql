.mode column
.headers on
-- 1. illegal or inconsistent transitions
WITH s AS (
  SELECT u.*, coalesce((SELECT u2.new_status FROM action_update u2 WHERE u2.action_id = u.action_id
            AND u2.new_status IS NOT NULL AND (u2.on_date < u.on_date OR (u2.on_date = u.on_date AND u2.id < u.id))
            ORDER BY u2.on_date DESC, u2.id DESC LIMIT 1), 'not_started') AS before
  FROM action_update u WHERE u.new_status IS NOT NULL)
SELECT 'bad transition' AS problem, action_id, on_date, old_status, before, new_status FROM s
WHERE old_status IS NOT before OR (old_status || '>' || new_status) NOT IN
 ('not_started>in_progress','in_progress>complete','complete>signed_off','complete>in_progress',
  'not_started>transferred','in_progress>transferred','not_started>withdrawn','in_progress>withdrawn');
-- 2. updates before start, out of order by id, after as-of
SELECT 'update before start' AS problem, u.id FROM action_update u JOIN action a ON a.id=u.action_id WHERE u.on_date < a.start_on;
SELECT 'update after as-of' AS problem, u.id FROM action_update u WHERE u.on_date > '2017-07-01';
SELECT 'id order != date order' AS problem, u.id FROM action_update u JOIN action_update v ON v.action_id=u.action_id AND v.id>u.id AND v.on_date<u.on_date;
-- 3. due revisions: old_due_on must equal the due date then in force; revised later
SELECT 'bad revision' AS problem, u.id FROM action_update u JOIN action a ON a.id=u.action_id
WHERE u.new_due_on IS NOT NULL AND (u.new_due_on <= u.old_due_on OR u.reason IS NULL OR u.old_due_on IS NOT coalesce(
 (SELECT u2.new_due_on FROM action_update u2 WHERE u2.action_id=u.action_id AND u2.new_due_on IS NOT NULL AND u2.id<u.id ORDER BY u2.id DESC LIMIT 1), a.original_due_on));
SELECT 'signed off without evidence or reason' AS problem, id FROM action_update WHERE new_status='signed_off' AND evidence IS NULL AND no_evidence_reason IS NULL;
SELECT 'recorded_at' AS problem, id FROM action_update WHERE recorded_at <> on_date || 'T12:00:00Z';
SELECT 'created_at' AS problem, id FROM action WHERE created_at <> start_on || 'T12:00:00Z';
SELECT 'dates out of range' AS problem, id FROM action WHERE start_on < '2012-01-01' OR original_due_on > '2018-12-31' OR original_due_on < start_on;
-- 4. distribution at 2017-07-01
SELECT status, count(*) n FROM action GROUP BY status ORDER BY n DESC;
SELECT CASE WHEN julianday('2017-07-01')-julianday(due_on) BETWEEN 1 AND 30 THEN '1-30'
            WHEN julianday('2017-07-01')-julianday(due_on) BETWEEN 31 AND 90 THEN '31-90'
            WHEN julianday('2017-07-01')-julianday(due_on) BETWEEN 91 AND 180 THEN '91-180' ELSE '>180' END AS bucket,
       count(*) AS overdue, group_concat(CAST(julianday('2017-07-01')-julianday(due_on) AS INT), ',') AS days
FROM action WHERE status IN ('not_started','in_progress') AND due_on < '2017-07-01' GROUP BY bucket ORDER BY min(julianday('2017-07-01')-julianday(due_on));
SELECT 'due within 28 days' AS what, count(*) FROM action WHERE status IN ('not_started','in_progress') AND due_on BETWEEN '2017-07-01' AND '2017-07-29'
UNION ALL SELECT 'on track (due after 07-29, updated within 30 days)', count(*) FROM action WHERE status IN ('not_started','in_progress') AND due_on > '2017-07-29' AND last_update_on >= '2017-06-01'
UNION ALL SELECT 'stale (open, last update > 60 days)', count(*) FROM action WHERE status IN ('not_started','in_progress') AND last_update_on < date('2017-07-01','-60 days')
UNION ALL SELECT 'open, never updated', count(*) FROM action WHERE status IN ('not_started','in_progress') AND last_update_on IS NULL
UNION ALL SELECT 'revised (due_on > original)', count(*) FROM action WHERE due_on > original_due_on
UNION ALL SELECT 'revised and still overdue', count(*) FROM action WHERE due_on > original_due_on AND status IN ('not_started','in_progress') AND due_on < '2017-07-01'
UNION ALL SELECT 'transferred with destination', count(*) FROM action WHERE status='transferred' AND transferred_to IS NOT NULL
UNION ALL SELECT 'withdrawn', count(*) FROM action WHERE status='withdrawn'
UNION ALL SELECT 'signed off with evidence', count(DISTINCT action_id) FROM action_update WHERE new_status='signed_off' AND evidence IS NOT NULL
UNION ALL SELECT 'signed off, no_evidence_reason', count(DISTINCT action_id) FROM action_update WHERE new_status='signed_off' AND no_evidence_reason IS NOT NULL
UNION ALL SELECT 'reopened (complete>in_progress)', count(*) FROM action_update WHERE old_status='complete' AND new_status='in_progress'
UNION ALL SELECT 'owner changed', count(*) FROM action_update WHERE new_owner_id IS NOT NULL
UNION ALL SELECT 'rag override', count(*) FROM action WHERE rag_override IS NOT NULL
UNION ALL SELECT 'non-strength findings with actions', count(DISTINCT finding_id) FROM action
UNION ALL SELECT 'non-strength findings', count(*) FROM finding WHERE kind<>'strength';
SELECT au.code, count(DISTINCT f.id) findings, count(DISTINCT a.id) actions FROM authority au JOIN review r ON r.authority_id=au.id
 LEFT JOIN finding f ON f.review_id=r.id LEFT JOIN action a ON a.finding_id=f.id GROUP BY au.code;
SELECT kind, count(*) FROM finding GROUP BY kind;
