#!/usr/bin/env bash
# The tamper-evident history (issue #14): each tampering done by hand with
# the sqlite3 shell on a copy of the example plan, then `verify` (and
# `verify --checkpoint`) must catch it, naming the entry or the action; an
# untouched plan verifies clean. The chain is also rebuilt by hand with an
# independent implementation of its hashing (Python's hashlib), which both
# documents the format and shows why checkpoints are needed.
. "$(dirname "$0")/lib.sh"

export SAFEPLAN_TODAY=2017-07-01
sp demo

# copy NAME: a fresh copy of the example plan to tamper with.
copy() { rm -f "$1"*; sqlite3 plan.db ".backup $1"; chmod 600 "$1"; }
# tamper DB SQL: through the sqlite3 shell, as anyone holding the file can.
tamper() { sqlite3 -batch "$1" "$2" || bad "the tampering itself failed: $2"; }
verify_fails() {  # verify_fails DB EXPECTED [ARGS...]
    local db=$1 want=$2; shift 2
    run --db "$db" verify "$@"
    expect_status 1
    expect_out "$want"
    expect_err "found in $db"
}

case_ "T01 an untouched plan verifies clean"
run verify
expect_status 0
expect_out "ok    chain       559 entries, each unchanged and in order"
expect_out "ok    state       every action's state is what its history says"
expect_no_err

case_ "T02 the sqlite3 shell cannot add history without dropping the chain"
copy t2.db
sqlite3 t2.db "INSERT INTO action_update (action_id, on_date, author, note)
               VALUES (5, '2017-06-01', 'Someone', 'slipped in')" 2>shell.err
grep -q "no such function: sp_entry_hash" shell.err && ok || bad "the shell added history: $(cat shell.err)"

case_ "T03 an edited entry, after the trigger is dropped"
copy t3.db
tamper t3.db "DROP TRIGGER action_update_no_update;
              UPDATE action_update SET note = 'All done, signed off' WHERE id = 100;"
seq=$(sql t3.db "SELECT seq FROM ledger WHERE entry_table = 'action_update' AND entry_id = 100")
verify_fails t3.db "FAIL  chain       entry $seq (update 100) was changed after it was recorded"

case_ "T04 a deleted entry in the middle"
copy t4.db
tamper t4.db "DROP TRIGGER action_update_no_delete; DELETE FROM action_update WHERE id = 50;"
seq=$(sql t4.db "SELECT seq FROM ledger WHERE entry_table = 'action_update' AND entry_id = 50")
verify_fails t4.db "entry $seq (update 50) is gone: it was deleted"
# ... and its chain entry too
copy t4b.db
tamper t4b.db "DROP TRIGGER action_update_no_delete; DROP TRIGGER ledger_no_delete;
               DELETE FROM ledger WHERE entry_table = 'action_update' AND entry_id = 50;
               DELETE FROM action_update WHERE id = 50;"
verify_fails t4b.db "entries $seq to $seq of the chain are missing: history was deleted after entry $((seq - 1))"

case_ "T05 the last entries deleted: caught by the state replay and by a checkpoint"
sp key generate "$WORK/signing.key"
expect_eq "$(stat -c %a signing.key)" "600" "signing key mode"
run checkpoint --key "$WORK/signing.key" --out "$WORK/march.checkpoint"
expect_status 0
expect_eq "$(head -1 march.checkpoint)" "safeplan checkpoint 1" "checkpoint heading"
grep -q "^entries: 559$" march.checkpoint && ok || bad "checkpoint size: $(cat march.checkpoint)"
copy t5.db
tamper t5.db "DROP TRIGGER action_update_no_delete; DROP TRIGGER ledger_no_delete;
              DELETE FROM ledger WHERE seq > 556;
              DELETE FROM action_update WHERE id > (SELECT max(id) - 3 FROM action_update);"
verify_fails t5.db "the checkpoint covers 559 entries but the history now has 556" \
    --checkpoint march.checkpoint --key signing.key.pub
