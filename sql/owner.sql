-- name: add
INSERT INTO owner (name, team, email) VALUES (:name, :team, :email);

-- name: ensure
INSERT INTO owner (name) VALUES (:name) ON CONFLICT (name) DO NOTHING;

-- name: list
-- The count is a range of action_open_owner (migration 15), which holds
-- exactly the actions counted: its condition is repeated here so that
-- SQLite may use it, and no action's row is read.
SELECT o.id, o.name, o.team, o.email,
       (SELECT count(*) FROM action x WHERE x.owner_id = o.id
          AND x.status IN ('not_started', 'in_progress') AND x.voided = 0) AS open_count
FROM owner o ORDER BY o.name;
