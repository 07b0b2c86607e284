-- Resolving references (paths of short codes) to ids, and back.

-- name: authority
SELECT id FROM authority WHERE code = :a;

-- name: review
-- A path's references are matched as written, else in other capitals
-- when only one object matches so (2015-PEER/R1 is 2015-peer/r1): people
-- retype references as they read them. coalesce() evaluates its second
-- argument only when the first is NULL, so the exact match costs one
-- index search, as before; a reference held in two spellings is taken
-- as written or not at all (then the closest are suggested).
SELECT id FROM review WHERE id = coalesce(
    (SELECT r.id FROM review r JOIN authority a ON a.id = r.authority_id
     WHERE a.code = :a AND r.ref = :r),
    (SELECT CASE WHEN count(*) = 1 THEN max(r.id) END
     FROM review r JOIN authority a ON a.id = r.authority_id
     WHERE a.code = :a AND r.ref = :r COLLATE NOCASE));

-- name: finding
SELECT id FROM finding WHERE id = coalesce(
    (SELECT f.id FROM finding f JOIN review r ON r.id = f.review_id
     JOIN authority a ON a.id = r.authority_id
     WHERE a.code = :a AND r.ref = :r AND f.ref = :f),
    (SELECT CASE WHEN count(*) = 1 THEN max(f.id) END
     FROM finding f JOIN review r ON r.id = f.review_id
     JOIN authority a ON a.id = r.authority_id
     WHERE a.code = :a AND r.ref = :r COLLATE NOCASE AND f.ref = :f COLLATE NOCASE));

-- name: action
SELECT id FROM action WHERE id = coalesce(
    (SELECT x.id FROM action x JOIN finding f ON f.id = x.finding_id
     JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id
     WHERE a.code = :a AND r.ref = :r AND f.ref = :f AND x.ref = :x),
    (SELECT CASE WHEN count(*) = 1 THEN max(x.id) END
     FROM action x JOIN finding f ON f.id = x.finding_id
     JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id
     WHERE a.code = :a AND r.ref = :r COLLATE NOCASE AND f.ref = :f COLLATE NOCASE
       AND x.ref = :x COLLATE NOCASE));

-- name: owner
-- An owner by name: as stored (its unique index, any case), else by the
-- key names compare by (name_key(), names.c), so that "Head of  Service"
-- or "Head of Service " pasted from a spreadsheet is the owner "Head of
-- Service", not a new one. The second arm runs only when the first finds
-- nothing (a new name), and reads every owner: a few thousand at most.
-- Names made before they were stored tidy may share a key; the first
-- made is taken.
SELECT id FROM owner WHERE name = :name
UNION ALL
SELECT id FROM (SELECT id FROM owner WHERE name_key(name) = name_key(:name)
                ORDER BY id LIMIT 1)
LIMIT 1;

-- name: authority_id
SELECT id FROM authority WHERE id = :id;

-- name: review_id
SELECT id FROM review WHERE id = :id;

-- name: finding_id
SELECT id FROM finding WHERE id = :id;

-- name: action_id
SELECT id FROM action WHERE id = :id;

-- name: owner_id
SELECT id FROM owner WHERE id = :id;

-- name: authority_path
SELECT code FROM authority WHERE id = :id;

-- name: review_path
SELECT ref_path(a.code, r.ref) FROM review r JOIN authority a ON a.id = r.authority_id
WHERE r.id = :id;

-- name: finding_path
SELECT ref_path(a.code, r.ref, f.ref) FROM finding f
JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id
WHERE f.id = :id;

-- name: action_path
SELECT ref_path(a.code, r.ref, f.ref, x.ref) FROM action x
JOIN finding f ON f.id = x.finding_id JOIN review r ON r.id = f.review_id
JOIN authority a ON a.id = r.authority_id WHERE x.id = :id;

-- name: owner_path
SELECT name FROM owner WHERE id = :id;

-- name: theme_after
-- The first theme after :after in byte order: one seek of the index
-- finding_theme. Called in a loop, it lists the distinct themes without
-- reading every finding (names.c).
SELECT theme FROM finding WHERE theme > :after ORDER BY theme LIMIT 1;

-- Candidates for "did you mean" (names.c): every name of a kind, or of
-- the kind within its parent (:parent).

-- name: authority_names
SELECT code FROM authority;

-- name: review_names
SELECT ref_path(a.code, r.ref) FROM review r JOIN authority a ON a.id = r.authority_id;

-- name: finding_names
SELECT ref_path(a.code, r.ref, f.ref) FROM finding f
JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id
WHERE f.review_id = :parent;

-- name: action_names
SELECT ref_path(a.code, r.ref, f.ref, x.ref) FROM action x
JOIN finding f ON f.id = x.finding_id JOIN review r ON r.id = f.review_id
JOIN authority a ON a.id = r.authority_id WHERE x.finding_id = :parent;

-- name: owner_names
SELECT name FROM owner;

-- name: review_spelled
-- A new object's reference as another of its parent's objects holds it in
-- other capitals (sp_ref_spelling): refused, since the lookups above
-- would then find neither by a third spelling ("1A" beside 1a). For an
-- edit, :self is the object whose reference changes (its parent is
-- :parent's default, and it may change its own capitals).
SELECT ref FROM review
WHERE authority_id = coalesce(:parent, (SELECT authority_id FROM review WHERE id = :self))
  AND ref = :ref COLLATE NOCASE AND ref <> :ref AND id <> coalesce(:self, 0) LIMIT 1;

-- name: finding_spelled
SELECT ref FROM finding
WHERE review_id = coalesce(:parent, (SELECT review_id FROM finding WHERE id = :self))
  AND ref = :ref COLLATE NOCASE AND ref <> :ref AND id <> coalesce(:self, 0) LIMIT 1;

-- name: action_spelled
SELECT ref FROM action
WHERE finding_id = coalesce(:parent, (SELECT finding_id FROM action WHERE id = :self))
  AND ref = :ref COLLATE NOCASE AND ref <> :ref AND id <> coalesce(:self, 0) LIMIT 1;
