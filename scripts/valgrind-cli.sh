#!/usr/bin/env bash
# Runs the black-box CLI tests (tests/cli/test_*.sh) with every safeplan
# invocation under valgrind memcheck, and fails on any memory error or
# definite leak.
#
#   scripts/valgrind-cli.sh BUILD_DIR [TEST_NAME...]   e.g. build test_foundation
#
# Each invocation of the binary goes through a wrapper that runs
#   valgrind --error-exitcode=99 --leak-check=full
#            --errors-for-leak-kinds=definite -q <real binary>
# so an error changes the exit status the test checks, and valgrind's
# report goes to a log file (not the test's stderr, which tests compare).
# Any non-empty log fails the run, even if the test ignored the status.
# Scripts that say "# valgrind: skip" on a line of their own (the SIGKILL
# and large-volume tests, whose timing valgrind's 20-50x slowdown breaks)
# are left out. Two scripts run at a time.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: $0 BUILD_DIR [TEST_NAME...]}" && pwd)
shift
bin=$build/safeplan
[ -x "$bin" ] || { echo "no binary at $bin" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }

logs=$(mktemp -d "${TMPDIR:-/tmp}/sp-valgrind-XXXXXX")
# Some tests run the binary as an unprivileged user: they must be able to
# run the wrapper and write their log.
chmod 1777 "$logs"
wrapper=$logs/safeplan
cat >"$wrapper" <<WRAP
#!/bin/sh
exec valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite -q --log-file="$logs/vg.%p.log" "$bin" "\$@"
WRAP
chmod 755 "$wrapper"

tests=()
if [ $# -gt 0 ]; then
    for t in "$@"; do tests+=("$root/tests/cli/$t.sh"); done
else
    for t in "$root"/tests/cli/test_*.sh; do
        grep -qx '# valgrind: skip' "$t" || tests+=("$t")
    done
fi

run_one() {
    local t=$1 name out
    name=$(basename "$t" .sh)
    out=$logs/$name.out
    if SAFEPLAN_BIN=$wrapper SP_SOURCE_DIR=$root SP_SHARED_DIR=$root/../shared \
       SP_BUILD_DIR=$build SP_UNDER_VALGRIND=1 bash "$t" >"$out" 2>&1; then
        echo "ok    $name: $(tail -1 "$out")"
    else
        echo "FAIL  $name: $(tail -1 "$out")"
        grep -E '^(FAIL|  )' "$out" | head -40
        return 1
    fi
}
export -f run_one
export logs root build wrapper

start=$SECONDS
printf '%s\0' "${tests[@]}" | xargs -0 -n1 -P2 bash -c 'run_one "$1"' _
status=$?
errors=0
for f in "$logs"/vg.*.log; do
    [ -s "$f" ] || continue
    errors=$((errors + 1))
    [ $errors -le 5 ] && { echo "--- $f"; head -60 "$f"; }
done
echo "valgrind: ${#tests[@]} scripts, $(ls "$logs"/vg.*.log 2>/dev/null | wc -l) invocations," \
     "$errors with errors, $((SECONDS - start))s"
if [ $status -ne 0 ] || [ $errors -ne 0 ]; then
    echo "valgrind logs kept in $logs" >&2
    exit 1
fi
rm -rf "$logs"
