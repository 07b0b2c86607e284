#!/usr/bin/env bash
# Progress through the real binary: action update / show / history /
# reassign / transfer, and config set / get / list, on real database files.
. "$(dirname "$0")/lib.sh"

export SAFEPLAN_TODAY=2017-07-01
DB=$SAFEPLAN_DB

# A small plan: two reviews, one finding each, four actions.
sp init
sp authority add tb --name "Torbay Council"
sp review add tb r1 --kind lga_peer_review --title "LGA safeguarding peer review" --from 2012-05-21
sp review add tb r2 --kind ofsted_inspection --title "Ofsted inspection"
sp finding add tb/r1 1 --kind recommendation --theme "Capacity and managing resources" \
    --text "Streamline paperwork"
sp finding add tb/r2 1 --kind area_for_improvement --theme "Effective practice" \
    --text "Supervision is not regular"
sp action add tb/r1/1 --title "Remove unnecessary ICS fields" --owner "Head of Service" \
    --start 2017-01-01 --due 2017-03-31
sp action add tb/r1/1 --title "Recruit a Principal Social Worker" --owner "Head of Service" \
    --start 2017-01-01 --due 2017-12-31
sp action add tb/r1/1 --title "Audit case files" --owner "LSCB Business Manager" \
    --start 2017-01-01 --due 2017-12-31
sp action add tb/r2/1 --title "Monthly supervision" --owner "Head of Service" \
    --start 2017-01-01 --due 2017-12-31

updates() { sql "$DB" "SELECT count(*) FROM action_update"; }
field() { sql "$DB" "SELECT $2 FROM action WHERE id = $1"; }

case_ "an update is appended and shown with author and note"
run action update tb/r1/1/1 --status "In progress" --note "Working group met; 40 fields listed"
expect_status 0
expect_out "not_started → in_progress"
expect_no_err
run action show tb/r1/1/1
expect_status 0
expect_out "Test Officer"
expect_out "Working group met; 40 fields listed"
expect_out "status: not_started → in_progress"
expect_out "History:"
expect_eq "$(field 1 status)" "in_progress" "status after update"

case_ "--by names the author; else SAFEPLAN_USER"
run action update 1 --note "Chased IT" --by "Jane Smith"
expect_status 0
run action show 1
expect_out "Jane Smith"
expect_eq "$(sql "$DB" "SELECT author FROM action_update ORDER BY id DESC LIMIT 1")" \
    "Jane Smith" "stored author"

case_ "an illegal transition exits 1, lists the allowed states, changes nothing"
before=$(fingerprint "$DB" "$DB-wal")
n=$(updates)
run action update 1 --status signed_off --evidence "fewer forms"
expect_status 1
expect_no_out
expect_err "allowed next states: complete, transferred, withdrawn"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database fingerprint"
expect_eq "$(updates)" "$n" "update count"
expect_eq "$(field 1 status)" "in_progress" "status"

case_ "the fingerprint does see a change"
run action update 1 --percent 40
expect_status 0
if [ "$(fingerprint "$DB" "$DB-wal")" != "$before" ]; then ok; else bad "fingerprint unchanged"; fi

case_ "a status change is never dated before the one it follows; a note may be logged late"
# A plan of its own (dated.db), so the counts below stay as they were.
for args in "init" "authority add tb --name Torbay" "review add tb r1 --kind other --title Review" \
            "finding add tb/r1 1 --kind recommendation --theme Practice --text Plans"; do
    eval "sp --db dated.db $args"
done
sp --db dated.db action add tb/r1/1 --title "Plans shared" --owner "Head of Service" \
    --start 2017-01-01 --due 2017-12-31
