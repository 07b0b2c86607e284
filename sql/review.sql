-- name: add
INSERT INTO review (authority_id, ref, kind, title, started_on, ended_on, reported_on, judgement)
VALUES (:authority_id, :ref, :kind, :title, :from, :to, :reported, :judgement);

-- name: list
SELECT ref_path(a.code, r.ref) AS path, r.kind, r.title, r.started_on, r.ended_on,
       r.reported_on, r.judgement,
       (SELECT count(*) FROM finding f WHERE f.review_id = r.id AND f.voided = 0) AS finding_count
FROM review r JOIN authority a ON a.id = r.authority_id
WHERE (:authority_id IS NULL OR r.authority_id = :authority_id)
  AND (:include_void IS NOT NULL OR r.voided = 0) -- issue 12: void hidden unless asked
ORDER BY a.code, r.started_on, r.ref;
