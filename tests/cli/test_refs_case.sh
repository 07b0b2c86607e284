#!/usr/bin/env bash
# References retyped in other capitals ("2024-PEER/R1/1A" for 2024-peer/r1/1a):
# a sheet imported again updates the actions it names, not new ones beside
# them, and says so once; a path typed on the command line finds the object.
# A reference held in two spellings is matched as written, or not at all.
. "$(dirname "$0")/lib.sh"
export SAFEPLAN_TODAY=2025-01-15
DB=$SAFEPLAN_DB
H='Review,Finding No,Ref,Recommendation,Action,Lead officer,Target date,Status'
actions() { sql "$DB" "SELECT group_concat(ref || '|' || status, ';') FROM (SELECT * FROM action ORDER BY id)"; }

plan() {
    fresh_plan
    sp review add tb 2024-peer --kind lga_peer_review --title "Peer review"
    printf '%s\n' "$H" '2024-peer,r1,1a,Rec one,Act one,Head of Service,31/12/2025,Not started' \
        '2024-peer,r1,1b,Rec one,Act two,Head of Service,31/12/2025,Not started' >first.csv
    run import first.csv --authority tb
    expect_status 0
}

case_ "a sheet imported again with its references in capitals updates the same actions"
plan
printf '%s\n' "$H" '2024-PEER,R1,1A,Rec one,Act one,Head of Service,31/12/2025,In progress' \
    '2024-Peer,r1,1B,Rec one,Act two,Head of Service,31/12/2025,Complete' >again.csv
run import again.csv --authority tb
expect_status 0
expect_out "created: 0 authorities, 0 reviews, 0 findings, 0 owners, 0 actions"
expect_out "updated: 2 actions"
expect_eq "$(actions)" "1a|in_progress;1b|complete" "the actions after the second import"
expect_err "again.csv:2:3: reference '1A' is the action '1a', written in other capitals"
expect_eq "$(grep -c 'written in other capitals' "$ERR")" "1" "notes of other capitals"
run import again.csv --authority tb
expect_status 0
expect_out "0 actions (a progress update appended to each); 2 unchanged"

case_ "a path in other capitals finds the action, the finding and the review"
plan
run action show TB/2024-PEER/R1/1A
expect_status 0
expect_out "tb/2024-peer/r1/1a"
run finding list tb/2024-Peer
expect_status 0
expect_out "Rec one"
run action update tb/2024-peer/R1/1B --status in_progress --note "Started" --by "Head of Service"
expect_status 0
expect_eq "$(actions)" "1a|not_started;1b|in_progress" "the update went to 1b"

case_ "a new reference in other capitals than one held is refused, and nothing changes"
plan
before=$(fingerprint "$DB")
refused "action 'tb/2024-peer/r1/1A' already exists, written 'tb/2024-peer/r1/1a' (a reference is matched in any capitals): expected another reference" \
    action add tb/2024-peer/r1 --ref 1A --title "Act three" --owner "Head of Service"
refused "finding 'tb/2024-PEER/R1' already exists, written 'tb/2024-PEER/r1'" \
    finding add tb/2024-PEER R1 --kind recommendation --theme Leadership --text "Rec two"
refused "review 'tb/2024-Peer' already exists, written 'tb/2024-peer'" \
    review add tb 2024-Peer --kind lga_peer_review --title "Peer review again"
expect_eq "$(fingerprint "$DB")" "$before" "the plan after the refusals"

case_ "a correction may change a reference's own capitals, not take another's"
plan
refused "--ref 1A: another action under the same parent is '1a' (a reference is matched in any capitals): choose another" \
    action edit tb/2024-peer/r1/1b --ref 1A --reason "Typed wrongly" --by "Plan clerk"
sp finding add tb/2024-peer r2 --kind recommendation --theme Leadership --text "Rec two"
refused "--ref R1: another finding under the same parent is 'r1'" \
    finding edit tb/2024-peer/r2 --ref R1 --reason "Typed wrongly" --by "Plan clerk"
sp action add tb/2024-peer/r2 --ref 1B --title "Act four" --owner "Head of Service"
refused "action 'tb/2024-peer/r2/1b' already exists, written 'tb/2024-peer/r2/1B'" \
    action edit tb/2024-peer/r1/1b --finding tb/2024-peer/r2 --reason "Moved" --by "Plan clerk"
run action edit tb/2024-peer/r1/1a --ref 1A --reason "As the council writes it" --by "Plan clerk"
expect_status 0
expect_eq "$(actions)" "1A|not_started;1b|not_started;1B|not_started" \
    "the reference in its new capitals"

case_ "a file's own two spellings are two actions, and each is then matched as written"
plan
printf '%s\n' "$H" '2024-peer,r1,1a,Rec one,Act one,Head of Service,31/12/2025,In progress' \
    '2024-peer,r1,1A,Rec one,Act three,Head of Service,31/12/2025,Not started' >both.csv
run import both.csv --authority tb
expect_status 0
expect_out "created: 0 authorities, 0 reviews, 0 findings, 0 owners, 1 action"
expect_eq "$(actions)" "1a|in_progress;1b|not_started;1A|not_started" "after the file of both"
run action show tb/2024-peer/r1/1A
expect_status 0
expect_out "Act three"
run action show tb/2024-peer/r1/1a
expect_status 0
expect_out "Act one"
printf '%s\n' "$H" '2024-peer,r1,1A,Rec one,Act three,Head of Service,31/12/2025,In progress' \
    >held.csv
run import held.csv --authority tb
expect_status 0
expect_eq "$(actions)" "1a|in_progress;1b|not_started;1A|in_progress" "the one written so"
if grep -qF "other capitals" "$ERR"; then bad "a note of other capitals"; else ok; fi

case_ "a new review's findings are as the file writes them, and a history file keeps them so"
fresh_plan
printf '%s\n' 'Review,Review title,Finding No,Ref,Recommendation,Action,Lead officer,Target date' \
    '2024-new,New review,r1,1,Rec one,Act one,Head of Service,31/12/2025' \
    '2024-new,New review,R1,1,Rec two,Act two,Head of Service,31/12/2025' >new.csv
run import new.csv --authority tb
expect_status 0
expect_out "created: 0 authorities, 1 review, 2 findings, 1 owner, 2 actions"
run export --history --out history.csv
expect_status 0
rm -f "$DB" "$DB-wal" "$DB-shm"
sp init
run import history.csv
expect_status 0
expect_eq "$(sql "$DB" "SELECT group_concat(ref || '|' || text, ';') FROM (SELECT * FROM finding ORDER BY text)")" \
    "r1|Rec one;R1|Rec two" "the findings rebuilt from the history"

finish
