/*
 * Opening, creating and upgrading a safeplan database, and transactions.
 *
 * As in FreeBSD pkg: the schema version is PRAGMA user_version; a new file
 * gets the whole current schema (schema/schema.sql) at once; an older one
 * is upgraded by the numbered steps in migrations/, each in a transaction
 * that also sets user_version; a newer one is refused untouched.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

/* Long enough for a person's write to finish; short enough to report. */
#define SP_BUSY_TIMEOUT_MS 10000

static int migration_count(void)
{
    int n = 0;
    for (size_t i = 0; i < sp_embedded_count; i++)
        if (strncmp(sp_embedded[i].name, "migrations/", 11) == 0)
            n++;
    return n;
}

int sp_schema_version(void)
{
    return migration_count();
}

/* The i-th migration (1-based), relying on the embedded table being sorted
 * by name and migrations being numbered 0001, 0002, ... without gaps. */
static const sp_embedded_file *migration(int i)
{
    int n = 0;
    for (size_t k = 0; k < sp_embedded_count; k++) {
        if (strncmp(sp_embedded[k].name, "migrations/", 11) != 0)
            continue;
        if (++n == i)
            return &sp_embedded[k];
    }
    return NULL;
}

static int pragma_int(sp_db *db, const char *pragma, int *out)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, pragma, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
    sqlite3_finalize(st);
    return rc;
}

static int set_pragma_int(sp_db *db, const char *name, int value)
{
    /* PRAGMA arguments cannot be bound; value is an integer we produced. */
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA %s = %d", name, value);
    return sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
}

static int install_schema(sp_db *db)
{
    const char *schema = sp_embedded_get("schema/schema.sql");
    if (!schema)
        return sp_fail(db, SP_ERROR, "internal error: schema not embedded");
    int rc = sp_begin(db);
    if (rc == SP_OK)
        rc = sp_exec_script(db, schema, "creating the schema");
    if (rc == SP_OK && (set_pragma_int(db, "application_id", SP_APPLICATION_ID) != SQLITE_OK ||
                        set_pragma_int(db, "user_version", sp_schema_version()) != SQLITE_OK))
        rc = sp_fail_sql(db, "creating the schema");
    if (rc != SP_OK) {
        sp_rollback(db);
        return rc;
    }
    return sp_commit(db);
}

/* With foreign keys off during a migration, proves it left none broken. */
static int check_foreign_keys(sp_db *db, const char *name)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
        return sp_fail_sql(db, "upgrading the database");
    int step = sqlite3_step(st);
    sqlite3_finalize(st);
    if (step == SQLITE_ROW)
        return sp_fail(db, SP_ERROR, "%s would leave a broken reference; the database was "
                       "not changed", name);
    return step == SQLITE_DONE ? SP_OK : sp_fail_sql(db, "upgrading the database");
}

/* Applies migration `step` unless another process already has. */
static int apply_migration(sp_db *db, int step)
{
    int version = 0, rc = sp_begin(db);
    if (rc != SP_OK)
        return rc;
    if (pragma_int(db, "PRAGMA user_version", &version) != SQLITE_OK) {
        rc = sp_fail_sql(db, "upgrading the database");
    } else if (version < step) {
        const sp_embedded_file *m = migration(step);
        rc = m ? sp_exec_script(db, m->data, m->name)
               : sp_fail(db, SP_ERROR, "internal error: migration %d missing", step);
        /* The ledger's step also chains the history already there, which
         * needs C (each link depends on the one before). */
        if (rc == SP_OK && strstr(m->name, "_ledger.sql"))
            rc = sp_ledger_backfill(db);
        /* Closure's step records the accounts already there (C again). */
        if (rc == SP_OK && strstr(m->name, "_closure.sql"))
            rc = sp_closure_backfill(db);
        if (rc == SP_OK)
            rc = check_foreign_keys(db, m->name);
        if (rc == SP_OK && set_pragma_int(db, "user_version", step) != SQLITE_OK)
            rc = sp_fail_sql(db, "upgrading the database");
    }
    if (rc != SP_OK) {
        sp_rollback(db);
        return rc;
    }
    return sp_commit(db);
}

/* Migrations run with foreign keys off, as SQLite prescribes for
 * rebuilding a table (migration 0005 does): dropping the old table must
 * not delete or orphan its children. The pragma is a no-op inside a
 * transaction, so it is set around each one. */