sp --db dated.db action update 1 --status in_progress --on 2017-05-02
run --db dated.db action update 1 --status complete --note "done" --on 2017-05-01
expect_status 1
expect_err "--on 2017-05-01 is before 2017-05-02, when action tb/r1/1/1 went from not_started to in_progress: a status change cannot be dated before the one it follows"
expect_eq "$(sql dated.db "SELECT status FROM action")" "in_progress" "still in progress"
run --db dated.db action update 1 --note "met in March" --on 2017-03-10
expect_status 0
run --db dated.db action update 1 --note "before the start" --on 2016-12-31
expect_status 1
expect_err "update date 2016-12-31 is before action tb/r1/1/1 started (2017-01-01)"
run --db dated.db action update 1 --status complete --note "done" --on 2017-05-02
expect_status 0
run --db dated.db action update 1 --status in_progress --reason "no evidence" --on 2017-04-30 --by Auditor
expect_status 1
expect_err "when action tb/r1/1/1 was claimed complete: a status change cannot be dated before the one it follows"
run --db dated.db action update 1 --status signed_off --evidence "audit" --by Auditor --on 2017-05-01
expect_status 1
expect_err "--on 2017-05-01 is before 2017-05-02, when action tb/r1/1/1 was claimed complete: a sign-off cannot be dated before the claim it signs off"
run --db dated.db action update 1 --status signed_off --evidence "audit" --by Auditor --on 2017-05-02
expect_status 0
run --db dated.db action show 1 --as-of 2017-05-01
expect_eq "$(awk '$1 == "status" {print $2}' "$OUT")" "not_started" "status on the day the refused change was dated"

case_ "a transfer is a status change: not dated before the one it follows"
# Each action it moves is checked as a single update is; one too early
# refuses the whole transfer.
sp --db dated.db action add tb/r1/1 --title "Plans audited" --owner "Head of Service" \
    --due 2017-12-31
sp --db dated.db action update 2 --status in_progress --on 2017-06-01
DB=dated.db refused "transfer date 2017-04-01 is before 2017-06-01, when action tb/r1/1/2 went from not_started to in_progress: a status change cannot be dated before the one it follows" \
    --db dated.db action transfer --review tb/r1 --to "Service plan" --on 2017-04-01
run --db dated.db action transfer --review tb/r1 --to "Service plan" --on 2017-06-01
expect_status 0
expect_out "transferred 1 open action to Service plan"

case_ "a due date whose weekday is not the date's is refused"
# "Wednesday 16 July 2019": 16 July 2019 was a Tuesday; a typo in one or
# the other, and which is not the importer's to guess.
DB=dated.db refused "due date 'Wednesday 16 July 2019' is ambiguous: the day of the week written is not the day of that date" \
    --db dated.db action add tb/r1/1 --title "Plans checked" --owner "Head of Service" \
    --due "Wednesday 16 July 2019"
run --db dated.db action add tb/r1/1 --title "Plans checked" --owner "Head of Service" \
    --due "Tuesday 16 July 2019"
expect_status 0
expect_out "due 2019-07-16"

case_ "completing needs a note; refused with exit 1 and nothing changed"
before=$(fingerprint "$DB" "$DB-wal")
run action update 1 --status complete
expect_status 1
expect_err "needs a note"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database fingerprint"

case_ "a revised due date resolves, is printed, and keeps the original"
run action update 1 --due "Q2 2017/18" --reason "IT supplier delay"
expect_status 0
expect_out "2017-03-31 → 2017-09-30"
expect_out "Due 2017-09-30, originally 2017-03-31 (slipped 183 days)"
expect_eq "$(field 1 due_on)" "2017-09-30" "due_on"
expect_eq "$(field 1 original_due_on)" "2017-03-31" "original_due_on"
run action show 1
expect_out "slipped 183 days"
expect_out "reason: IT supplier delay"

case_ "revising the due date needs a reason"
run action update 1 --due "Q3 2017/18"
expect_status 1
expect_err "needs a reason"
expect_eq "$(field 1 due_on)" "2017-09-30" "due_on unchanged"

case_ "bad timescales are refused, naming the text"
for bad in "Q5 2017/18" "31/02/2017" "end of Smarch" "13 months ago"; do
    run action update 1 --due "$bad" --reason "r"
    expect_status 1
    expect_err "'$bad'"
done
expect_eq "$(field 1 due_on)" "2017-09-30" "due_on unchanged"

case_ "an empty update is refused as misuse"
n=$(updates)
run action update 1
expect_status 2
expect_no_out
run action update 1 --reason "only a reason"
expect_status 2
expect_eq "$(updates)" "$n" "update count"

