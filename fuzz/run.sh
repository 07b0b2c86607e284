#!/usr/bin/env bash
# Runs the libFuzzer targets, one at a time, each for a bounded time.
#
#   fuzz/run.sh [SECONDS] [TARGET...]     default: 600 seconds, every target
#   fuzz/run.sh 0                         replay the seed corpora only (CI)
#
# Builds build-fuzz with clang if needed. New inputs the fuzzer finds go to
# build-fuzz/corpus/TARGET (the repository's fuzz/corpus/TARGET is only
# read, so a run does not dirty the tree); crashes go to
# build-fuzz/crashes/TARGET/. Logs: build-fuzz/logs/TARGET.log, whose last
# lines hold the figures for fuzz/RESULTS.md (#runs, cov:, ft:).
# One process at a time (no -jobs): the CI machine has two shared cores.
# SAFEPLAN_FUZZ_REBUILD=0 skips the (re)build; SAFEPLAN_JOBS sets its -j.
# Exits non-zero if any target crashed, leaked or found a broken oracle.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${SAFEPLAN_FUZZ_BUILD:-$root/build-fuzz}
secs=${1:-600}
shift || true
if [ ! -x "$build/fuzz/fuzz_csv" ] || [ "${SAFEPLAN_FUZZ_REBUILD:-1}" = 1 ]; then
    CC=clang cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSAFEPLAN_FUZZ=ON -DSAFEPLAN_TESTS=OFF >/dev/null
    cmake --build "$build" -j"${SAFEPLAN_JOBS:-1}" >/dev/null
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for f in "$build"/fuzz/fuzz_*; do
        [ -x "$f" ] && targets+=("$(basename "$f" | sed 's/^fuzz_//')")
    done
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
status=0
mkdir -p "$build/logs"
for t in "${targets[@]}"; do
    exe=$build/fuzz/fuzz_$t
    seeds=$root/fuzz/corpus/$t
    dict=()
    [ -f "$root/fuzz/$t.dict" ] && dict=(-dict="$root/fuzz/$t.dict")
    if [ "$secs" = 0 ]; then
        # Replay: every seed (and every regression input) once.
        if "$exe" -runs=0 "${dict[@]}" "$seeds" >"$build/logs/$t.log" 2>&1; then
            echo "fuzz_$t: replayed $(ls "$seeds" | wc -l) inputs, no failure"
        else
            echo "fuzz_$t: FAILED on the seed corpus; see $build/logs/$t.log" >&2
            tail -30 "$build/logs/$t.log" >&2
            status=1
        fi
        continue
    fi
    work=$build/corpus/$t
    crashes=$build/crashes/$t
    mkdir -p "$work" "$crashes"
    echo "fuzz_$t: ${secs}s ..."
    if "$exe" -max_total_time="$secs" -print_final_stats=1 \
            -artifact_prefix="$crashes/" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
            "${dict[@]}" "$work" "$seeds" >"$build/logs/$t.log" 2>&1; then
        :
    else
        echo "fuzz_$t: FAILED; see $build/logs/$t.log and $crashes" >&2
        status=1
    fi
    grep -E '^#[0-9]+.*(DONE|cov:)' "$build/logs/$t.log" | tail -1
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$build/logs/$t.log" || true
done
exit $status
