/* Files compiled into the library by cmake/embed.cmake. */
#ifndef SP_EMBEDDED_H
#define SP_EMBEDDED_H
#include <stddef.h>

typedef struct sp_embedded_file {
    const char *name; /* path relative to the source root, e.g. "sql/overdue.sql" */
    const char *data; /* NUL-terminated contents */
    size_t size;      /* bytes, without the NUL */
} sp_embedded_file;

/* Sorted by name; terminated by an entry whose name is NULL. */
extern const sp_embedded_file sp_embedded[];
extern const size_t sp_embedded_count;

/* The contents of the embedded file `name`, or NULL. */
const char *sp_embedded_get(const char *name);

#endif
