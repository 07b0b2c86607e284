-- name: add
INSERT INTO authority (code, name, kind) VALUES (:code, :name, :kind);

-- name: list
SELECT a.code, a.name, a.kind,
       (SELECT count(*) FROM review r WHERE r.authority_id = a.id AND r.voided = 0) AS review_count,
       (SELECT count(*) FROM action x JOIN finding f ON f.id = x.finding_id
          JOIN review r ON r.id = f.review_id WHERE r.authority_id = a.id AND x.voided = 0)
          AS action_count
FROM authority a ORDER BY a.code;

-- name: codes
-- What a choice of authority offers (the web's selects and its lists run
-- per authority): no counts, so one pass over the few authorities.
SELECT code, name FROM authority ORDER BY code;
