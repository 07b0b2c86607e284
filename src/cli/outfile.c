/* Output files named with --out: written privately, replaced atomically. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int cli_outfile_open(cli_outfile *o, const char *path)
{
    size_t n = strlen(path);
    o->path = path;
    o->f = NULL;
    /* mkstemp's template: the name, a dot and six X's it replaces. */
    o->tmp = malloc(n + 8);
    if (!o->tmp)
        return cli_error("out of memory");
    memcpy(o->tmp, path, n);
    o->tmp[n] = '.';
    memset(o->tmp + n + 1, 'X', 6);
    o->tmp[n + 7] = '\0';
    int fd = mkstemp(o->tmp); /* mode 0600: the plan is sensitive */
    o->f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (o->f)
        return EXIT_OK;
    int rc = cli_error("cannot create %s: %s", path, strerror(errno));
    if (fd >= 0) {
        close(fd);
        unlink(o->tmp);
    }
    free(o->tmp);
    o->tmp = NULL;
    return rc;
}

int cli_outfile_close(cli_outfile *o, int rc)
{
    if (fclose(o->f) != 0 && rc == EXIT_OK)
        rc = cli_error("cannot write %s: %s", o->path, strerror(errno));
    if (rc == EXIT_OK && rename(o->tmp, o->path) != 0)
        rc = cli_error("cannot replace %s: %s", o->path, strerror(errno));
    if (rc != EXIT_OK)
        unlink(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
    return rc;
}