expect_out "was changed without history"

case_ "T06 an inserted back-dated entry"
copy t6.db
tamper t6.db "DROP TRIGGER ledger_action_update;
              INSERT INTO action_update (action_id, on_date, recorded_at, author, note)
              VALUES (5, '2017-01-10', '2017-01-10T09:00:00Z', 'Head of Service', 'backdated');"
id=$(sql t6.db "SELECT max(id) FROM action_update")
verify_fails t6.db "update $id of action 5 (dated 2017-01-10, recorded 2017-01-10T09:00:00Z) is not in the chain: it was added outside safeplan"

case_ "T07 an action's status, owner or due date changed without history"
copy t7.db
tamper t7.db "UPDATE action SET status = 'signed_off' WHERE id = 25;
              UPDATE action SET owner_id = 1 WHERE id = 26 AND owner_id <> 1;
              UPDATE action SET due_on = '2030-01-01' WHERE id = 27;"
verify_fails t7.db "action 25 was changed without history: status is 'signed_off' but its history gives"
expect_out "action 27 was changed without history: due date is '2030-01-01'"
if [ "$(sql plan.db 'SELECT owner_id FROM action WHERE id = 26')" != 1 ]; then
    expect_out "action 26 was changed without history: owner is '1'"
fi

case_ "T08 the chain rebuilt by hand: verify alone passes, the checkpoint does not"
copy t8.db
# rehash DB: recomputes every entry and link from the entries as they stand,
# with its own implementation of the format documented in src/lib/chain.c.
rehash() {
    python3 - "$1" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
def field(v):
    if v is None: return b"N" + (0).to_bytes(8, "big")
    if isinstance(v, int): b, t = str(v).encode(), b"I"
    elif isinstance(v, float): b, t = repr(v).encode(), b"F"
    elif isinstance(v, bytes): b, t = v, b"B"
    else: b, t = v.encode(), b"T"
    return t + len(b).to_bytes(8, "big") + b
def entry(*vals):
    return hashlib.blake2b(b"safeplan entry v1\0" + b"".join(field(v) for v in vals), digest_size=32).digest()
cols = {"action_update": "id, action_id, on_date, recorded_at, author, note, evidence, no_evidence_reason, percent, old_status, new_status, old_due_on, new_due_on, old_owner_id, new_owner_id, transferred_to, rag_override, reason, new_due_as_written",
        "action_origin": "action_id, finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status, measure, created_at, last_update_on, transferred_to, rag_override, rag_override_reason",
        "ledger_note": "id, recorded_at, text",
        "journal": "id, object_kind, object_id, field, old_value, new_value, reason, author, recorded_at",
        "change_set": "id, recorded_at, author, command, first_seq, last_seq, undoes"}
key = {"action_update": "id", "action_origin": "action_id", "ledger_note": "id", "journal": "id",
       "change_set": "id"}
db.execute("DROP TRIGGER IF EXISTS ledger_no_update")
prev = None
for seq, table, eid, chained_at in db.execute("SELECT seq, entry_table, entry_id, chained_at FROM ledger ORDER BY seq").fetchall():
    row = db.execute(f"SELECT {cols[table]} FROM {table} WHERE {key[table]} = ?", (eid,)).fetchone()
    if table == "action_update" and row[-1] is None:
        row = row[:-1]  # a revision's words are hashed only when there are some
    h = entry(table, *row)
    link = hashlib.blake2b(b"safeplan chain v1\0" + (field(prev) if prev else b"N" + (0).to_bytes(8, "big")) + field(h) + field(chained_at), digest_size=32).digest()
    db.execute("UPDATE ledger SET entry_hash = ?, chain_hash = ? WHERE seq = ?", (h, link, seq))
    prev = link
db.commit()
PY
}
# First, on an untouched copy, the independent hashing agrees byte for byte.
before=$(sql t8.db "SELECT hex(chain_hash) FROM ledger ORDER BY seq DESC LIMIT 1")
rehash t8.db
expect_eq "$(sql t8.db "SELECT hex(chain_hash) FROM ledger ORDER BY seq DESC LIMIT 1")" "$before" \
    "head hash recomputed independently"
