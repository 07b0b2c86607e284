-- name: add
INSERT INTO finding (review_id, ref, kind, theme, text)
VALUES (:review_id, :ref, :kind, :theme, :text);

-- name: list
SELECT ref_path(a.code, r.ref, f.ref) AS path, f.kind, f.theme, f.text,
       (SELECT count(*) FROM action x WHERE x.finding_id = f.id AND x.voided = 0) AS action_count
FROM finding f JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id
WHERE (:review_id IS NULL OR f.review_id = :review_id)
  AND (:include_void IS NOT NULL OR f.voided = 0) -- issue 12: void hidden unless asked
ORDER BY a.code, r.started_on, r.ref, f.id;