static int upgrade(sp_db *db, int from)
{
    int rc = SP_OK;
    if (from < sp_schema_version() &&
        sqlite3_exec(db->sql, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL) != SQLITE_OK)
        return sp_fail_sql(db, "upgrading the database");
    for (int step = from + 1; rc == SP_OK && step <= sp_schema_version(); step++)
        rc = apply_migration(db, step);
    if (sqlite3_exec(db->sql, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK &&
        rc == SP_OK)
        rc = sp_fail_sql(db, "upgrading the database");
    return rc;
}

/* Creates the file with mode 0600 before SQLite sees it: the plan names
 * teams, partners and sometimes cases, so it must not be world-readable.
 * SQLite gives its -wal and -shm files the same mode. */
static int create_private_file(sp_db *db, const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == ENOENT)
            return sp_fail(db, SP_ERROR, "cannot create %s: its directory does not exist", path);
        return sp_fail(db, SP_ERROR, "cannot create %s: %s", path, strerror(errno));
    }
    close(fd);
    return SP_OK;
}

/* SQLite reports a -wal or -shm it cannot open as "cannot open the
 * database file", which sends people to the wrong file (a -wal left owned
 * by root after someone ran a command with sudo is the usual cause). Name
 * the file at fault, its owner and mode, or the directory SQLite must
 * write them in; SP_OK when none of them is the trouble. */
static int companion_problem(sp_db *db, const char *path)
{
    static const char *const suffixes[] = {"-wal", "-shm"};
    char file[4096];
    struct stat sb;
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        snprintf(file, sizeof file, "%s%s", path, suffixes[i]);
        if (stat(file, &sb) != 0 || access(file, R_OK | W_OK) == 0)
            continue;
        struct passwd *pw = getpwuid(sb.st_uid);
        return sp_fail(db, SP_ERROR,
                       "%s cannot be written by you (owner %s, mode %04o): SQLite writes it "
                       "whenever %s is used, so it must belong to whoever uses the database "
                       "(chown it to that user, or run safeplan as its owner)",
                       file, pw ? pw->pw_name : "unknown", (unsigned)(sb.st_mode & 07777),
                       path);
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        slash == dir ? (void)(dir[1] = '\0') : (void)(*slash = '\0');
    snprintf(file, sizeof file, "%s-wal", path);
    if (stat(file, &sb) != 0 && access(slash ? dir : ".", W_OK) != 0)
        return sp_fail(db, SP_ERROR,
                       "cannot create %s: the directory %s is not writable by you, and SQLite "
                       "keeps the database's -wal and -shm files beside it",
                       file, slash ? dir : ".");
    return SP_OK;
}

static bool open_failure(int rc)
{
    int primary = rc & 0xff;
    return primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR ||
           primary == SQLITE_READONLY || primary == SQLITE_PERM;
}

static int check_identity(sp_db *db, const char *path, int *version)
{
    int app_id = 0, objects = 0;
    int rc = pragma_int(db, "PRAGMA application_id", &app_id);
    if (rc == SQLITE_OK)
        rc = pragma_int(db, "SELECT count(*) FROM sqlite_master", &objects);
    if (rc == SQLITE_OK)
        rc = pragma_int(db, "PRAGMA user_version", version);
    if (rc == SQLITE_NOTADB)
        return sp_fail(db, SP_ENOTSAFEPLAN, "%s is not a SQLite database", path);
    if (rc == SQLITE_CORRUPT)
        return sp_fail(db, SP_ERROR, "%s is damaged (SQLite reports corruption)", path);
    if (open_failure(rc) && companion_problem(db, path) != SP_OK)
        return SP_ERROR;
    if (rc != SQLITE_OK)
        return sp_fail_sql(db, path);
    if (app_id == 0 && objects == 0 && *version == 0)
        return SP_OK; /* empty: ours to initialise */
    if (app_id != SP_APPLICATION_ID)
        return sp_fail(db, SP_ENOTSAFEPLAN,
                       "%s is a SQLite database but not a safeplan one (application_id %d)",
                       path, app_id);
    if (*version < 0) /* no safeplan writes one: set by hand, the file cannot be trusted */
        return sp_fail(db, SP_ERROR, "%s has schema version %d, which no safeplan writes: "
                       "restore it from a backup (safeplan backup)", path, *version);
    if (*version > sp_schema_version())
        return sp_fail(db, SP_ENEWER,
                       "%s was written by a newer safeplan (schema version %d; this program "
                       "knows up to %d): upgrade safeplan to use it",
                       path, *version, sp_schema_version());
    return SP_OK;
}

