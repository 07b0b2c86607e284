#!/usr/bin/env bash
# Load on the web service: the real server on loopback over the example
# plan, CLIENTS signed-in sessions updating for SECONDS (bench/web-load.mjs)
# while the CLI, in turn, exports the plan, appends its own update and
# imports a sheet with one new action, on the same file. Then: every update
# the server accepted is in the history exactly once, attributed to the
# account; the CLI's updates and imported actions are all there; `safeplan
# verify` passes. Prints the figures (latency p50/p95 per kind of request).
#
#   bench/web-load.sh [CLIENTS [SECONDS]]     (default 20 clients, 60 s)
#
# SAFEPLAN_BIN names the binary (default ./build/safeplan). Exit 0 if no
# request failed and nothing was lost, 1 otherwise. Figures are not
# asserted: on a shared machine they say more about the machine.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${SAFEPLAN_BIN:-$root/build/safeplan}")
clients=${1:-20}
seconds=${2:-60}
work=$(mktemp -d "${TMPDIR:-/tmp}/sp-web-load-XXXXXX")
export SAFEPLAN_DB=$work/plan.db
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "web-load: $*" >&2; exit 1; }

"$bin" demo >/dev/null || fail "demo failed"
echo "manager-load-pass" | "$bin" user add loadmgr --role manager --authority all >/dev/null ||
    fail "user add failed"
# Open actions to update: the web's twenty, and one the CLI updates.
mapfile -t ids < <(sqlite3 "$SAFEPLAN_DB" "SELECT id FROM action
    WHERE status IN ('not_started','in_progress') ORDER BY id LIMIT $((clients + 1))")
cli_action=${ids[-1]}
unset 'ids[-1]'

"$bin" serve --listen 127.0.0.1:0 2>"$work/serve.log" &
server=$!
for _ in $(seq 50); do grep -q "serving on" "$work/serve.log" && break; sleep 0.1; done
base=$(sed -n 's|.*serving on \(http://[^ ]*\)/ .*|\1|p' "$work/serve.log")
[ -n "$base" ] || fail "server did not start: $(cat "$work/serve.log")"

# The CLI at the same time: an export, an update and an import (a sheet of
# one new action, in a council of its own) in turn, until the end.
(
    end=$((SECONDS + seconds)) n=0
    while [ $SECONDS -lt "$end" ]; do
        "$bin" export --out "$work/export.csv" >/dev/null 2>>"$work/cli.err" || echo "export failed" >>"$work/cli.fail"
        "$bin" action update "$cli_action" --note "load cli update $n" --by "CLI officer" \
            >/dev/null 2>>"$work/cli.err" || echo "update failed" >>"$work/cli.fail"
        printf '%s\r\n%s\r\n' \
            "authority,authority_name,review,review_title,finding_ref,finding,action_ref,action,owner,due_on" \
            "loadtest,Load Test Council,r1,Load review,1,Load finding,cli-$n,Imported under load $n,CLI officer,2030-12-31" \
            >"$work/sheet.csv"
        "$bin" import "$work/sheet.csv" >/dev/null 2>>"$work/cli.err" || echo "import failed" >>"$work/cli.fail"
        n=$((n + 1))
    done
    echo "$n" >"$work/cli.count"
) &
cli=$!

node "$root/bench/web-load.mjs" "$base" loadmgr manager-load-pass "$clients" "$seconds" "${ids[@]}" \
    >"$work/result.json"
status=$?
wait "$cli"

python3 - "$work/result.json" "$SAFEPLAN_DB" "$(cat "$work/cli.count")" "$work/cli.fail" <<'PY' || status=1
import json, os, sqlite3, sys
r = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
cli_count = int(sys.argv[3])
web = db.execute("SELECT note, author FROM action_update WHERE note LIKE 'load client %'").fetchall()
notes = [n for n, _ in web]
lost = set(r["accepted"]) - set(notes)
extra = len(notes) - len(r["accepted"])
authors = {a for _, a in web}
cli = db.execute("SELECT count(*) FROM action_update WHERE note LIKE 'load cli update %'").fetchone()[0]
imported = db.execute("SELECT count(*) FROM action WHERE ref LIKE 'cli-%' AND finding_id IN "
                      "(SELECT f.id FROM finding f JOIN review r ON r.id = f.review_id "
                      "JOIN authority a ON a.id = r.authority_id WHERE a.code = 'loadtest')").fetchone()[0]
cli_failed = os.path.exists(sys.argv[4])
print(f"{r['clients']} clients for {r['seconds']} s: {r['requests']} requests "
      f"({r['per_second']}/s), {r['errors']} errors {r['first_errors']}")
print("kind      count   p50 ms   p95 ms   max ms")
for kind, l in r["latency_ms"].items():
    print(f"{kind:8} {l['count']:6} {l['p50']:8} {l['p95']:8} {l['max']:8}")
print(f"updates accepted {len(r['accepted'])}, in the history {len(notes)}, lost {len(lost)}, "
      f"duplicated {max(extra, 0)}, authors {sorted(authors)}")
print(f"CLI alongside: {cli_count} exports, {cli} updates and {imported} imported actions "
      f"recorded of {cli_count}{', some CLI commands FAILED' if cli_failed else ''}")
ok = (not lost and extra == 0 and authors <= {"loadmgr"} and cli == cli_count
      and imported == cli_count and not cli_failed)
sys.exit(0 if ok and r["errors"] == 0 else 1)
PY
"$bin" verify >"$work/verify.out" 2>&1 || { cat "$work/verify.out"; status=1; }
echo "verify: $(tail -1 "$work/verify.out")"
[ -s "$work/cli.err" ] && { echo "CLI messages:"; sort "$work/cli.err" | uniq -c | head -5; }
exit $status