case_ "--on: a past date is kept; the future is refused"
run action update 1 --note "catching up" --on 15/06/2017
expect_status 0
expect_eq "$(sql "$DB" "SELECT on_date FROM action_update WHERE note = 'catching up'")" \
    "2017-06-15" "on_date"
run action update 1 --note "tomorrow" --on 2017-07-02
expect_status 1
expect_err "in the future"

case_ "RAG override with a reason, shown beside the computed rating"
run action update 1 --rag amber
expect_status 1
expect_err "needs a reason"
run action update 1 --rag red --reason "partner data late"
expect_status 0
run action show 1
expect_out "RAG as of 2017-07-01: red: override (partner data late); computed amber"
run action update 1 --rag none --reason "data arrived"
expect_status 0
run action show 1 --as-of 2017-10-02
expect_out "RAG as of 2017-10-02: red: 2 days past revised due date 2017-09-30"

case_ "complete, then sign off without evidence only with a reason"
run action update 1 --status complete --note "All unnecessary fields removed"
expect_status 0
run action update 1 --status "signed off"
expect_status 1
expect_err "evidence"
run action update 1 --status signed-off --no-evidence "impact to be audited in October" \
    --by "Head of Service"
expect_status 0
expect_eq "$(sql "$DB" "SELECT no_evidence_reason FROM action_update WHERE new_status = 'signed_off'")" \
    "impact to be audited in October" "no_evidence_reason"

case_ "history cannot be rewritten through the sqlite3 shell"
n=$(updates)
before=$(sql "$DB" "SELECT group_concat(note, '|') FROM action_update")
if sqlite3 -batch "$DB" "UPDATE action_update SET note = 'rewritten'" 2>"$ERR"; then
    bad "raw UPDATE succeeded"
else
    ok
fi
expect_err "append-only"
if sqlite3 -batch "$DB" "DELETE FROM action_update" 2>"$ERR"; then
    bad "raw DELETE succeeded"
else
    ok
fi
expect_err "append-only"
expect_eq "$(updates)" "$n" "update count"
expect_eq "$(sql "$DB" "SELECT group_concat(note, '|') FROM action_update")" "$before" "notes"

case_ "action history lists the entries as CSV"
run action history 1 --format csv
expect_status 0
expect_out "id,on_date,recorded_at,author,old_status,new_status"
expect_out "Working group met; 40 fields listed"
expect_eq "$(($(wc -l <"$OUT") - 1))" "$(sql "$DB" "SELECT count(*) FROM action_update WHERE action_id = 1")" \
    "history rows"

case_ "config set / get / list"
run config get rag.amber_days
expect_status 0
expect_eq "$(cat "$OUT")" "28" "default amber days"
run config set rag.amber_days 14
expect_status 0
expect_out "rag.amber_days = 14 (was 28)"
run config get rag.amber_days
expect_eq "$(cat "$OUT")" "14" "amber days"
expect_eq "$(sql "$DB" "SELECT value FROM setting WHERE key = 'rag.amber_days'")" "14" "stored"
run config set rag.amber_days lots
expect_status 1
expect_no_out
expect_err "rag.amber_days must be a whole number"
run config get rag.colour
expect_status 1
expect_err "known: rag.amber_days, rag.grace_days, rag.stale_days"
run config list --format csv
expect_status 0
expect_out "rag.amber_days,14,28,"
expect_out "rag.stale_days,60,60,"
run config set rag.amber_days
expect_status 2

case_ "reassign moves the owner's open actions and logs each"
run action reassign --from "Head of Service" --to "Principal Social Worker" --review tb/r1 \
    --reason "restructure"
expect_status 0
expect_out "reassigned 1 open action from Head of Service to Principal Social Worker"
expect_eq "$(sql "$DB" "SELECT count(*) FROM action_update WHERE note = 'reassigned from Head of Service to Principal Social Worker'")" \
    "1" "history entries"
run action reassign --from "Head of Service" --to "Principal Social Worker"
expect_status 0
expect_out "reassigned 1 open action"
expect_eq "$(sql "$DB" "SELECT count(*) FROM action x JOIN owner o ON o.id = x.owner_id WHERE o.name = 'Principal Social Worker'")" \
    "2" "actions owned"