static int configure(sp_db *db)
{
    sqlite3_busy_timeout(db->sql, SP_BUSY_TIMEOUT_MS);
    sqlite3_extended_result_codes(db->sql, 1);
    /* temp_store = MEMORY: statement journals, sorts and temporary tables
     * stay in memory, so no plan text ever lands in a temporary file
     * outside the database (the plan is sensitive). */
    if (sqlite3_exec(db->sql, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY", NULL,
                     NULL, NULL) != SQLITE_OK)
        return sp_fail_sql(db, "configuring the database");
    int rc = sp_register_functions(db);
    if (rc == SP_OK)
        rc = sp_register_ref_functions(db);
    if (rc == SP_OK)
        rc = sp_register_name_functions(db);
    return rc == SP_OK ? sp_register_chain_functions(db) : rc;
}

/* SQLite's memory statistics (on by default) take a process-wide mutex
 * and update two counters on every malloc and free. Opening a plan parses
 * its whole schema (87 objects) into many small blocks, so at a million
 * actions that bookkeeping was 14% of a one-row `overdue --finding` and
 * 1-2 M instructions of every command (bench/RESULTS.md). Nothing here
 * reads the statistics. sqlite3_config only takes effect before SQLite is
 * first initialized; in a program that used SQLite before its first
 * sp_open it fails harmlessly and the statistics stay on. */
