-- name: add
INSERT INTO finding (review_id, ref, kind, theme, text)
VALUES (:review_id, :ref, :kind, :theme, :text);

-- name: list
-- Every finding. CROSS JOIN keeps the authorities the outer loop, in code
-- order (their unique index), so the rest of the order is sorted one
-- authority at a time: a sort of every finding held them all in memory
-- (48 MiB at 154,000 findings).
SELECT
-- include: list_columns
FROM authority a CROSS JOIN review r ON r.authority_id = a.id
CROSS JOIN finding f ON f.review_id = r.id
WHERE (:include_void IS NOT NULL OR f.voided = 0) -- issue 12: void hidden unless asked
ORDER BY a.code, r.started_on, r.ref, f.id;

-- name: list_of_review
-- One review's findings (finding list REVIEW), in `list` order (within a
-- review, by id), from the review's index. As an OR on a bound value in
-- `list`, the review kept no index: it walked every finding of the plan
-- (15 ms at a million actions).
SELECT
-- include: list_columns
FROM review r
JOIN authority a ON a.id = r.authority_id
JOIN finding f ON f.review_id = r.id
WHERE r.id = :review_id
  AND (:include_void IS NOT NULL OR f.voided = 0)
ORDER BY f.id;

-- name: list_columns
-- Fragment: the columns of `list`.
       ref_path(a.code, r.ref, f.ref) AS path, f.kind, f.theme, f.text,
       (SELECT count(*) FROM action x WHERE x.finding_id = f.id)
       - (SELECT count(*) FROM action x WHERE x.finding_id = f.id AND x.voided = 1)
         AS action_count -- the live ones, from indexes alone (as authority/list)