tamper t8.db "DROP TRIGGER action_update_no_update;
              UPDATE action_update SET evidence = 'Audit found full compliance' WHERE id = 120;"
rehash t8.db
run --db t8.db verify
expect_status 0   # a chain alone can be rebuilt by whoever rewrites it ...
verify_fails t8.db "is not the one the checkpoint signed: the history up to it was rewritten since" \
    --checkpoint march.checkpoint

case_ "T09 a checkpoint extended by normal use verifies; an altered one does not"
sp action update 5 --note "Progress after the committee"
run verify --checkpoint march.checkpoint --key signing.key.pub
expect_status 0
expect_out "ok    checkpoint  the history extends the checkpoint's 559 entries exactly (561 now)"
sed 's/^entries: 559$/entries: 558/' march.checkpoint >forged.checkpoint
run verify --checkpoint forged.checkpoint
expect_status 1
expect_out "the checkpoint cannot be trusted: its signature does not match its content"
sp key generate "$WORK/other.key"
run verify --checkpoint march.checkpoint --key other.key.pub
expect_status 1
expect_out "signed with another key than the one given"
# An update chained after the checkpoint, with hashes made by hand, but
# dated before the checkpoint was taken.
copy t9.db
tamper t9.db "DROP TRIGGER ledger_action_update;
              INSERT INTO action_update (action_id, on_date, recorded_at, author, note)
              VALUES (5, '2017-01-10', '2017-01-10T09:00:00Z', 'Head of Service', 'backdated');
              INSERT INTO ledger (entry_table, entry_id, entry_hash, chained_at, chain_hash)
              SELECT 'action_update', max(id), x'00', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), x'00'
              FROM action_update;"
rehash t9.db
run --db t9.db verify
expect_status 0   # the forged entry is well chained ...
verify_fails t9.db "claims to have been recorded at 2017-01-10T09:00:00Z, before the checkpoint" \
    --checkpoint march.checkpoint

case_ "T10 keys and checkpoints: misuse and refusals"
run key generate "$WORK/signing.key"
expect_status 1
expect_err "a key is never overwritten"
run checkpoint
expect_status 2
expect_err "no signing key: give --key FILE or set SAFEPLAN_KEY"
run verify --key signing.key.pub
expect_status 2
run checkpoint --key "$WORK/signing.key.pub"
expect_status 1
expect_err "is not a safeplan signing key"

case_ "T11 a database from before the chain is chained as it stands, and says so"
rm -f old.db*
for m in 0001 0002 0003 0004; do sqlite3 old.db <"$SP_SOURCE_DIR"/migrations/${m}_*.sql; done
sqlite3 old.db "PRAGMA application_id = 1397771342; PRAGMA user_version = 4;"
sqlite3 old.db <"$SP_SOURCE_DIR/data/example-plan.sql"
chmod 600 old.db
run --db old.db verify
expect_status 0
expect_out "ok    state       every action's state is what its history says"
expect_eq "$(sql old.db "SELECT text LIKE 'upgrade: the history already here (98 actions, 262 updates)%' FROM ledger_note")" "1" "the upgrade's note"
expect_eq "$(sql old.db "SELECT entry_table FROM ledger ORDER BY seq DESC LIMIT 1")" "ledger_note" "the note is chained last"

case_ "T12 closure takes two people: the claimant cannot sign off, by CLI or import"
copy closure.db
claimant="Chair of the Performance Analysis and Assurance Group"
run --db closure.db action show 55
expect_out "Awaiting verification: claimed complete by $claimant on 2017-03-15, 108 days ago"
run --db closure.db action update 55 --status signed_off --evidence "Audit" \
    --by "  chair of the performance analysis and assurance group"
