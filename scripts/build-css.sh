#!/bin/sh
# Compiles the web service's stylesheet, src/web/assets/safeplan.scss
# (govuk-frontend under the council's branding), with npm's sass into
# src/web/assets/safeplan.css, the file the build embeds in the binary.
#
#   scripts/build-css.sh          write safeplan.css
#   scripts/build-css.sh --check  exit 1 if safeplan.css is not what the
#                                 sources (and package-lock.json's versions) give
#
# The CSS is committed, generated, so that the README's plain
# `cmake --build` needs neither Node.js nor the npm registry; this script
# (also `cmake --build build --target web-css`) needs `npm ci` first.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
sass="$root/node_modules/.bin/sass"
css="$root/src/web/assets/safeplan.css"
if [ ! -x "$sass" ]; then
    echo "build-css.sh: no $sass: run 'npm ci' in $root first" >&2
    exit 2
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
"$sass" --no-source-map --style=compressed --load-path="$root/node_modules" \
    --quiet-deps --silence-deprecation=import "$root/src/web/assets/safeplan.scss" "$tmp"
if [ "${1:-}" = "--check" ]; then
    cmp -s "$tmp" "$css" && exit 0
    echo "build-css.sh: src/web/assets/safeplan.css is out of date with its sources: run scripts/build-css.sh and commit it" >&2
    exit 1
fi
cp "$tmp" "$css"
