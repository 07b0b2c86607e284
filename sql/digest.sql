-- Reminders (digest.c): who gets one, the sent log, the mail settings.

-- name: owners
-- Owners to consider (one, with :owner_id), and whether this day's digest
-- for this as-of date has already gone to them.
SELECT o.id, o.name, o.email,
       EXISTS (SELECT 1 FROM digest_sent d
               WHERE d.owner_id = o.id AND d.sent_on = :today AND d.as_of = :as_of) AS sent
FROM owner o
WHERE (:owner_id IS NULL OR o.id = :owner_id)
ORDER BY o.name COLLATE NOCASE, o.id;

-- name: log_add
INSERT INTO digest_sent (owner_id, sent_on, as_of, within_days, items, address, delivery,
                         message_id, forced)
VALUES (:owner_id, :today, :as_of, :days, :items, :address, :delivery, :message_id, :forced);

-- name: log_list
-- The sent log, oldest first.
SELECT d.sent_on, d.as_of, o.name AS owner, d.address, d.items, d.within_days,
       d.delivery, d.forced, d.message_id, d.recorded_at
FROM digest_sent d
JOIN owner o ON o.id = d.owner_id
WHERE (:owner_id IS NULL OR d.owner_id = :owner_id)
ORDER BY d.id;

-- name: setting_get
SELECT value FROM mail_setting WHERE key = :key;

-- name: setting_set
INSERT INTO mail_setting (key, value) VALUES (:key, :value)
ON CONFLICT (key) DO UPDATE SET value = excluded.value;
