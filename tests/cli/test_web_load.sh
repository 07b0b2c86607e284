#!/usr/bin/env bash
# The web load harness (bench/web-load.sh), briefly: a few signed-in
# clients updating for a few seconds while the CLI exports, updates and
# imports into the same file: no error page, every accepted update in the
# history once, every CLI update and imported action there, verify ok. The figures are printed, not asserted (the full run is 20
# clients for 60 s; docs/web-load.md).
. "$(dirname "$0")/lib.sh"

if ! command -v node >/dev/null; then
    echo "needs node (scripts/install-deps.sh)" >&2
    exit 77
fi

case_ "4 clients for 3 s alongside the CLI's exports, updates and imports: nothing lost"
SAFEPLAN_BIN=$SAFEPLAN_BIN "$SP_SOURCE_DIR/bench/web-load.sh" 4 3 >"$OUT" 2>"$ERR"
STATUS=$?
cat "$OUT"
expect_status 0
expect_out " 0 errors"
expect_out "lost 0, duplicated 0, authors ['loadmgr']"
expect_out "imported actions recorded of"
expect_out_not "FAILED"
expect_out "verify: ok"

finish
