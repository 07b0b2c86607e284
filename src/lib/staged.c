/*
 * A new database comes into being whole, or not at all.
 *
 * It is built under a private temporary name in the directory of the path
 * asked for (".BASE.safeplan-new.XXXXXX", mode 0600) and hard-linked to
 * that path only when the command has succeeded (sp_publish). link(2)
 * refuses an existing name, so a database someone else created meanwhile
 * is never replaced; and nothing ever unlinks the path asked for, which
 * another process may have opened. A command that fails or is killed
 * leaves nothing at that path.
 *
 * A killed command leaves its temporary file behind (SQLite needs a name
 * to open). The builder holds flock(2) on it for as long as it lives, so
 * the next creation in that directory (and `safeplan check`) can tell an
 * abandoned one from one being built, and removes it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

#define STAGE_TAG ".safeplan-new."
/* Younger temporary files are left alone even when unlocked: the builder
 * takes its lock just after creating the file, and must not lose it in
 * that instant. */
#define STAGE_MIN_AGE_S 60

char *sp_split_path(const char *path, const char **base)
{
    const char *slash = strrchr(path, '/');
    *base = slash ? slash + 1 : path;
    size_t n = !slash ? 1 : slash == path ? 1 : (size_t)(slash - path);
    char *dir = malloc(n + 1);
    if (dir) {
        memcpy(dir, slash ? path : ".", n);
        dir[n] = '\0';
    }
    return dir;
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* True if name is a staging file of a database called base. */
static bool is_stage_name(const char *name, const char *base)
{
    size_t nb = strlen(base), nt = strlen(STAGE_TAG);
    return name[0] == '.' && strncmp(name + 1, base, nb) == 0 &&
           strncmp(name + 1 + nb, STAGE_TAG, nt) == 0 && strlen(name + 1 + nb + nt) == 6;
}

bool sp_stage_abandoned(const char *file)
{
    int fd = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool abandoned = flock(fd, LOCK_EX | LOCK_NB) == 0;
    close(fd);
    return abandoned;
}

/* Removes `file` if no process holds its lock and it is old enough; true
 * if it was abandoned (and so removed). */
static bool remove_if_abandoned(const char *file)
{
    int fd = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat sb;
    bool abandoned = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
                     time(NULL) - sb.st_mtime >= STAGE_MIN_AGE_S &&
                     flock(fd, LOCK_EX | LOCK_NB) == 0;
    if (abandoned)
        unlink(file);
    close(fd);
    return abandoned;
}

int sp_stage_sweep(const char *path, sp_stage_visit visit, void *arg)
{
    const char *base;
    char *dir = sp_split_path(path, &base);
    DIR *d = dir ? opendir(dir) : NULL;
    int found = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (!is_stage_name(e->d_name, base))
            continue;
        char *file = join(dir, e->d_name);
        if (file && (visit ? visit(arg, file) : remove_if_abandoned(file)))
            found++;
        free(file);
    }
    if (d)
        closedir(d);
    free(dir);
    return found;
}

int sp_stage_create(sp_db *db, const char *path)
{
    const char *base;
    char *dir = sp_split_path(path, &base);
    if (!dir)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    sp_stage_sweep(path, NULL, NULL);
    size_t n = strlen(dir) + strlen(base) + sizeof STAGE_TAG + 10;
    char *tmp = malloc(n);
    if (tmp)
        snprintf(tmp, n, "%s/.%s%sXXXXXX", dir, base, STAGE_TAG);
    free(dir);
    if (!tmp)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    int fd = mkstemp(tmp); /* 0600: the plan is sensitive */
    if (fd < 0) {
        int e = errno;
        free(tmp);
        if (e == ENOENT)
            return sp_fail(db, SP_ERROR, "cannot create %s: its directory does not exist", path);
        return sp_fail(db, SP_ERROR, "cannot create %s: %s", path, strerror(e));
    }
    if (flock(fd, LOCK_EX) != 0) {
        int e = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        return sp_fail(db, SP_ERROR, "cannot create %s: %s", path, strerror(e));
    }
    db->stage_fd = fd;
    db->stage_tmp = tmp;
    db->stage_path = strdup(path);
    if (!db->stage_path)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    return SP_OK;
}

void sp_stage_discard(sp_db *db)
{
    if (!db->stage_tmp)
        return;
    unlink(db->stage_tmp);
    close(db->stage_fd);
    free(db->stage_tmp);
    free(db->stage_path);
    db->stage_tmp = db->stage_path = NULL;
    db->stage_fd = -1;
}

bool sp_is_staged(const sp_db *db)
{
    return db && db->stage_tmp != NULL;
}

/* Makes the directory entry made by link(2) durable. */
static void sync_dir_of(const char *path)
{
    const char *base;
    char *dir = sp_split_path(path, &base);
    int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

int sp_publish(sp_db *db)
{
    sp_clear(db);
    if (!db->stage_tmp)
        return SP_OK; /* the database was not new: it is already in place */
    if (db->tx_depth > 0)
        return sp_fail(db, SP_ERROR, "internal error: publishing inside a transaction");
    /* The build ran without syncs (nothing depends on a file no one can
     * see); one fsync makes the whole of it durable before it gets a name. */
    if (fsync(db->stage_fd) != 0)
        return sp_fail(db, SP_ERROR, "cannot write %s: %s", db->stage_path, strerror(errno));
    if (link(db->stage_tmp, db->stage_path) != 0) {
        if (errno == EEXIST)
            return sp_fail(db, SP_EEXISTS,
                           "%s was created by someone else while this command ran; it was "
                           "left as it is and nothing of this command was saved",
                           db->stage_path);
        return sp_fail(db, SP_ERROR, "cannot create %s: %s", db->stage_path, strerror(errno));
    }
    sync_dir_of(db->stage_path);
    /* Reopen under the real name, so journals and the WAL are named after
     * it; then the temporary name goes. */
    char *path = db->stage_path;
    db->stage_path = NULL;
    sqlite3_close_v2(db->sql);
    db->sql = NULL;
    sp_stage_discard(db);
    int rc = sp_reopen(db, path);
    free(path);
    return rc;
}