run action show 2
expect_out "owner: Head of Service → Principal Social Worker"
run action reassign --from "Nobody" --to "Someone"
expect_status 1
expect_err "no owner 'Nobody'"
n=$(sql "$DB" "SELECT count(*) FROM change_set")
run action reassign --from "Head of Service" --to "A new owner for nothing" --reason "none left"
expect_status 0
expect_out "reassigned 0 open actions"
expect_eq "$(sql "$DB" "SELECT count(*) FROM owner WHERE name = 'A new owner for nothing'")" 0 \
    "moving nothing makes no owner"
expect_eq "$(sql "$DB" "SELECT count(*) FROM change_set")" "$n" "and records no change"
run action reassign --to "Someone"
expect_status 2

case_ "transfer moves a review's open actions and keeps the destination"
run action transfer --review tb/r1 --to "Children's Services service plan 2017/18" \
    --reason "year-end closure"
expect_status 0
expect_out "transferred 2 open actions to Children's Services service plan 2017/18"
expect_eq "$(sql "$DB" "SELECT count(*) FROM action WHERE status = 'transferred' AND transferred_to = 'Children''s Services service plan 2017/18'")" \
    "2" "transferred actions"
expect_eq "$(field 1 status)" "signed_off" "signed-off action untouched"
expect_eq "$(field 4 status)" "not_started" "other review untouched"
run action show 3
expect_out "RAG as of 2017-07-01: grey: transferred to Children's Services service plan 2017/18"
run action transfer --to "Somewhere"
expect_status 2
run action transfer --review tb/r1 --to "Again"
expect_status 0
expect_out "transferred 0 open actions"

case_ "a transferred action cannot move on"
run action update 3 --status in_progress
expect_status 1
expect_err "allowed next states: none"

case_ "--help of each new command exits 0 and shows its usage"
for cmd in "action update" "action history" "action reassign" "action transfer" \
    "config set" "config get" "config list" "action show"; do
    # shellcheck disable=SC2086
    run $cmd --help
    expect_status 0
    expect_out "Usage: safeplan $cmd"
    expect_no_err
done
run --help
expect_out "action update"
expect_out "config list"


case_ "RAG's staleness counts progress, not administration; an export keeps the clock"
# A plan of its own: one action with a note in February, then only
# administration (an override set and cleared, a reassignment, a revised
# due date). On 1 July it has had no progress for 150 days: amber, stale,
# whatever the later administration, and on the stale list too.
rm -f stale.db*
S() { "$SAFEPLAN_BIN" --db stale.db "$@" >/dev/null 2>"$ERR" || { cat "$ERR"; bad "setup: $*"; }; }
S init
S authority add sc --name "Stale County Council"
S review add sc r1 --kind other --title "Review"
S finding add sc/r1 1 --kind recommendation --theme "Theme" --text "Finding"
S action add sc/r1/1 --title "Write the strategy" --owner "Head of Service" --start 2017-01-01 --due 2017-12-31
S action update sc/r1/1/1 --note "First draft written" --on 2017-02-01
S action update sc/r1/1/1 --rag green --reason "on track, says the lead" --on 2017-03-01
S action update sc/r1/1/1 --rag none --reason "cleared" --on 2017-04-01
S action reassign --from "Head of Service" --to "Deputy Director" --reason "restructure" --on 2017-05-01
S action update sc/r1/1/1 --due 2018-03-31 --reason "partner delay" --on 2017-06-01
run --db stale.db action show sc/r1/1/1 --format json
expect_status 0
expect_eq "$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["rows"][0]; print(r["rag"], "|", r["rag_reason"], "|", r["last_update_on"])' "$OUT")" \
    "amber | amber: due date revised from 2017-12-31 to 2018-03-31 (90 days' slippage) | 2017-06-01" \
    "slipped shows first"
run --db stale.db export --format json
expect_eq "$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["rows"][0]; print(r["last_update_on"], r["last_progress_on"])' "$OUT")" \
    "2017-06-01 2017-02-01" "the export's last update and last progress"