expect_status 1
expect_err "was claimed complete by $claimant on 2017-03-15: signing it off needs a second person"
# The same through a sheet: the export edited as a clerk would.
run --db closure.db export --out sheet.csv
signed_sheet() { # signed_sheet AUTHOR OUT: action 55 signed off by AUTHOR
    python3 - "$1" "$2" <<'PY'
import csv, sys
rows = list(csv.reader(open("sheet.csv", encoding="utf-8-sig", newline="")))
h = rows[0]
for r in rows[1:]:
    if r[0] == "leicester" and r[h.index("finding_ref")] == "P2" and r[h.index("action_ref")] == "1":
        r[h.index("status")] = "signed_off"
        r[h.index("last_update_by")] = sys.argv[1]
        r[h.index("last_update_on")] = "2017-06-30"
        r[h.index("last_update_evidence")] = "Audit of highlight reports"
csv.writer(open(sys.argv[2], "w", encoding="utf-8-sig", newline="")).writerows(rows)
PY
}
signed_sheet "$claimant" same.csv
before=$(fingerprint closure.db closure.db-wal)
run --db closure.db import same.csv
expect_status 1
expect_err "same.csv:14:21: action 55 was claimed complete by $claimant on 2017-03-15"
expect_eq "$(fingerprint closure.db closure.db-wal)" "$before" "nothing imported"
signed_sheet "Internal audit" other.csv
run --db closure.db import other.csv
expect_status 0
expect_eq "$(sql closure.db "SELECT status FROM action WHERE id = 55")" "signed_off" "verified by a second person"
run --db closure.db verify
expect_status 0

case_ "T13 stored fields the history determines, changed without history"
# A plan with a correction of each place's text, made as README's
# "Putting mistakes right" says; each copy then has one field edited in
# the sqlite3 shell, which verify must name with the value the history gives.
copy t13.db
sp --db t13.db finding edit windsor-maidenhead/2016-peer/1.1 --text "Leadership is visible" \
    --reason "as the letter words it"
sp --db t13.db review edit windsor-maidenhead/2016-peer --title "LGA peer review, December 2016" \
    --reason "the letter's title"
sp --db t13.db authority edit torbay --name "Torbay Borough Council" --reason "its legal name"
sp --db t13.db config set rag.amber_days 21
run --db t13.db verify
expect_status 0
expect_out "ok    state       every authority, review, finding and owner is what its corrections say"
expect_out "ok    state       every setting is what its recorded changes say"
override=$(sql t13.db "SELECT min(id) FROM action WHERE rag_override IS NOT NULL")
# edited ID FIELD SQL EXPECTED: a copy of t13.db with SQL done fails verify, naming it.
edited() {
    rm -f "t13-$1.db"*
    sqlite3 t13.db ".backup t13-$1.db"
    chmod 600 "t13-$1.db"
    tamper "t13-$1.db" "$2"
    verify_fails "t13-$1.db" "$3"
}
edited progress "UPDATE action SET progress_on = '2017-06-30' WHERE id = 25" \
    "action 25 was changed without history: progress date is '2017-06-30' but its history gives '2013-10-16'"
edited noprogress "UPDATE action SET progress_on = NULL WHERE id = 25" \
    "action 25 was changed without history: progress date is '(none)' but its history gives '2013-10-16'"
edited reason "UPDATE action SET rag_override_reason = 'looks fine' WHERE id = $override" \
    "action $override was changed without history: RAG override reason is 'looks fine' but its history gives '"
edited text "UPDATE finding SET text = 'All good' WHERE id = (SELECT f.id FROM finding f
             JOIN review r ON r.id = f.review_id WHERE r.ref = '2016-peer' AND f.ref = '1.1')" \
    "was changed without history: text is 'All good' but its history gives 'Leadership is visible'"
edited title "UPDATE review SET title = 'Nothing found' WHERE ref = '2016-peer'" \
    "was changed without history: title is 'Nothing found' but its history gives 'LGA peer review, December 2016'"
