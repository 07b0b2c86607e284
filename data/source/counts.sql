SELECT 'authority', count(*) FROM authority UNION ALL SELECT 'review', count(*) FROM review
UNION ALL SELECT 'finding', count(*) FROM finding UNION ALL SELECT 'owner', count(*) FROM owner
UNION ALL SELECT 'action', count(*) FROM action UNION ALL SELECT 'action_update', count(*) FROM action_update
UNION ALL SELECT 'setting', count(*) FROM setting
UNION ALL SELECT 'hash', (SELECT group_concat(x) FROM (SELECT id||status||due_on||coalesce(last_update_on,'')||updated_at||owner_id AS x FROM action ORDER BY id));
