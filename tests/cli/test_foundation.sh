#!/usr/bin/env bash
# Foundation: help, init, adding and listing, and every bad input the
# foundation issue names — each with its exit status, a message on stderr,
# nothing on stdout, and every file left exactly as it was.
. "$(dirname "$0")/lib.sh"

case_ "help"
run --help; expect_status 0; expect_out "Usage: safeplan"; expect_out "action add"; expect_no_err
run action add --help; expect_status 0; expect_out "--due WHEN"; expect_out "Q2 2017/18"; expect_no_err
run help action add; expect_status 0; expect_out "Usage: safeplan action add"
run --version; expect_status 0; expect_out "safeplan "

case_ "every command has help that starts with its usage"
for cmd in $("$SAFEPLAN_BIN" --help | sed -n '/^Commands:/,$p' | awk 'NR>1 {print $1 "_" $2}'); do
    words=${cmd//_/ }
    words=${words% -*}
    # Two-word commands have a lower-case second word; summaries do not start one.
    set -- $words
    if "$SAFEPLAN_BIN" "$1" "$2" --help >/dev/null 2>&1; then
        run "$1" "$2" --help; expect_out "Usage: safeplan"
    else
        run "$1" --help; expect_status 0; expect_out "Usage: safeplan"
    fi
done

case_ "init creates a private safeplan database"
run init; expect_status 0; expect_out "schema version"
expect_eq "$(stat -c %a plan.db)" "600" "file mode"
expect_eq "$(sql plan.db 'PRAGMA application_id')" "1397771342" "application_id"
expect_eq "$(sql plan.db 'PRAGMA user_version')" "$("$SAFEPLAN_BIN" --version | sed 's/.*schema version \([0-9]*\).*/\1/')" "user_version"

case_ "adding and listing"
sp authority add torbay --name "Torbay Council"
sp review add torbay 2012-peer --kind "LGA peer review" --title "LGA safeguarding peer review" --from 21/05/2012 --to 25/05/2012
sp finding add torbay/2012-peer 3 --kind "Area for consideration" --theme "Capacity and managing resources" --text "Streamline paperwork, so that social workers spend more time with children"
run action add torbay/2012-peer/3 --title "Remove unnecessary ICS fields" --owner "Head of Safeguarding and QA" --due "end of July 2012" --start 2012-06-01
expect_status 0; expect_out "torbay/2012-peer/3/1"; expect_out "due 2012-07-31"; expect_no_err
run action list --format json; expect_status 0
expect_eq "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["rows"]; print(d[0]["due_on"], d[0]["owner"])' "$OUT")" "2012-07-31 Head of Safeguarding and QA" "json list"
run finding list --format csv; expect_status 0
expect_eq "$(python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1], newline=""))); print(len(r), r[0]["text"])' "$OUT")" "1 Streamline paperwork, so that social workers spend more time with children" "csv list"
run review list; expect_status 0; expect_out "torbay/2012-peer"; expect_out "2012-05-21"
run owner list; expect_status 0; expect_out "Head of Safeguarding and QA"
run owner add "LSCB Business Manager" --team "Leicester Safeguarding Children Board" --email lscb@example.org
expect_status 0; expect_out "added owner"; expect_out "LSCB Business Manager"; expect_no_err
run owner list --format json; expect_status 0
expect_eq "$(python3 -c 'import json,sys; d={o["name"]: o for o in json.load(open(sys.argv[1]))["rows"]}; o=d["LSCB Business Manager"]; print(o["team"], o["email"], o["open_count"])' "$OUT")" \
    "Leicester Safeguarding Children Board lscb@example.org 0" "owner added with team and email"
run action show torbay/2012-peer/3/1; expect_status 0; expect_out "Remove unnecessary ICS fields"

# bad CMD...: runs a command that must fail with STATUS, a message naming
# TEXT on stderr, nothing on stdout, and no file changed.
bad_case() {
    local status=$1 text=$2; shift 2
    local before; before=$(fingerprint plan.db plan.db-wal)
    run "$@"
    expect_status "$status"; expect_err "$text"; expect_no_out
    expect_eq "$(fingerprint plan.db plan.db-wal)" "$before" "files unchanged after: $*"
}

case_ "misuse exits 2 with a usage line"
bad_case 2 "no command 'frobnicate'" frobnicate
bad_case 2 "unknown option '--colour'" action list --colour
bad_case 2 "Usage: safeplan action add" action add torbay/2012-peer/3 --title x --due 2017-01-01
bad_case 2 "missing --owner" action add torbay/2012-peer/3 --title x --due 2017-01-01
bad_case 2 "missing argument" finding add torbay/2012-peer --kind strength --theme t --text x
bad_case 2 "needs a value" action add torbay/2012-peer/3 --title
bad_case 2 "needs a subcommand" action
bad_case 2 "unknown command 'action frob'" action frob
bad_case 2 "unknown option '--nope'" --nope init
bad_case 2 "--format 'xml'" action list --format xml

case_ "runtime errors exit 1 naming the value"
bad_case 1 "'2017-02-30'" review add torbay r2 --kind other --title t --from 2017-02-30
bad_case 1 "'31/13/2017'" action add torbay/2012-peer/3 --title x --owner o --due 31/13/2017
bad_case 1 "'yesterday'" action add torbay/2012-peer/3 --title x --owner o --due yesterday
bad_case 1 "no authority 'leicester'" review add leicester 2017 --kind other --title t
bad_case 1 "no review 'torbay/2013'" finding add torbay/2013 1 --kind strength --theme t --text x
bad_case 1 "no finding 'torbay/2012-peer/9'" action add torbay/2012-peer/9 --title x --owner o --due 2017-01-01
bad_case 1 "no owner with id 77" action add torbay/2012-peer/3 --title x --owner 77 --due 2017-01-01
bad_case 1 "authority 'torbay' already exists" authority add torbay --name Torbay
bad_case 1 "owner 'lscb business manager' already exists" owner add "lscb business manager"
bad_case 1 "is not an email address" owner add "Head of Early Help" --email nowhere
bad_case 1 "already exists" finding add torbay/2012-peer 3 --kind strength --theme t --text x
bad_case 1 "title must not be empty" action add torbay/2012-peer/3 --title "  " --owner o --due 2017-01-01
bad_case 1 "no action 'torbay/2012-peer/3/7'" action show torbay/2012-peer/3/7

case_ "database files that are not ours are refused untouched"
mkdir -p other
bad_case 1 "directory does not exist" --db "$WORK/no/such/dir/plan.db" init
[ ! -e "$WORK/no" ] && ok || bad "created a directory"
printf 'Minutes of the scrutiny panel, 3 January 2017.\n%.0s' {1..100} > other/notes.txt
before=$(fingerprint other/notes.txt)
run --db other/notes.txt authority list
expect_status 1; expect_err "not a SQLite database"; expect_no_out
expect_eq "$(fingerprint other/notes.txt)" "$before" "text file unchanged"
sql other/foreign.db "CREATE TABLE minutes (x); INSERT INTO minutes VALUES (1);"
before=$(fingerprint other/foreign.db)
run --db other/foreign.db init
expect_status 1; expect_err "not a safeplan one"; expect_no_out
expect_eq "$(fingerprint other/foreign.db)" "$before" "foreign database unchanged"
cp plan.db other/newer.db
sql other/newer.db "PRAGMA user_version = 99"
before=$(fingerprint other/newer.db)
run --db other/newer.db action list
expect_status 1; expect_err "newer safeplan"; expect_no_out
expect_eq "$(fingerprint other/newer.db)" "$before" "newer database unchanged"
run --db other/absent.db action list
expect_status 1; expect_err "safeplan init"; expect_no_out
[ ! -e other/absent.db ] && ok || bad "a read command created a database"

case_ "demo loads the example plan once and lists overdue actions"
run --db demo.db demo
expect_status 0; expect_out "Overdue as of 2017-07-01"; expect_out "days_overdue"
expect_eq "$(sql demo.db 'SELECT count(*) FROM authority')" "5" "authorities"
[ "$(sql demo.db 'SELECT count(*) FROM finding')" -ge 60 ] && ok || bad "fewer than 60 findings"
[ "$(sql demo.db 'SELECT count(*) FROM action')" -ge 40 ] && ok || bad "fewer than 40 actions"
counts=$(sql demo.db 'SELECT (SELECT count(*) FROM action), (SELECT count(*) FROM action_update)')
run --db demo.db demo --as-of 2016-12-31
expect_status 0; expect_out "0 actions added"; expect_out "Overdue as of 2016-12-31"
expect_eq "$(sql demo.db 'SELECT (SELECT count(*) FROM action), (SELECT count(*) FROM action_update)')" "$counts" "demo twice adds nothing"
expect_eq "$(stat -c %a demo.db)" "600" "demo file mode"

finish