static void tune_sqlite(void)
{
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static int open_sqlite(sp_db *db, const char *path, unsigned flags)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, tune_sqlite);
    int oflags = (flags & SP_OPEN_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (sqlite3_open_v2(path, &db->sql, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
        return sp_fail_sql(db, path);
    return SP_OK;
}

static const char *file_kind(mode_t m)
{
    return S_ISFIFO(m) ? "a FIFO" : S_ISCHR(m) ? "a character device"
         : S_ISBLK(m) ? "a block device" : S_ISSOCK(m) ? "a socket" : "not a regular file";
}

/* What stands at an existing path must be a database file (or a link to
 * one): anything else gets a message that says what it is. */
static int check_existing(sp_db *db, const char *path, const struct stat *lsb)
{
    struct stat sb;
    if (S_ISLNK(lsb->st_mode) && stat(path, &sb) != 0) {
        char target[1024];
        ssize_t n = readlink(path, target, sizeof target - 1);
        target[n > 0 ? n : 0] = '\0';
        return sp_fail(db, SP_ENOTFOUND,
                       "%s is a symbolic link to %s, which %s: point --db at the database "
                       "file itself, or create it there first", path, target,
                       errno == ENOENT ? "does not exist" : strerror(errno));
    }
    if (!S_ISLNK(lsb->st_mode))
        sb = *lsb;
    if (S_ISDIR(sb.st_mode))
        return sp_fail(db, SP_ERROR, "%s is a directory, not a database file", path);
    if (!S_ISREG(sb.st_mode))
        return sp_fail(db, SP_ENOTSAFEPLAN, "%s is %s, not a database file", path,
                       file_kind(sb.st_mode));
    return SP_OK;
}

static int open_file(sp_db *db, const char *path, unsigned flags)
{
    struct stat sb;
    /* ":memory:" is SQLite's private in-memory database (tests, fuzzing). */
    if (strcmp(path, ":memory:") == 0)
        return open_sqlite(db, path, flags);
    if (lstat(path, &sb) == 0) {
        int rc = check_existing(db, path, &sb);
        return rc == SP_OK ? open_sqlite(db, path, flags) : rc;
    }
    if (errno != ENOENT)
        return sp_fail(db, SP_ERROR, "cannot open %s: %s", path, strerror(errno));
    if (!(flags & SP_OPEN_CREATE))
        return sp_fail(db, SP_ENOTFOUND,
                       "no database at %s (create one with 'safeplan init')", path);
    if (flags & SP_OPEN_STAGED) {
        int rc = sp_stage_create(db, path);
        return rc == SP_OK ? open_sqlite(db, db->stage_tmp, flags) : rc;
    }
    if (create_private_file(db, path) != SP_OK)
        return SP_ERROR;
    return open_sqlite(db, path, flags);
}

/* A database no one can see yet needs no journal on disk and no syncs:
 * if the build fails it is thrown away, and sp_publish syncs it once. */
static int stage_pragmas(sp_db *db)
{
    if (sqlite3_exec(db->sql, "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF", NULL,
                     NULL, NULL) != SQLITE_OK)
        return sp_fail_sql(db, "configuring the new database");
    return SP_OK;
}

/* WAL lets readers run during a write; it is set only once the file is
 * known to be ours, so a refused file is never touched.
 *
 * The WAL is kept between processes. By default the last connection to
 * close checkpoints the WAL into the database and deletes it, so every
 * command that wrote (one `action update`) paid five fdatasyncs: the new
 * WAL's header, the commit, then the checkpoint's WAL and database syncs
 * and the deletion. With the WAL persistent and no checkpoint on close, a
 * commit costs its own sync (and one more when it starts the WAL afresh):
 * two at most. Durability is unchanged: synchronous stays FULL, each
 * commit is on disk in the WAL before the command reports success.
 * Checkpoints still happen: SQLite's automatic one, when a commit leaves
 * the WAL past wal_autocheckpoint pages (1000, ~4 MiB), and sp_close's
 * after a big write (see wal_trim). A copy of the database must therefore
 * be taken through SQLite (the online backup API, `sqlite3 FILE .backup`,
 * VACUUM INTO), never by copying the .db file alone, which may lack the
 * latest commits while they are in the -wal file. */
static void use_wal(sp_db *db)
{
    int persist = 1;
    if (sqlite3_db_readonly(db->sql, "main"))
        return;
    sqlite3_exec(db->sql, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", NULL, NULL,
                 NULL);
    sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
    sqlite3_db_config(db->sql, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
}

/* A WAL left larger than this by a big write (an import) is checkpointed
 * and truncated on close, so it does not keep the disk space of a second
 * copy of the plan; small WALs are left for the next command to reuse. */
#define WAL_TRIM_BYTES (16 * 1024 * 1024)

static void wal_trim(sp_db *db)
{
    struct stat sb;
    char wal[4096];
    const char *path = sqlite3_db_filename(db->sql, "main");
    if (!path || !*path || sqlite3_db_readonly(db->sql, "main") != 0)
        return;
    snprintf(wal, sizeof wal, "%s-wal", path);
    if (stat(wal, &sb) == 0 && sb.st_size > WAL_TRIM_BYTES)
        sqlite3_wal_checkpoint_v2(db->sql, "main", SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
}

int sp_open(sp_db **out, const char *path, unsigned flags)
{
    sp_db *db = calloc(1, sizeof *db);
    *out = db;
    if (!db)
        return SP_ENOMEM;
    db->stage_fd = -1;
    if (!path || !*path)
        return sp_fail(db, SP_EINVALID, "no database path given");
    int version = 0;
    int rc = open_file(db, path, flags);
    if (rc == SP_OK)
        rc = configure(db);
    if (rc == SP_OK)
        rc = check_identity(db, path, &version);
    if (rc != SP_OK)
        return rc;
    if (version < sp_schema_version() && sqlite3_db_readonly(db->sql, "main"))
        return sp_fail(db, SP_EREADONLY, "%s needs upgrading but cannot be written", path);
    /* An empty file becomes a plan only when asked to create one: a plan
     * truncated to nothing must not read as "nothing overdue", nor be
     * given a schema by a command that only reads. */
    if (version == 0 && !(flags & SP_OPEN_CREATE) && strcmp(path, ":memory:") != 0)
        return sp_fail(db, SP_ENOTFOUND, "%s is empty: it holds no plan (make one there with "
                       "'safeplan init', or point --db at the plan)", path);
    if (db->stage_tmp) {
        rc = stage_pragmas(db);
        return rc == SP_OK ? install_schema(db) : rc;
    }
    use_wal(db);
    /* An empty file someone made is about to hold the plan: make it private. */
    if (version == 0 && strcmp(path, ":memory:") != 0 && chmod(path, 0600) != 0)
        return sp_fail(db, SP_ERROR, "cannot make %s private: %s", path, strerror(errno));
    if (version == 0)
        return install_schema(db);
    return upgrade(db, version);
}

/* A dry run works on a private copy in memory, so it never takes the
 * write lock and never holds up a colleague's update (issue 17: a dry run
 * of a big sheet blocked every writer while it ran). The copy is read
 * through SQLite's backup API inside one read transaction, which in WAL
 * mode blocks no one. A plan larger than this is not copied; the dry run
 * then writes and rolls back in the file, as a real import would. */
#define PRIVATE_COPY_MAX_BYTES (256LL * 1024 * 1024)

static int64_t db_bytes(sp_db *db)
{
    int pages = 0, size = 0;
    if (pragma_int(db, "PRAGMA page_count", &pages) != SQLITE_OK ||
        pragma_int(db, "PRAGMA page_size", &size) != SQLITE_OK)
        return -1;
    return (int64_t)pages * size;
}

int sp_private_copy(sp_db *db, sqlite3 **saved)
{
    *saved = NULL;
    int64_t bytes = db_bytes(db);
    if (bytes < 0 || bytes > PRIVATE_COPY_MAX_BYTES)
        return SP_OK;
    sqlite3 *mem = NULL;
    if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        sqlite3_close(mem);
        return sp_fail(db, SP_ENOMEM, "cannot make a private copy for the dry run");
    }
    sqlite3_backup *b = sqlite3_backup_init(mem, "main", db->sql, "main");
    int rc = b ? sqlite3_backup_step(b, -1) : sqlite3_errcode(mem);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        sqlite3_close(mem);
        return sp_fail(db, SP_ERROR, "cannot copy the plan for the dry run: %s",
                       sqlite3_errstr(rc));
    }
    *saved = db->sql;
    db->sql = mem;
    rc = configure(db);
    if (rc != SP_OK)
        sp_private_copy_end(db, *saved);
    return rc;
}

void sp_private_copy_end(sp_db *db, sqlite3 *saved)
{
    if (!saved)
        return;
    sqlite3_close_v2(db->sql);
    db->sql = saved;
}

int sp_reopen(sp_db *db, const char *path)
{
    int rc = open_sqlite(db, path, 0);
    if (rc == SP_OK)
        rc = configure(db);
    if (rc == SP_OK)
        use_wal(db);
    return rc;
}

void sp_close(sp_db *db)
{
    if (!db)
        return;
    if (db->sql)
        wal_trim(db);
    sqlite3_close_v2(db->sql);
    sp_stage_discard(db); /* never published: it never existed */
    sp_set_actor(db, NULL, NULL);
    free(db);
}

int sp_db_version(sp_db *db)
{
    int v = 0;
    return pragma_int(db, "PRAGMA user_version", &v) == SQLITE_OK ? v : -1;
}

int sp_set_today(sp_db *db, const char *iso_date)
{
    sp_clear(db);
    if (!iso_date) {
        db->today[0] = '\0';
        return SP_OK;
    }
    char d[SP_DATE_SIZE];
    if (sp_date_parse(d, iso_date) != SP_OK)
        return sp_fail(db, SP_EINVALID, "invalid date '%s' for today", iso_date);
    memcpy(db->today, d, sizeof d);
    return SP_OK;
}

void sp_today(sp_db *db, char out[SP_DATE_SIZE])
{
    if (db && db->today[0]) {
        memcpy(out, db->today, SP_DATE_SIZE);
        return;
    }
    time_t now = time(NULL);
    struct tm tm;
    /* The plan's days are the council's: the local date (TZ honoured), so
     * 00:30 on 2 July in British Summer Time is 2 July, not 1 July. */
    localtime_r(&now, &tm);
    strftime(out, SP_DATE_SIZE, "%Y-%m-%d", &tm);
}

int sp_begin(sp_db *db)
{
    if (db->tx_depth++ > 0)
        return SP_OK;
    db->tx_failed = false;
    /* IMMEDIATE takes the write lock now, so a busy database makes us wait
     * (busy timeout) up front instead of failing halfway through. */
    if (sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        db->tx_depth = 0;
        return sp_fail_sql(db, "starting a transaction");
    }
    sp_change_begin(db);
    return SP_OK;
}

int sp_commit(sp_db *db)
{
    if (db->tx_depth == 0)
        return sp_fail(db, SP_ERROR, "internal error: commit without begin");
    if (--db->tx_depth > 0)
        return SP_OK;
    if (db->tx_failed) {
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
        return sp_fail(db, SP_ERROR, "transaction rolled back: an inner step failed");
    }
    if (sp_change_end(db) != SP_OK) {
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
        return SP_ERROR;
    }
    if (sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        int rc = sp_fail_sql(db, "committing");
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    return SP_OK;
}

int sp_rollback(sp_db *db)
{
    if (db->tx_depth == 0)
        return SP_OK;
    if (--db->tx_depth > 0) {
        db->tx_failed = true;
        return SP_OK;
    }
    /* Keep the message of the failure that led here; a failed ROLLBACK
     * (nothing to undo after an automatic one) changes nothing. */
    sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
    return SP_OK;
}
