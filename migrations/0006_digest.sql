-- Version 6: reminders (safeplan digest).
--

-- Text settings for the messages: the From address (required before any
-- digest is made) and an optional List-ID. Kept apart from the numeric
-- RAG settings (table setting), whose values are days.
CREATE TABLE mail_setting (
    key   TEXT PRIMARY KEY CHECK (key = 'digest.from' OR key = 'digest.list_id'),
    value TEXT NOT NULL CHECK (length(value) BETWEEN 3 AND 200
                               AND value NOT GLOB '*[' || char(1) || '-' || char(31) || ']*')
) WITHOUT ROWID;

-- Every digest delivered: to whom, for which day, how, and its
-- Message-ID. A daily cron job asks it before sending, so an owner gets a
-- given day's digest once (`digest --force` adds another row). Append-only,
-- like the progress history.
CREATE TABLE digest_sent (
    id          INTEGER PRIMARY KEY,
    owner_id    INTEGER NOT NULL REFERENCES owner (id),
    sent_on     TEXT NOT NULL CHECK (sent_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    as_of       TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    within_days INTEGER NOT NULL CHECK (within_days BETWEEN 0 AND 3650),
    items       INTEGER NOT NULL CHECK (items > 0),
    address     TEXT NOT NULL,
    delivery    TEXT NOT NULL CHECK (delivery = 'mbox' OR delivery = 'maildir'
                                     OR delivery = 'sendmail'),
    message_id  TEXT NOT NULL,
    forced      INTEGER NOT NULL DEFAULT 0 CHECK (forced = 0 OR forced = 1),
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX digest_sent_owner_day ON digest_sent (owner_id, sent_on);

CREATE TRIGGER digest_sent_no_update
BEFORE UPDATE ON digest_sent
BEGIN
    SELECT RAISE(ABORT, 'digest_sent is append-only: the log of what was sent stays as sent');
END;

CREATE TRIGGER digest_sent_no_delete
BEFORE DELETE ON digest_sent
BEGIN
    SELECT RAISE(ABORT, 'digest_sent is append-only: the log of what was sent stays as sent');
END;
