#!/usr/bin/env bash
# README, --help and the man page agree: the man page is generated from the
# usage texts (safeplan help --man) and committed; every command is in the
# README; the README's two commands are the ones CI runs.
. "$(dirname "$0")/lib.sh"

case_ "man page is current (regenerate: ./build/safeplan help --man > man/safeplan.1)"
run help --man; expect_status 0
if diff -u "$SP_SOURCE_DIR/man/safeplan.1" "$OUT" >"$WORK/man.diff"; then ok; else
    bad "man/safeplan.1 differs from 'safeplan help --man':"; head -40 "$WORK/man.diff" >&2; fi
if command -v man >/dev/null; then
    MANWIDTH=100 man -l "$SP_SOURCE_DIR/man/safeplan.1" >"$WORK/man.txt" 2>"$WORK/man.err"
    [ -s "$WORK/man.txt" ] && [ ! -s "$WORK/man.err" ] && ok || bad "man page does not render cleanly: $(head -3 "$WORK/man.err")"
fi

case_ "every command is in the README"
# The man page's section per command comes from the command table itself.
sed -n 's/^\.SS "safeplan \(.*\)"$/\1/p' "$OUT" >"$WORK/commands"
[ "$(wc -l <"$WORK/commands")" -ge 10 ] && ok || bad "too few commands listed"
while read -r name; do
    if grep -qF "safeplan $name" "$SP_SOURCE_DIR/README.md"; then ok; else bad "README.md does not mention 'safeplan $name'"; fi
done <"$WORK/commands"

case_ "README opens with the two commands and CI runs the second"
first_two=$(awk '/^```/{f=!f; next} f' "$SP_SOURCE_DIR/README.md" | head -2)
expect_eq "$(echo "$first_two" | wc -l)" "2" "two commands first"
second=$(echo "$first_two" | sed -n 2p)
grep -qF -- "$second" "$SP_SOURCE_DIR/.ci/run" && ok || bad ".ci/run does not run the README's second command: $second"
echo "$first_two" | sed -n 1p | grep -q "safeplan demo" && ok || bad "first command does not run the demo"

case_ "README's clerks' block: each command prints (on stdout) what the README shows"
mkdir -p "$WORK/clerk" && (
    cd "$WORK/clerk" || exit 1
    export SAFEPLAN_DB=$PWD/safeplan.db SAFEPLAN_TODAY=2017-07-01
    "$SAFEPLAN_BIN" demo >/dev/null 2>&1
    awk '$0 == "**Spreadsheets and committees** (clerks):" {s=1} s&&/^```text/{b=1; next}
         b&&/^```/{exit} b' "$SP_SOURCE_DIR/README.md" >block
    python3 - "$SAFEPLAN_BIN" block <<'PY'
import shlex, subprocess, sys
binary, lines = sys.argv[1], open(sys.argv[2], encoding="utf-8").read().splitlines()
steps = []
for line in lines:
    if line.startswith("$ "):
        steps.append((shlex.split(line[2:], comments=True), []))
    else:
        steps[-1][1].append(line)
bad = 0
for argv, want in steps:
    got = subprocess.run([binary] + argv[1:], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True).stdout.splitlines()
    if want and got != want:  # a line with no output under it shows none
        bad += 1
        print(f"README: {argv}\n  want {want}\n  got  {got}", file=sys.stderr)
sys.exit(1 if bad or len(steps) < 4 else 0)
PY
) && ok || bad "README block differs"

finish
