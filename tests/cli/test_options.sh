#!/usr/bin/env bash
# One option grammar (issue 12) and the misleading messages of issue 17
# items 9 and 11: each case reproduces the reported behaviour, checks the
# exit status and message, and that a refused command changed nothing.
. "$(dirname "$0")/lib.sh"

sp init
sp authority add torbay --name "Torbay"
sp owner add "Head of Service"
before=$(fingerprint "$SAFEPLAN_DB")

case_ "a value beginning with '-' is explained, not '?'"
run owner add "-1+1 #2"
expect_status 2
expect_err "unknown option '-1+1 #2'"
expect_err "goes after '--'"
expect_eq "$(fingerprint "$SAFEPLAN_DB")" "$before" "database unchanged"

case_ "the advice works: the value after '--'"
run owner add -- "-1+1 #2"
expect_status 0
expect_eq "$(sql "$SAFEPLAN_DB" "SELECT count(*) FROM owner WHERE name = '-1+1 #2'")" 1 "owner added"
before=$(fingerprint "$SAFEPLAN_DB")

case_ "due --within -- -5d names the option, not '--'"
run due --within -- -5d
expect_status 2
expect_err "option '--within' needs a value"
expect_err "--within=VALUE"
if grep -qF "'--' is not a number" "$ERR"; then bad "still calls '--' a number"; else ok; fi

case_ "a single-valued option given twice is misuse"
run owner add "Team Manager" --team A --team B
expect_status 2
expect_err "--team given twice"
expect_eq "$(fingerprint "$SAFEPLAN_DB")" "$before" "database unchanged"

case_ "--within given twice in a report"
run due --within 5 --within 6
expect_status 2
expect_err "--within given twice"

case_ "--db after the command"
run --db "$WORK/other.db" init
expect_status 0
run owner add "Other Owner" --db "$WORK/other.db"
expect_status 0
expect_eq "$(sql "$WORK/other.db" "SELECT count(*) FROM owner WHERE name = 'Other Owner'")" 1 "written to --db after the command"
expect_eq "$(fingerprint "$SAFEPLAN_DB")" "$before" "default database untouched"
run owner list --db="$WORK/other.db"
expect_status 0
expect_out "Other Owner"

case_ "--db before and after the command is given twice"
run --db "$WORK/other.db" owner list --db "$WORK/other.db"
expect_status 2
expect_err "--db given twice"

case_ "--db twice before the command is misuse too, whichever spelling"
for second in "--db $WORK/b.db" "--db=$WORK/b.db"; do
    run --db "$WORK/other.db" $second owner list
    expect_status 2
    expect_err "--db given twice"
done

case_ "--db after the command without a value"
run owner list --db
expect_status 2
expect_err "option '--db' needs a value"

case_ "--db= empty after the command"
run owner list --db=
expect_status 2
expect_err "--db needs a file name"

case_ "SAFEPLAN_TODAY with a leading space is refused"
SAFEPLAN_TODAY=" 2017-07-01" run overdue
expect_status 1
expect_err "SAFEPLAN_TODAY ' 2017-07-01' has spaces around the date"
expect_no_out

case_ "SAFEPLAN_TODAY with a trailing space is refused"
SAFEPLAN_TODAY="2017-07-01 " run overdue
expect_status 1
expect_err "has spaces around the date"

case_ "SAFEPLAN_TODAY well formed still works"
SAFEPLAN_TODAY="2017-07-01" run overdue
expect_status 0

case_ "output that cannot be written is a runtime error, whatever the command"
for cmd in "authority list" "owner list" "finding list" "verify" "check" "--version" \
           "config get rag.amber_days" "overdue" "help"; do
    # shellcheck disable=SC2086 # the words of the command
    "$SAFEPLAN_BIN" $cmd >/dev/full 2>"$ERR"; STATUS=$?
    expect_eq "$STATUS" 1 "$cmd to a full disk"
    grep -qE "cannot write output|the output could not be written" "$ERR" && ok ||
        bad "$cmd: no message: $(cat "$ERR")"
    "$SAFEPLAN_BIN" $cmd >&- 2>"$ERR"; STATUS=$?
    expect_eq "$STATUS" 1 "$cmd to a closed standard output"
done

case_ "digest --log with an option of sending is misuse, not ignored"
D=$WORK/digest-log.db
"$SAFEPLAN_BIN" --db "$D" init >/dev/null
for opt in "--as-of 2017-01-01" "--days 0" "--owner x" "--force" "--preview" "--sendmail"; do
    # shellcheck disable=SC2086 # the option and its value
    run --db "$D" digest --log $opt
    expect_status 2
    expect_err "--log lists the digests already sent, and takes only --format"
done
run --db "$D" digest --log --format csv
expect_status 0

case_ "undo of a change number past 64 bits is misuse, not the largest one"
run --db "$D" undo 9223372036854775808
expect_status 2
expect_err "CHANGE '9223372036854775808' is not a change number"

case_ "a schema version no safeplan writes is refused in words, and the file left alone"
sqlite3 "$D" "PRAGMA user_version = -1"
before=$(fingerprint "$D")
run --db "$D" overdue
expect_status 1
expect_err "has schema version -1, which no safeplan writes"
expect_err_not() { if grep -qF -- "$1" "$ERR"; then bad "stderr has '$1'"; else ok; fi; }
expect_err_not "internal error"
expect_eq "$(fingerprint "$D")" "$before" "the file after the refusal"

finish
