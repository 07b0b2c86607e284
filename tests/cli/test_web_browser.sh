#!/usr/bin/env bash
# The web service in a real browser (tests/browser/web.mjs in Debian's
# chromium): the real server on loopback over the example plan, an account
# for each role; axe-core (WCAG 2.2 AA) on every page each role reaches,
# keyboard-only journeys with JavaScript on and off, reflow at 320 px and
# 200% zoom. SP_SHOTS=DIR keeps screenshots of every page to look at.
. "$(dirname "$0")/lib.sh"

if [ ! -x /usr/bin/chromium ] || [ ! -d "$SP_SOURCE_DIR/node_modules/playwright-core" ]; then
    echo "needs /usr/bin/chromium and 'npm ci' in $SP_SOURCE_DIR (scripts/install-deps.sh, .ci/run)" >&2
    exit 77
fi

sp demo
# The officer owns the first overdue action in Leicester (so it heads the
# Overdue list they tab through): their journey's.
read -r owner_id action_id < <("$SAFEPLAN_BIN" overdue --authority leicester --format json |
    python3 -c 'import json, sqlite3, sys
r = json.load(sys.stdin)["rows"][0]
(owner,) = sqlite3.connect(sys.argv[1]).execute("SELECT id FROM owner WHERE name = ?", (r["owner"],)).fetchone()
print(owner, r["id"])' plan.db)
adduser() { echo "$2" | "$SAFEPLAN_BIN" user add "$1" "${@:3}" >/dev/null 2>"$ERR" || {
    echo "setup failed: user add $1" >&2; cat "$ERR" >&2; exit 1; }; }
adduser viewer1 "viewer-pass-1" --role viewer --authority leicester
adduser officer1 "officer-pass-1" --role officer --owner "$owner_id" --authority leicester
adduser manager1 "manager-pass-1" --role manager --authority all
adduser clerk1 "clerk-pass-12" --role clerk --authority all
adduser admin1 "admin-pass-12" --role admin --authority all

start_server

# The clerk's import: a column no field has and one of undatable progress.
printf 'authority,review,review_kind,review_title,finding,action,owner,due_on,status,Risk,Progress Q2\r\n' >upload.csv
printf 'leicester,web1,other,Web review,Finding one,Do the thing,Head of service,2031-03-31,in_progress,High,On track\r\n' >>upload.csv

cat >setup.json <<JSON
{"base": "$BASE",
 "accounts": [{"name": "viewer1", "password": "viewer-pass-1", "role": "viewer"},
              {"name": "officer1", "password": "officer-pass-1", "role": "officer"},
              {"name": "manager1", "password": "manager-pass-1", "role": "manager"},
              {"name": "clerk1", "password": "clerk-pass-12", "role": "clerk"},
              {"name": "admin1", "password": "admin-pass-12", "role": "admin"}],
 "journey": {"name": "officer1", "password": "officer-pass-1", "action": "/actions/$action_id"},
 "upload": {"name": "clerk1", "password": "clerk-pass-12", "file": "$WORK/upload.csv"},
 "shots": "${SP_SHOTS:-}"}
JSON

case_ "axe on every page in every role, keyboard journeys, reflow"
node "$SP_SOURCE_DIR/tests/browser/web.mjs" setup.json >"$OUT" 2>"$ERR"
STATUS=$?
cat "$OUT"
expect_status 0
grep -q '^FAIL' "$OUT" && bad "$(grep '^FAIL' "$OUT" | head -5)" || ok
expect_out "PASS: keyboard journey, JavaScript on: the update is in the history"
expect_out "PASS: keyboard journey, JavaScript off: the update is in the history"
expect_out "PASS: time-out warning: shown 2 minutes before the end"
expect_out "PASS: time-out warning: after Escape, the page and what was typed are kept"
expect_out "PASS: time-out warning: left alone, says the session has ended"
expect_out "PASS: keyboard journey, JavaScript on: no script or security-policy errors"
expect_out "PASS: import: the dry run warns of the columns that will not be imported"
expect_out "PASS: axe clerk /import (dry run)"
expect_out "PASS: axe clerk /import/confirm (result)"
expect_out "PASS: import: an option refused is shown in the options, open"
expect_out "PASS: axe clerk /import (options open, one refused)"

case_ "the journeys' updates are in the database, by the officer's account"
expect_eq "$(sql plan.db "SELECT count(*) FROM action_update WHERE action_id=$action_id
  AND author='officer1' AND note LIKE 'Keyboard update %'")" 2 "updates"

finish