run --db stale.db stale --days 60 --format csv
expect_out "sc/r1/1/1"
# Without the slip, the stale rule itself: a second action, administration only.
S action add sc/r1/1 --title "Hold the summit" --owner "Deputy Director" --start 2017-01-01 --due 2017-12-31
S action update sc/r1/1/2 --note "Venue booked" --on 2017-03-01
S action update sc/r1/1/2 --rag green --reason "on track" --on 2017-06-20
S action update sc/r1/1/2 --rag none --reason "cleared" --on 2017-06-25
run --db stale.db action show sc/r1/1/2 --format json
expect_eq "$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["rows"][0]; print(r["rag"], "|", r["rag_reason"])' "$OUT")" \
    "amber | amber: no progress for 122 days (last 2017-03-01)" "an override is not progress"
run --db stale.db summary --group-by status --rag amber --format json
expect_eq "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totals"]["total"])' "$OUT")" 2 \
    "summary counts both amber"
# move_plan TO: stale.db exported, imported into a new TO, exported again:
# the same bytes.
move_plan() {
    "$SAFEPLAN_BIN" --db stale.db export --out "$1.before.csv" >/dev/null
    "$SAFEPLAN_BIN" --db "$1" init >/dev/null 2>&1
    run --db "$1" import "$1.before.csv"
    expect_status 0
    "$SAFEPLAN_BIN" --db "$1" export --out "$1.after.csv" >/dev/null
    cmp -s "$1.before.csv" "$1.after.csv" && ok ||
        bad "the re-export differs: $(diff "$1.before.csv" "$1.after.csv" | head -4)"
}
# export -> import -> export: the same bytes, the clock kept.
move_plan moved.db
run --db moved.db action show sc/r1/1/2 --format json
expect_eq "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rows"][0]["rag_reason"])' "$OUT")" \
    "amber: no progress for 122 days (last 2017-03-01)" "the moved plan rates alike"
# An action whose only update is administration: its export row has an
# update and an empty last_progress_on, which means "no progress yet".
S action add sc/r1/1 --title "Audit the files" --owner "Quality Lead" --start 2017-01-01 --due 2017-12-31
S action reassign --from "Quality Lead" --to "Head of Service" --reason "cover" --on 2017-05-10
move_plan moved2.db
run --db moved2.db action show sc/r1/1/3 --format json
expect_eq "$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["rows"][0]; print(r["last_update_on"], "|", r["rag_reason"])' "$OUT")" \
    "2017-05-10 | amber: no progress for 181 days (started 2017-01-01)" \
    "a reassignment moved through CSV is still not progress"

case_ "a revised due date keeps its words: in the history, beside the date, and in show"
sp --db "$DB" action add tb/r2/1 --title "Agree the audit tool" --owner "Head of Service" \
    --start 2017-01-01 --due "End of September 2017"
ID=$(sql "$DB" "SELECT max(id) FROM action")
run --db "$DB" action update "$ID" --due "TBC - December 2017" --reason "partner delay" \
    --on 2017-05-01
expect_status 0
expect_out "    due date: 2017-09-30 → 2017-12-31"
expect_out "    as written: TBC - December 2017"
expect_out "Timescale as written: End of September 2017; revised: TBC - December 2017"
run --db "$DB" action history "$ID" --format csv
expect_out ",partner delay,TBC - December 2017"
run --db "$DB" action history "$ID" --format json
expect_out '"new_due_as_written": "TBC - December 2017"'
# A date typed as a date is its own words: nothing more to show.
run --db "$DB" action update "$ID" --due 2018-01-31 --reason "slipped again"
expect_status 0
expect_out_not "as written: 2018-01-31"
expect_out "Timescale as written: End of September 2017"
expect_out_not "revised:"
# Between the two revisions, show gives that day's due date and words;
# before the first, neither.
run --db "$DB" action show "$ID" --as-of 2017-06-30
expect_out "Timescale as written: End of September 2017; revised: TBC - December 2017"
run --db "$DB" action show "$ID" --as-of 2017-04-30
expect_out "Timescale as written: End of September 2017"
expect_out_not "revised:"

finish
