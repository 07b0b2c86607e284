#!/usr/bin/env bash
# Backups (issue 12): `safeplan backup FILE` writes a consistent, private,
# checked copy while others write; an existing FILE, a missing directory or
# a missing database is refused and changes nothing; the copy restores.
. "$(dirname "$0")/lib.sh"

export SAFEPLAN_TODAY=2017-07-01
DB=$SAFEPLAN_DB
sp demo

case_ "help"
run backup --help; expect_status 0; expect_out "Usage: safeplan [--db PATH] backup FILE"
expect_out "mode 0600"; expect_out "To restore"; expect_no_err

case_ "a backup is a private, checked, identical copy"
run backup copy.db
expect_status 0; expect_no_err
expect_out "copy.db: backup of $DB, checked (integrity ok)"
expect_eq "$(stat -c %a copy.db)" "600" "backup file mode"
expect_eq "$(sql copy.db 'PRAGMA integrity_check')" "ok" "integrity of the copy"
expect_eq "$(sql copy.db 'PRAGMA application_id')" "$(sql "$DB" 'PRAGMA application_id')" "application_id"
expect_eq "$(sql copy.db 'PRAGMA user_version')" "$(sql "$DB" 'PRAGMA user_version')" "user_version"
"$SAFEPLAN_BIN" export >orig.csv
"$SAFEPLAN_BIN" --db copy.db export >copy.csv
expect_eq "$(sha256sum <copy.csv)" "$(sha256sum <orig.csv)" "export of the copy"
expect_eq "$(sql copy.db 'SELECT count(*) FROM action_update')" "$(sql "$DB" 'SELECT count(*) FROM action_update')" "history rows"
# Nothing left beside it: no temporary copy, no -wal or -shm.
expect_eq "$(ls -A | grep -c '^copy\.db.')" "0" "files beside the backup"

# refused CASE STATUS MESSAGE ARGS...: the command fails as said and neither
# the database nor the named target changes.
refused() {
    local name=$1 status=$2 msg=$3 target=$4
    shift 4
    case_ "$name"
    local before
    before=$(fingerprint "$DB" "$DB-wal" "$target")
    run "$@"
    expect_status "$status"; expect_err "$msg"; expect_no_out
    expect_eq "$(fingerprint "$DB" "$DB-wal" "$target")" "$before" "database and $target unchanged"
}

refused "an existing file is never replaced" 1 "copy.db already exists" copy.db backup copy.db
echo "not a plan" >notes.txt
refused "an existing non-database file is kept" 1 "notes.txt already exists" notes.txt backup notes.txt
ln -s elsewhere.db dangling
refused "a dangling symlink is not followed" 1 "dangling already exists" dangling backup dangling
refused "a missing directory" 1 "its directory does not exist" nodir/b.db backup nodir/b.db
refused "no file named" 2 "missing argument" copy.db backup
refused "two files named" 2 "backup" one.db backup one.db two.db
expect_eq "$(ls -A | grep -c '^one\.db')" "0" "no file created for misuse"
refused "an unknown option" 2 "unknown option" x.db backup --force x.db
case_ "a missing database is not created by backing it up"
run --db missing.db backup m.db
expect_status 1; expect_err "missing.db"
expect_eq "$(ls -A | grep -c '^m\.db\|^missing\.db')" "0" "no files created"

case_ "a write that fails midway (file size limit): no FILE, no temporary left"
before=$(fingerprint "$DB" "$DB-wal")
(
    trap '' XFSZ          # so that the write fails with EFBIG instead of killing
    ulimit -f 64          # KiB; the demo plan is several times that
    "$SAFEPLAN_BIN" backup small.db >"$OUT" 2>"$ERR" </dev/null
)
STATUS=$?
expect_status 1; expect_err "cannot write the backup"; expect_no_out
expect_eq "$(ls -A | grep -c '^small\.db')" "0" "no backup and no temporary file"
expect_eq "$(fingerprint "$DB" "$DB-wal")" "$before" "database unchanged"

case_ "a backup taken while another process writes"
( for i in $(seq 1 40); do
      "$SAFEPLAN_BIN" action update 1 --note "note $i" --on 2017-06-30 >/dev/null 2>>writer.err || echo "writer $i failed" >>writer.err
  done ) &
WRITER=$!
for n in 1 2 3; do
    run backup "live$n.db"; expect_status 0
    expect_eq "$(sql "live$n.db" 'PRAGMA integrity_check')" "ok" "integrity of live$n.db"
done
wait "$WRITER"
expect_eq "$(cat writer.err 2>/dev/null)" "" "the writer was not disturbed"
# Each copy holds a prefix of the writer's notes: whole transactions only.
for n in 1 2 3; do
    notes=$(sql "live$n.db" "SELECT count(*) FROM action_update WHERE note LIKE 'note %'")
    last=$(sql "live$n.db" "SELECT coalesce(max(CAST(substr(note, 6) AS INTEGER)), 0) FROM action_update WHERE note LIKE 'note %'")
    expect_eq "$notes" "$last" "live$n.db has notes 1..$last with none missing"
done

case_ "restore as the help says: copy over the database, remove its -wal/-shm"
"$SAFEPLAN_BIN" export >before.csv
sp action update 2 --note "written after the backup" --on 2017-06-30
cp copy.db "$DB" && rm -f "$DB-wal" "$DB-shm"
run export; expect_status 0
expect_eq "$(sha256sum <"$OUT")" "$(sha256sum <orig.csv)" "export after restore"
run action history 2; expect_status 0; expect_out_not "written after the backup"
run --db copy.db summary; expect_status 0

finish
