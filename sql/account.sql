-- name: add
INSERT INTO account (name, role, owner_id, email, all_authorities, password_hash)
VALUES (:name, :role, :owner_id, :email, :all, :hash);

-- name: add_authority
INSERT OR IGNORE INTO account_authority (account_id, authority_id) VALUES (:account_id, :authority_id);

-- name: list
SELECT a.id, a.name, a.role, o.name AS owner, a.email,
       CASE WHEN a.all_authorities THEN 'all' ELSE
         (SELECT group_concat(code, ' ') FROM (SELECT au.code FROM account_authority aa
            JOIN authority au ON au.id = aa.authority_id
           WHERE aa.account_id = a.id ORDER BY au.code)) END AS authorities,
       CASE WHEN a.disabled THEN 'disabled' ELSE 'active' END AS state
FROM account a LEFT JOIN owner o ON o.id = a.owner_id ORDER BY a.name;

-- name: hash
SELECT id, password_hash, disabled FROM account WHERE name = :name;

-- name: passwd
UPDATE account SET password_hash = :hash WHERE name = :name;

-- name: disable
UPDATE account SET disabled = 1 WHERE name = :name;

-- name: end_sessions
DELETE FROM session WHERE account_id = (SELECT id FROM account WHERE name = :name);

-- name: session_add
INSERT INTO session (token_hash, account_id, csrf, created, last_seen)
VALUES (:token_hash, :account_id, :csrf, :now, :now);

-- name: session_get
SELECT a.id, a.name, a.role, a.owner_id, a.all_authorities, s.csrf
FROM session s JOIN account a ON a.id = s.account_id
WHERE s.token_hash = :token_hash AND a.disabled = 0
  AND s.last_seen > :now - :idle AND s.created > :now - :absolute;

-- name: session_touch
UPDATE session SET last_seen = :now WHERE token_hash = :token_hash;

-- name: sessions_purge
-- The sessions session_get no longer finds: idle too long, or too old.
DELETE FROM session WHERE last_seen <= :now - :idle OR created <= :now - :absolute;

-- name: session_end
DELETE FROM session WHERE token_hash = :token_hash;

-- name: authorities
SELECT au.code FROM account_authority aa JOIN authority au ON au.id = aa.authority_id
WHERE aa.account_id = :account_id ORDER BY au.code;
