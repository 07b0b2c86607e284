/*
 * Output files named with --out.
 *
 * A regular file (or a new name) is written to an unnamed temporary file
 * in the same directory (O_TMPFILE, mode 0600) and linked into place only
 * when whole: a failed or killed command leaves nothing, neither a half
 * file under the name asked for nor a stray copy of the plan beside it.
 * Where the filesystem has no O_TMPFILE, a named private file FILE.XXXXXX
 * is used instead (a killed command can leave that one; README says so).
 *
 * "-" is standard output. An existing FIFO or character device (a pipe,
 * /dev/null, a terminal) is written as a stream, never replaced; a socket,
 * block device or directory is refused.
 */
#define _GNU_SOURCE /* O_TMPFILE, linkat's AT_SYMLINK_FOLLOW on /proc */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

char *cli_dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = !slash ? 1 : slash == path ? 1 : (size_t)(slash - path);
    char *dir = malloc(n + 1);
    if (dir) {
        memcpy(dir, slash ? path : ".", n);
        dir[n] = '\0';
    }
    return dir;
}

int cli_tmpfile(const char *near)
{
    char *dir = cli_dir_of(near);
    if (!dir) {
        errno = ENOMEM;
        return -1;
    }
    int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    int e = errno;
    free(dir);
    errno = e;
    return fd;
}

static int open_stream(cli_outfile *o, const struct stat *sb)
{
    if (S_ISDIR(sb->st_mode))
        return cli_error("cannot write %s: it is a directory", o->path);
    if (!S_ISFIFO(sb->st_mode) && !S_ISCHR(sb->st_mode))
        return cli_error("cannot write %s: it is a %s, not a file; give a file name, or - "
                         "for standard output", o->path,
                         S_ISSOCK(sb->st_mode) ? "socket" : "block device");
    o->f = fopen(o->path, "wb"); /* a FIFO or device: written, never replaced */
    if (!o->f)
        return cli_error("cannot write %s: %s", o->path, strerror(errno));
    o->kind = CLI_OUT_STREAM;
    return EXIT_OK;
}

/* The named fallback: FILE.XXXXXX, renamed over FILE when whole. */
static int open_named(cli_outfile *o)
{
    size_t n = strlen(o->path);
    o->tmp = malloc(n + 8);
    if (!o->tmp)
        return cli_error("out of memory");
    memcpy(o->tmp, o->path, n);
    memcpy(o->tmp + n, ".XXXXXX", 8);
    int fd = mkstemp(o->tmp); /* mode 0600: the plan is sensitive */
    o->f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (o->f) {
        o->kind = CLI_OUT_NAMED;
        return EXIT_OK;
    }
    int rc = errno == ENOENT
                 ? cli_error("cannot write %s: its directory does not exist", o->path)
                 : cli_error("cannot write %s: %s", o->path, strerror(errno));
    if (fd >= 0) {
        close(fd);
        unlink(o->tmp);
    }
    free(o->tmp);
    o->tmp = NULL;
    return rc;
}

int cli_outfile_open(cli_outfile *o, const char *path)
{
    struct stat sb;
    memset(o, 0, sizeof *o);
    o->path = path;
    o->fd = -1;
    if (strcmp(path, "-") == 0) {
        o->f = stdout;
        o->kind = CLI_OUT_STDOUT;
        return EXIT_OK;
    }
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
        return open_stream(o, &sb);
    o->fd = access("/proc/self/fd", X_OK) == 0 ? cli_tmpfile(path) : -1;
    if (o->fd < 0)
        return open_named(o);
    snprintf(o->proc_name, sizeof o->proc_name, "/proc/self/fd/%d", o->fd);
    o->f = fdopen(dup(o->fd), "wb");
    if (!o->f) {
        close(o->fd);
        return cli_error("cannot create %s: %s", path, strerror(errno));
    }
    o->kind = CLI_OUT_UNNAMED;
    return EXIT_OK;
}

/* Gives the unnamed file its name: linked straight to a new name, or to a
 * free temporary name renamed over an existing file. */
static int link_into_place(cli_outfile *o)
{
    if (linkat(AT_FDCWD, o->proc_name, AT_FDCWD, o->path, AT_SYMLINK_FOLLOW) == 0)
        return EXIT_OK;
    if (errno != EEXIST)
        return cli_error("cannot create %s: %s", o->path, strerror(errno));
    size_t n = strlen(o->path) + 24;
    char *tmp = malloc(n);
    if (!tmp)
        return cli_error("out of memory");
    int rc = EXIT_RUNTIME;
    for (unsigned i = 0; i < 100; i++) {
        snprintf(tmp, n, "%s.%08lx%u", o->path, (unsigned long)time(NULL) ^ (unsigned long)getpid(), i);
        if (linkat(AT_FDCWD, o->proc_name, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0) {
            rc = rename(tmp, o->path) == 0 ? EXIT_OK
                 : cli_error("cannot replace %s: %s", o->path, strerror(errno));
            if (rc != EXIT_OK)
                unlink(tmp);
            break;
        }
        if (errno != EEXIST) {
            rc = cli_error("cannot create %s: %s", o->path, strerror(errno));
            break;
        }
    }
    free(tmp);
    return rc;
}

static int finish_file(cli_outfile *o, int rc)
{
    if (rc == EXIT_OK && o->kind == CLI_OUT_UNNAMED && fsync(o->fd) != 0)
        rc = cli_error("cannot write %s: %s", o->path, strerror(errno));
    if (o->kind == CLI_OUT_UNNAMED) {
        if (rc == EXIT_OK)
            rc = link_into_place(o);
        close(o->fd); /* unlinked and unnamed if rc failed: the data goes */
    } else {
        if (rc == EXIT_OK && rename(o->tmp, o->path) != 0)
            rc = cli_error("cannot replace %s: %s", o->path, strerror(errno));
        if (rc != EXIT_OK)
            unlink(o->tmp);
        free(o->tmp);
        o->tmp = NULL;
    }
    return rc;
}

int cli_outfile_close(cli_outfile *o, int rc)
{
    if (o->kind == CLI_OUT_STDOUT) {
        if (fflush(stdout) != 0 && rc == EXIT_OK)
            rc = cli_error("cannot write to standard output: %s", strerror(errno));
        return rc;
    }
    if (o->f && fclose(o->f) != 0 && rc == EXIT_OK)
        rc = cli_error("cannot write %s: %s", o->path, strerror(errno));
    o->f = NULL;
    return o->kind == CLI_OUT_STREAM ? rc : finish_file(o, rc);
}

const char *cli_outfile_name(const cli_outfile *o)
{
    return o->kind == CLI_OUT_UNNAMED ? o->proc_name
         : o->kind == CLI_OUT_NAMED ? o->tmp : o->path;
}
