-- name: add
INSERT INTO authority (code, name, kind) VALUES (:code, :name, :kind);

-- name: list
SELECT a.code, a.name, a.kind,
       (SELECT count(*) FROM review r WHERE r.authority_id = a.id AND r.voided = 0) AS review_count,
       -- The live actions: all of them (a range of the unique index on
       -- (finding_id, ref) for each finding) less the voided (action_voided), so
       -- that no action's row is read (migration 15).
       (SELECT count(*) FROM review r JOIN finding f ON f.review_id = r.id
          JOIN action x ON x.finding_id = f.id WHERE r.authority_id = a.id)
       - (SELECT count(*) FROM review r JOIN finding f ON f.review_id = r.id
            JOIN action x ON x.finding_id = f.id WHERE r.authority_id = a.id AND x.voided = 1)
          AS action_count
FROM authority a ORDER BY a.code;

-- name: codes
-- What a choice of authority offers (the web's selects and its lists run
-- per authority): no counts, so one pass over the few authorities.
SELECT code, name FROM authority ORDER BY code;
