-- name: count
SELECT count(*) FROM action;
