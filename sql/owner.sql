-- name: add
INSERT INTO owner (name, team, email) VALUES (:name, :team, :email);

-- name: ensure
INSERT INTO owner (name) VALUES (:name) ON CONFLICT (name) DO NOTHING;

-- name: list
SELECT o.id, o.name, o.team, o.email,
       (SELECT count(*) FROM action x WHERE x.owner_id = o.id
          AND x.status IN ('not_started', 'in_progress') AND x.voided = 0) AS open_count
FROM owner o ORDER BY o.name;