edited owner "UPDATE owner SET name = upper(name) WHERE id = 1" \
    "owner 1 was changed without history: name is '$(sql t13.db "SELECT upper(name) FROM owner WHERE id = 1")' but its history gives '$(sql t13.db "SELECT name FROM owner WHERE id = 1")'"
edited authority "UPDATE authority SET name = 'Somewhere Else' WHERE code = 'torbay'" \
    "was changed without history: name is 'Somewhere Else' but its history gives 'Torbay Borough Council'"
edited code "UPDATE authority SET code = 'tor' WHERE code = 'torbay'" \
    "was changed without history: code is 'tor' but its history gives 'torbay'"
edited stale "UPDATE setting SET value = 3650 WHERE key = 'rag.stale_days'" \
    "setting rag.stale_days was changed without history: it is '3650' but its history gives '60'"
edited amber "UPDATE setting SET value = 28 WHERE key = 'rag.amber_days'" \
    "setting rag.amber_days was changed without history: it is '28' but its history gives '21'"
run --db t13-stale.db check
expect_status 1
expect_out "setting rag.stale_days was changed without history"

case_ "T14 corrections through safeplan keep the plan verifying clean"
copy t14.db
sp --db t14.db owner edit 1 --name "Director of Children's Services (Windsor)" --reason "clearer"
sp --db t14.db owner edit 1 --team "Children's Services" --email "dcs@example.org" --reason "known"
sp --db t14.db authority edit torbay --name "Torbay Borough Council" --code torbay-c --reason "legal name"
sp --db t14.db review edit torbay-c/2012-peer --title "Peer review 2012" --judgement "" \
    --reason "as published"
sp --db t14.db finding edit windsor-maidenhead/2016-peer/1.1 --text "Leadership is visible" \
    --theme "Leadership" --reason "as the letter words it"
sp --db t14.db config set rag.stale_days 90
sp --db t14.db config set rag.stale_days 60
sp --db t14.db config set closure.embedded on
sp --db t14.db action update 25 --note "Progress at last" --on 2017-06-20
sp --db t14.db action update 25 --rag amber --reason "waiting on partners"
sp --db t14.db action edit 26 --owner "Director of Children's Services (Windsor)" \
    --reason "handed over"
run --db t14.db verify
expect_status 0
expect_out "ok    state       every action's state is what its history says"
expect_out "ok    state       every authority, review, finding and owner is what its corrections say"
expect_out "ok    state       every setting is what its recorded changes say"

case_ "T15 a revised due date's words are in its entry: rebuilt by hand alike, edited caught"
open=$(sql plan.db "SELECT id FROM action WHERE status IN ('not_started', 'in_progress')
  AND cadence IS NULL AND due_on IS NOT NULL AND due_on <> '2017-12-31' ORDER BY id LIMIT 1")
run action update "$open" --due "TBC - December 2017" --reason "partner delay"
expect_status 0
upd=$(sql plan.db "SELECT max(id) FROM action_update")
expect_eq "$(sql plan.db "SELECT new_due_as_written FROM action_update WHERE id = $upd")" \
    "TBC - December 2017" "the words kept"
copy t15.db
before=$(sql t15.db "SELECT hex(chain_hash) FROM ledger ORDER BY seq DESC LIMIT 1")
rehash t15.db
expect_eq "$(sql t15.db "SELECT hex(chain_hash) FROM ledger ORDER BY seq DESC LIMIT 1")" \
    "$before" "head hash recomputed independently, words and all"
copy t15b.db
tamper t15b.db "DROP TRIGGER action_update_no_update;
                UPDATE action_update SET new_due_as_written = 'December 2017' WHERE id = $upd;"
seq=$(sql t15b.db "SELECT seq FROM ledger WHERE entry_table = 'action_update' AND entry_id = $upd")
verify_fails t15b.db "FAIL  chain       entry $seq (update $upd) was changed after it was recorded"

finish
