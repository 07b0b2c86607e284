/*
 * Backups: a consistent copy of the open database, made with SQLite's
 * online backup API so other processes may keep reading and writing.
 *
 * The copy is written under a temporary name beside FILE (created 0600 by
 * mkstemp), checked (integrity_check, safeplan's application_id and schema
 * version) and only then given its name with link(2), which never replaces
 * an existing file: FILE either does not appear or is a verified backup.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* Pages copied per step; between steps other connections may write. */
#define SP_BACKUP_PAGES 1024

static int copy_into(sp_db *db, const char *tmp)
{
    sqlite3 *dst = NULL;
    int rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
    sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(dst, "main", db->sql, "main") : NULL;
    if (!b) {
        int code = sp_fail(db, SP_ERROR, "cannot write the backup: %s",
                           dst ? sqlite3_errmsg(dst) : "out of memory");
        sqlite3_close_v2(dst);
        return code;
    }
    do {
        rc = sqlite3_backup_step(b, SP_BACKUP_PAGES);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20); /* a writer holds the source: try again */
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    int code = SP_OK;
    if (rc != SQLITE_DONE)
        code = sp_fail(db, SP_ERROR, "cannot write the backup: %s",
                       rc == SQLITE_FULL ? "the disk is full" : sqlite3_errstr(rc));
    /* The copy carries the source's WAL flag; a single file in rollback
     * mode leaves no -wal/-shm beside it (safeplan turns WAL on when it
     * next opens the copy). */
    if (code == SP_OK &&
        sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
        code = sp_fail(db, SP_ERROR, "cannot finish the backup: %s", sqlite3_errmsg(dst));
    if (sqlite3_close(dst) != SQLITE_OK && code == SP_OK)
        code = sp_fail(db, SP_ERROR, "cannot finish the backup: %s", sqlite3_errmsg(dst));
    return code;
}

/* Reads one integer or text answer from the copy. */
static int probe(sqlite3 *c, const char *sql, char *text, size_t size)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const unsigned char *v = sqlite3_column_text(st, 0);
        snprintf(text, size, "%s", v ? (const char *)v : "");
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : -1;
}

/* The copy must be whole, and be this safeplan's database. */
static int verify(sp_db *db, const char *tmp)
{
    sqlite3 *c = NULL;
    char ok[64] = "", app[32] = "", ver[32] = "", want[32];
    int rc = sqlite3_open_v2(tmp, &c, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc == SQLITE_OK) {
        if (probe(c, "PRAGMA integrity_check", ok, sizeof ok) != 0 ||
            probe(c, "PRAGMA application_id", app, sizeof app) != 0 ||
            probe(c, "PRAGMA user_version", ver, sizeof ver) != 0)
            rc = SQLITE_ERROR;
    }
    sqlite3_close(c);
    snprintf(want, sizeof want, "%d", sp_db_version(db));
    if (rc != SQLITE_OK || strcmp(ok, "ok") != 0)
        return sp_fail(db, SP_ERROR, "the backup failed its check (integrity_check: %s)",
                       *ok ? ok : "could not run");
    if (atol(app) != SP_APPLICATION_ID || strcmp(ver, want) != 0)
        return sp_fail(db, SP_ERROR, "the backup is not a copy of this database");
    return SP_OK;
}

int sp_backup(sp_db *db, const char *path)
{
    sp_clear(db);
    if (!path || !*path)
        return sp_fail(db, SP_EINVALID, "no backup file named");
    struct stat st;
    if (lstat(path, &st) == 0)
        return sp_fail(db, SP_EEXISTS, "%s already exists: a backup never replaces a file; "
                       "name a new one", path);
    size_t n = strlen(path);
    char *tmp = malloc(n + 8);
    if (!tmp)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".XXXXXX", 8);
    int fd = mkstemp(tmp); /* mode 0600: the plan is sensitive */
    if (fd < 0) {
        int code = sp_fail(db, SP_ERROR, "cannot create %s: %s", path,
                           errno == ENOENT ? "its directory does not exist" : strerror(errno));
        free(tmp);
        return code;
    }
    close(fd);
    int rc = copy_into(db, tmp);
    if (rc == SP_OK)
        rc = verify(db, tmp);
    if (rc == SP_OK && link(tmp, path) != 0)
        rc = sp_fail(db, errno == EEXIST ? SP_EEXISTS : SP_ERROR, "cannot name the backup %s: %s",
                     path, errno == EEXIST ? "that file appeared meanwhile" : strerror(errno));
    unlink(tmp);
    free(tmp);
    return rc;
}
