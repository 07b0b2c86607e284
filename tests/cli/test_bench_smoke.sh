#!/usr/bin/env bash
# The benchmark harness (bench/run.sh) in its quick smoke mode, against the
# built binary: it must run end to end, check that each sqlite3 baseline
# gives safeplan's rows, and print a ratio for every benchmark. No timing
# is asserted: the figures belong in bench/RESULTS.md, not in a test.
. "$(dirname "$0")/lib.sh"

BENCH=$SP_SOURCE_DIR/bench

case_ "run.sh --smoke runs every benchmark and prints ratios"
"$BENCH/run.sh" --smoke --keep --in-a-row 5 --bin "$SAFEPLAN_BIN" --work "$WORK/bench" \
    >"$OUT" 2>"$ERR" </dev/null
STATUS=$?
expect_status 0
for bench in "import (export format)" "import (council sheet)" "overdue --format csv" \
    "summary --by theme" "summary --by theme (vs plain GROUP BY)" "| export |" "| one update |" "| 5 updates in a row |" \
    "| filtered: overdue --owner |" "| filtered: overdue --authority |" \
    "| table: overdue --authority |" \
    "| filtered: overdue --review |" "| filtered: overdue --finding |" \
    "| filtered: overdue --authority --owner |" "| filtered: stale --owner |" \
    "| filtered: summary --by theme --owner |" "| filtered: summary --by owner --authority |" \
    "| filtered: summary --by theme --authority |" \
    "| filtered: export --owner |" "| filtered: export --authority |" \
    "| filtered: action list --owner (web: My actions) |" \
    "| filtered: summary --by status --review (web) |" "| list: owner list |" "| verify |" \
    "| web: action page (action show) |"; do
    expect_out "$bench"
done
# A ratio of medians (e.g. "| 0.93× |") in the wall-time ratio column of
# each of the 25 rows.
expect_eq "$(grep -cE '^\| [^|]+ \|[^|]+\|[^|]+\| [0-9]+\.[0-9]{2}× \|' "$OUT")" 25 "rows with a ratio"
# Each filtered list gave the rows of the same filtered query in the shell.
expect_eq "$(grep -c '^  filtered: .*: same [0-9]* rows and header' "$OUT")" 13 "filtered lists checked"
expect_out "list: owner list: same "
expect_out "verify: both sides find the history intact"
expect_out "Targets missed:"
expect_out "overdue --format csv: same "
expect_out "summary --by theme: same 10 rows and header"
expect_out "summary --by theme (vs plain GROUP BY): same 10 rows and header"
expect_out "export: same 20000 rows and header"
expect_out "import (council sheet): 20000 actions and 20000 flat rows"
expect_out "updates: 32 progress updates appended, as expected"
expect_eq "$(grep -c 'USING INDEX action_open_due' "$WORK/bench/eqp.txt")" 2 \
    "overdue plans (safeplan and baseline) on the partial index"

case_ "the equivalence check fails when the baseline differs"
printf 'a,b\r\n1,x\r\n' >"$WORK/ours.csv"
printf 'a,b\n1,y\n' >"$WORK/theirs.csv"
python3 "$BENCH/tool.py" same test "$WORK/ours.csv" "$WORK/theirs.csv" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status 1
expect_out "row 1 differs"
case_ "the check ignores only the formula guard and CSV quoting"
printf '\xef\xbb\xbfa,b\r\n"'"'"'-x",y\r\n' >"$WORK/ours.csv"
printf 'a,b\n-x,"y"\n' >"$WORK/theirs.csv"
python3 "$BENCH/tool.py" same test "$WORK/ours.csv" "$WORK/theirs.csv" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status 0
expect_out "same 1 rows"

case_ "bad options are misuse (exit 2)"
"$BENCH/run.sh" --actions lots --bin "$SAFEPLAN_BIN" >"$OUT" 2>"$ERR" </dev/null
STATUS=$?
expect_status 2
expect_err "--actions needs a positive whole number, not 'lots'"
expect_no_out

case_ "web-pages.sh times every page over HTTP on the bench plan"
SAFEPLAN_BIN=$SAFEPLAN_BIN "$BENCH/web-pages.sh" "$WORK/bench/base.db" 3 >"$OUT" 2>"$ERR" </dev/null
STATUS=$?
expect_status 0
expect_out "20000 actions; authority "
for page in "overdue, all authorities, page 21" "overdue --owner" "plan, all authorities" \
    "plan --authority, page [0-9]+" "action page \(20 actions in turn\)" "officer: My actions" \
    "one-authority account: plan, page [0-9]+" "summary by theme --authority"; do
    grep -qE "^$page +3 +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9]+$" "$OUT" &&
        ok || bad "no line for $page"
done
expect_out '"errors":[]'

finish
