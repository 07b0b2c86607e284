#!/usr/bin/env bash
# Status words that say where an action went ("Transferred to service
# plan", "Transferred - business as usual"): the status is transferred and
# the words are its destination, unless the Transferred to column says
# (then the two must agree). A transfer with no destination anywhere is
# refused, naming its row and column. Every refusal changes nothing.
. "$(dirname "$0")/lib.sh"
export SAFEPLAN_TODAY=2024-07-15
DB=$SAFEPLAN_DB
dest() { sql "$DB" "SELECT status || '|' || coalesce(transferred_to, '') FROM action WHERE ref = '$1'"; }
H='Ref,Recommendation,What we will do,Lead officer,Target date,Status'

case_ "the words after 'to' or the dash are the destination"
fresh_plan
cat >words.csv <<CSV
$H
1.1,Rec 1,Act one,Lead,31/12/2024,Transferred to service plan
1.2,Rec 1,Act two,Lead,31/12/2024,Transferred to BAU
1.3,Rec 1,Act three,Lead,31/12/2024,Transferred - business as usual
1.4,Rec 1,Act four,Lead,31/12/2024,TRANSFERRED TO the Early Help strategy
1.5,Rec 1,Act five,Lead,31/12/2024,Transferred – Health partner
CSV
run import words.csv --authority tb
expect_status 0
expect_eq "$(dest 1.1)" "transferred|service plan" "Transferred to service plan"
expect_eq "$(dest 1.2)" "transferred|BAU" "Transferred to BAU"
expect_eq "$(dest 1.3)" "transferred|business as usual" "Transferred - business as usual"
expect_eq "$(dest 1.4)" "transferred|the Early Help strategy" "TRANSFERRED TO the Early Help strategy"
expect_eq "$(dest 1.5)" "transferred|Health partner" "an en dash"

case_ "the Transferred to column, when it says something, must agree"
fresh_plan
cat >column.csv <<CSV
$H,Transferred to
1.1,Rec 1,Act one,Lead,31/12/2024,Transferred to BAU,business as usual
CSV
refused "column.csv:2:6: status 'Transferred to BAU' transfers the action to 'BAU', but its transferred_to cell says 'business as usual'" \
    import column.csv --authority tb
cat >agree.csv <<CSV
$H,Transferred to
1.1,Rec 1,Act one,Lead,31/12/2024,Transferred to Service Plan,service  plan
1.2,Rec 1,Act two,Lead,31/12/2024,Transferred to,Health partner
1.3,Rec 1,Act three,Lead,31/12/2024,Transferred,Health partner
CSV
run import agree.csv --authority tb
expect_status 0
expect_eq "$(dest 1.1)" "transferred|service  plan" "the same place, spelled otherwise: the column's"
expect_eq "$(dest 1.2)" "transferred|Health partner" "'Transferred to' and the column"
expect_eq "$(dest 1.3)" "transferred|Health partner" "'Transferred' and the column"

case_ "a transfer with no destination anywhere is refused"
fresh_plan
cat >plain.csv <<CSV
$H
1.1,Rec 1,Act one,Lead,31/12/2024,Transferred
CSV
refused "plain.csv:2:6: status 'Transferred' does not say where the action was transferred: expected a \"Transferred to\" column naming where, or the status written \"Transferred to <where>\"" \
    import plain.csv --authority tb

case_ "an existing action: transferred by the words, or refused without them"
fresh_plan
printf '%s\n' "$H" '1.1,Rec 1,Act one,Lead,31/12/2024,In progress' >first.csv
run import first.csv --authority tb
expect_status 0
printf '%s\n' "$H" '1.1,Rec 1,Act one,Lead,31/12/2024,Transferred' >plain2.csv
refused "plain2.csv:2:6: status 'Transferred' does not say where the action was transferred" \
    import plain2.csv --authority tb
printf '%s\n' "$H" '1.1,Rec 1,Act one,Lead,31/12/2024,Transferred to service plan' >moved.csv
run import moved.csv --authority tb
expect_status 0
expect_out "updated: 1 action (a progress update appended to each); 0 unchanged"
expect_eq "$(dest 1.1)" "transferred|service plan" "the transfer recorded"
expect_eq "$(sql "$DB" "SELECT new_status || '|' || transferred_to FROM action_update")" \
    "transferred|service plan" "as an update"
run import plain2.csv --authority tb
expect_status 0
expect_out "0 actions (a progress update appended to each); 1 unchanged"

finish
