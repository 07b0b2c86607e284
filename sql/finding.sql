-- name: add
INSERT INTO finding (review_id, ref, kind, theme, text)
VALUES (:review_id, :ref, :kind, :theme, :text);

-- name: list
-- CROSS JOIN keeps the authorities the outer loop, in code order (their
-- unique index), so the rest of the order is sorted one authority at a
-- time: a sort of every finding held them all in memory (48 MiB at 154,000
-- findings).
SELECT ref_path(a.code, r.ref, f.ref) AS path, f.kind, f.theme, f.text,
       (SELECT count(*) FROM action x WHERE x.finding_id = f.id)
       - (SELECT count(*) FROM action x WHERE x.finding_id = f.id AND x.voided = 1)
         AS action_count -- the live ones, from indexes alone (as authority/list)
FROM authority a CROSS JOIN review r ON r.authority_id = a.id
CROSS JOIN finding f ON f.review_id = r.id
WHERE (:review_id IS NULL OR f.review_id = :review_id)
  AND (:include_void IS NOT NULL OR f.voided = 0) -- issue 12: void hidden unless asked
ORDER BY a.code, r.started_on, r.ref, f.id;
