-- Brings the progress history up to :total updates (3 per action at the
-- default size) after the import, which gave at most one per action (the
-- latest, from the file's last_update_* columns).
--
-- The extra updates are earlier notes: each is dated strictly between the
-- action's start and its latest update, and changes no status, due date
-- or owner, so the plan's current state, the reports and the export stay
-- exactly what the file says; only the history grows. They go through the
-- append-only table's AFTER INSERT trigger like any update (it leaves
-- last_update_on at the later date it already holds).
--
-- The extra updates are spread evenly over the actions that have a latest
-- update at least a day after their start: action number r (0-based) gets
-- floor(e*(r+1)/a) - floor(e*r/a), where e is the number still needed and a
-- the number of such actions.
BEGIN IMMEDIATE;
WITH eligible AS (
    SELECT id, owner_id, start_on, last_update_on, row_number() OVER (ORDER BY id) - 1 AS r
    FROM action
    WHERE start_on IS NOT NULL AND last_update_on > start_on
),
need AS (
    SELECT (SELECT count(*) FROM eligible) AS a,
           max(0, :total - (SELECT count(*) FROM action_update)) AS e
),
per AS (
    SELECT el.*, (n.e * (el.r + 1)) / n.a - (n.e * el.r) / n.a AS k
    FROM eligible el, need n
    WHERE n.a > 0
),
seq(i) AS (
    SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < (SELECT max(k) FROM per)
)
INSERT INTO action_update (action_id, on_date, author, note, percent)
SELECT p.id,
       date(p.start_on, '+' || CAST((julianday(p.last_update_on) - julianday(p.start_on))
                                    * s.i / (p.k + 1) AS INTEGER) || ' days'),
       o.name,
       CASE (p.id + s.i) % 6
           WHEN 0 THEN 'Working group met; terms of reference agreed with partners.'
           WHEN 1 THEN 'Draft procedure circulated for comment, deadline end of month.'
           WHEN 2 THEN 'Delayed: awaiting partner data, see Improvement Board minutes.'
           WHEN 3 THEN 'Training dates set; 40 places offered to front-line staff.'
           WHEN 4 THEN 'Audit started: 15 case files, "voice of the child" a focus.'
           ELSE 'Progress reported to the LSCB executive – on track.'
       END,
       s.i * 90 / (p.k + 1)
FROM per p
JOIN seq s ON s.i <= p.k
JOIN owner o ON o.id = p.owner_id;
COMMIT;
