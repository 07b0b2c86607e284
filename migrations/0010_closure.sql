-- 0010: closure's optional last step, and the web's accounts in the chain
-- (issue #14).
--
-- Embedded is kept as a recorded fact about a signed-off action
-- (action_embedded), not as a seventh status: the status set, the CHECKs on
-- action and action_update and every report keyed on status stay as they
-- are, and an action that is embedded is still signed off. The step is
-- turned on by the setting closure.embedded (0 off, 1 on).
--
-- Account changes (added, password changed, disabled, enabled, role
-- changed) are recorded by triggers in account_event, append-only and
-- chained in the ledger: who (the account), what, when; never the
-- password hash. Sessions are not history and are not recorded.

-- Settings: the key list gains closure.embedded (a CHECK cannot be altered).
CREATE TABLE setting_v10 (
    key   TEXT PRIMARY KEY CHECK (key = 'rag.amber_days' OR key = 'rag.stale_days' OR
                                  key = 'rag.grace_days' OR key = 'closure.embedded'),
    value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 3650)
) WITHOUT ROWID;
INSERT INTO setting_v10 (key, value) SELECT key, value FROM setting;
INSERT INTO setting_v10 (key, value) VALUES ('closure.embedded', 0);
DROP TABLE setting;
ALTER TABLE setting_v10 RENAME TO setting;

CREATE TABLE action_embedded (
    id          INTEGER PRIMARY KEY,
    action_id   INTEGER NOT NULL REFERENCES action (id),
    on_date     TEXT NOT NULL CHECK (date(on_date) IS on_date),
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    author      TEXT NOT NULL,
    evidence    TEXT NOT NULL CHECK (length(trim(evidence)) > 0)
);
CREATE INDEX action_embedded_action ON action_embedded (action_id);

CREATE TABLE account_event (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL,
    name        TEXT NOT NULL,
    event       TEXT NOT NULL CHECK (event IN ('added', 'password changed', 'disabled',
                                               'enabled', 'role changed')),
    detail      TEXT,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TRIGGER action_embedded_no_update BEFORE UPDATE ON action_embedded
BEGIN
    SELECT RAISE(ABORT, 'action_embedded is append-only');
END;
CREATE TRIGGER action_embedded_no_delete BEFORE DELETE ON action_embedded
BEGIN
    SELECT RAISE(ABORT, 'action_embedded is append-only');
END;
CREATE TRIGGER account_event_no_update BEFORE UPDATE ON account_event
BEGIN
    SELECT RAISE(ABORT, 'account_event is append-only');
END;
CREATE TRIGGER account_event_no_delete BEFORE DELETE ON account_event
BEGIN
    SELECT RAISE(ABORT, 'account_event is append-only');
END;

CREATE TRIGGER account_event_added AFTER INSERT ON account
BEGIN
    INSERT INTO account_event (account_id, name, event, detail)
    VALUES (NEW.id, NEW.name, 'added', NEW.role);
END;
CREATE TRIGGER account_event_password AFTER UPDATE OF password_hash ON account
WHEN NEW.password_hash IS NOT OLD.password_hash
BEGIN
    INSERT INTO account_event (account_id, name, event) VALUES (NEW.id, NEW.name,
        'password changed');
END;
CREATE TRIGGER account_event_disabled AFTER UPDATE OF disabled ON account
WHEN NEW.disabled IS NOT OLD.disabled
BEGIN
    INSERT INTO account_event (account_id, name, event) VALUES (NEW.id, NEW.name,
        CASE NEW.disabled WHEN 1 THEN 'disabled' ELSE 'enabled' END);
END;
CREATE TRIGGER account_event_role AFTER UPDATE OF role ON account
WHEN NEW.role IS NOT OLD.role
BEGIN
    INSERT INTO account_event (account_id, name, event, detail) VALUES (NEW.id, NEW.name,
        'role changed', OLD.role || ' to ' || NEW.role);
END;

-- The chain triggers hash the same fields, in the same order, as the
-- verify query chain/walk (sql/chain.sql).
CREATE TRIGGER ledger_action_embedded AFTER INSERT ON action_embedded
BEGIN
    INSERT INTO ledger (entry_table, entry_id, entry_hash, chained_at, chain_hash)
    SELECT 'action_embedded', NEW.id, h, t,
           sp_chain_hash((SELECT chain_hash FROM ledger ORDER BY seq DESC LIMIT 1), h, t)
    FROM (SELECT sp_entry_hash('action_embedded', NEW.id, NEW.action_id, NEW.on_date,
              NEW.recorded_at, NEW.author, NEW.evidence) AS h,
                 strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS t);
END;

CREATE TRIGGER ledger_account_event AFTER INSERT ON account_event
BEGIN
    INSERT INTO ledger (entry_table, entry_id, entry_hash, chained_at, chain_hash)
    SELECT 'account_event', NEW.id, h, t,
           sp_chain_hash((SELECT chain_hash FROM ledger ORDER BY seq DESC LIMIT 1), h, t)
    FROM (SELECT sp_entry_hash('account_event', NEW.id, NEW.account_id, NEW.name, NEW.event,
              NEW.detail, NEW.recorded_at) AS h,
                 strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS t);
END;
