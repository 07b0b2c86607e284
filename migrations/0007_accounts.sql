-- Version 7: accounts and sessions for the web service (safeplan serve).

-- A person who signs in. role decides what they may do (checked in one place,
-- src/web/access.c); owner_id ties an officer to the owner whose actions are
-- theirs; account_authority limits every page to some authorities unless
-- all_authorities is set. Passwords are Argon2id strings (libsodium
-- crypto_pwhash_str); the plain password is never stored.
CREATE TABLE account (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'officer', 'manager', 'clerk', 'admin')),
    owner_id INTEGER REFERENCES owner (id),
    email TEXT,
    all_authorities INTEGER NOT NULL DEFAULT 0 CHECK (all_authorities IN (0, 1)),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE account_authority (
    account_id INTEGER NOT NULL REFERENCES account (id),
    authority_id INTEGER NOT NULL REFERENCES authority (id),
    PRIMARY KEY (account_id, authority_id)
) WITHOUT ROWID;

-- A signed-in browser. Only a hash (SHA-256 hex) of the cookie's token is
-- kept, so a copy of the database does not let anyone in. Times are Unix
-- seconds: idle expiry uses last_seen, absolute expiry created.
CREATE TABLE session (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account (id),
    csrf TEXT NOT NULL,
    created INTEGER NOT NULL,
    last_seen INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX session_account ON session (account_id);
