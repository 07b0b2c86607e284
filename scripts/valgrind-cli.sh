#!/usr/bin/env bash
# Runs the black-box CLI tests (tests/cli/test_*.sh) with safeplan under
# valgrind memcheck, and fails on any memory error or definite leak.
#
#   scripts/valgrind-cli.sh [--sample N] BUILD_DIR [TEST_NAME...]
#       e.g. scripts/valgrind-cli.sh build test_foundation
#
# Each invocation of the binary goes through a wrapper that runs
#   valgrind --error-exitcode=99 --leak-check=full
#            --errors-for-leak-kinds=definite -q <real binary>
# so an error changes the exit status the test checks, and valgrind's
# report goes to a log file (not the test's stderr, which tests compare).
# Any non-empty log fails the run, even if the test ignored the status.
#
# valgrind costs about a second per invocation, and the suites make about a
# thousand. --sample N (what CI uses) runs under valgrind only the first N
# invocations of each command shape — the command words and the set of
# option names, e.g. "action update --note --percent" — and the rest
# natively, so every command and option combination the tests use is
# checked while the pass takes minutes, not a quarter of an hour. Without
# --sample every invocation runs under valgrind.
#
# Scripts that say "# valgrind: skip" on a line of their own (the SIGKILL
# and large-volume tests, whose timing valgrind's 20-50x slowdown breaks)
# are left out, and so is test_bench_smoke (the benchmark harness: it times
# the binary, which under valgrind means nothing). Two scripts run at a time.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sample=0
if [ "${1:-}" = --sample ]; then
    sample=${2:?--sample needs a number}
    shift 2
fi
build=$(cd "${1:?usage: $0 [--sample N] BUILD_DIR [TEST_NAME...]}" && pwd)
shift
bin=$build/safeplan
[ -x "$bin" ] || { echo "no binary at $bin" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }

logs=$(mktemp -d "${TMPDIR:-/tmp}/sp-valgrind-XXXXXX")
# Some tests run the binary as an unprivileged user: they must be able to
# run the wrapper and write their log.
chmod 1777 "$logs"
mkdir -m 1777 "$logs/shapes"
wrapper=$logs/safeplan
cat >"$wrapper" <<WRAP
#!/bin/sh
# Counts every call; mkdir is atomic, so parallel tests cannot both take
# the last of a shape's N valgrind runs.
echo >>"$logs/calls"
# A test that closes standard output checks what the program does then:
# valgrind would open its log on that free descriptor and take the output.
{ true 9>&1; } 2>/dev/null || exec "$bin" "\$@"
if [ $sample -gt 0 ]; then
    shape=\$(printf '%s\n' "\$@" | awk '/^--/ { sub(/=.*/, ""); print; next }
        words < 2 && /^[a-z]+\$/ { print "0 " \$0; words++ }' | sort -u | tr '\n' ' ')
    key=$logs/shapes/\$(printf '%s' "\$shape" | md5sum | cut -c1-16)
    i=1
    while [ \$i -le $sample ]; do
        if mkdir "\$key.\$i" 2>/dev/null; then
            echo "\$shape" >"\$key.\$i/shape"
            break
        fi
        i=\$((i + 1))
    done
    [ \$i -le $sample ] || exec "$bin" "\$@"
fi
exec valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite -q --log-file="$logs/vg.%p.log" "$bin" "\$@"
WRAP
chmod 755 "$wrapper"

tests=()
if [ $# -gt 0 ]; then
    for t in "$@"; do tests+=("$root/tests/cli/$t.sh"); done
else
    for t in "$root"/tests/cli/test_*.sh; do
        grep -qx '# valgrind: skip' "$t" && continue
        [ "$(basename "$t")" = test_bench_smoke.sh ] && continue
        tests+=("$t")
    done
fi

run_one() {
    local t=$1 name out start=$SECONDS status
    name=$(basename "$t" .sh)
    out=$logs/$name.out
    # A script that hangs fails after 15 minutes (the slowest takes about 3)
    # instead of holding CI until its own limit, and says which it was.
    SAFEPLAN_BIN=$wrapper SP_SOURCE_DIR=$root SP_SHARED_DIR=$root/../shared \
        SP_BUILD_DIR=$build SP_UNDER_VALGRIND=1 timeout -k 30 900 bash "$t" >"$out" 2>&1
    status=$?
    if [ $status -eq 0 ]; then
        echo "ok    $name: $(tail -1 "$out") ($((SECONDS - start))s)"
    else
        echo "FAIL  $name: $(tail -1 "$out") ($((SECONDS - start))s$([ $status -eq 124 ] && echo ', timed out'))"
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
shapes=$(ls -d "$logs"/shapes/*.1 2>/dev/null | wc -l)
echo "valgrind: ${#tests[@]} scripts, $(wc -l <"$logs/calls" 2>/dev/null || echo 0) invocations," \
     "$(ls "$logs"/vg.*.log 2>/dev/null | wc -l) under valgrind" \
     "$([ "$sample" -gt 0 ] && echo "($shapes command shapes, up to $sample each)")," \
     "$errors with errors, $((SECONDS - start))s"
if [ $status -ne 0 ] || [ $errors -ne 0 ]; then
    echo "valgrind logs kept in $logs" >&2
    exit 1
fi
rm -rf "$logs"
