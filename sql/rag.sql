-- RAG settings and one action's rating. The rules themselves are C
-- functions registered on every connection (src/lib/rag.c).

-- name: settings
SELECT key, value FROM setting;

-- name: set
INSERT INTO setting (key, value) VALUES (:key, :value)
ON CONFLICT (key) DO UPDATE SET value = excluded.value;
