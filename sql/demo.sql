-- name: count
SELECT count(*) FROM action;

-- The rows of every plan table, to tell a database holding only the
-- example plan from a real one (sp_demo_load).
-- name: rows
SELECT (SELECT count(*) FROM authority), (SELECT count(*) FROM review),
       (SELECT count(*) FROM finding), (SELECT count(*) FROM owner),
       (SELECT count(*) FROM action), (SELECT count(*) FROM action_update);
