#!/bin/sh
# Installs what safeplan needs to build and test, from Debian 12's packages.
# Uses sudo only when not already root. Installs nothing that is present.
set -eu
pkgs="build-essential cmake pkg-config libsqlite3-dev libcsv-dev check libxlsxwriter-dev
      sqlite3 python3 valgrind clang libclang-rt-14-dev strace
      faketime libreoffice-calc libsodium-dev
      libzip-dev libexpat1-dev libmicrohttpd-dev curl
      poppler-utils fonts-crosextra-carlito chromium"
# Node.js and npm (the browser tests' packages) from Debian unless a Node.js
# with npm is already there: Debian's npm would replace a newer Node.js.
command -v npm >/dev/null 2>&1 || pkgs="$pkgs nodejs npm"
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
echo "installing:$missing" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
