/* The web import's options for sheets that need them: the CLI's --sheet,
 * --header-row, --as-at, --fill-down, --keep-rag, --encoding and --map, as
 * fields of the form, read from the dry run's post and again from the
 * confirm's (the browser sends them back, and may forge them). */
#ifndef SP_WEB_IMPORT_OPTS_H
#define SP_WEB_IMPORT_OPTS_H

#include <stdbool.h>

#include "form.h"

/* Reads a field of a post into buf ("" if absent; "\x01", which no field
 * takes, if it is too long or holds a NUL). */
typedef void field_reader(web_ctx *x, const char *name, char *buf, size_t size);

enum { OPT_SHEET, OPT_HEADER_ROW, OPT_AS_AT, OPT_FILL_DOWN, OPT_KEEP_RAG, OPT_ENCODING,
       OPT_MAP, OPT_COUNT };

#define OPTS_MAP_SIZE 4096

/* The options as the clerk gave them (v: "" where not given), and what the
 * library is given for them. */
typedef struct import_opts {
    char *v[OPT_COUNT]; /* into text */
    char text[OPTS_MAP_SIZE + 1024];
    char as_at[16];                 /* ISO */
    size_t header_row;              /* 0: the import finds it */
    char map[OPTS_MAP_SIZE];        /* "Header=field,..." */
    char map_shown[OPTS_MAP_SIZE * 2]; /* "Header = field; ..." */
} import_opts;

/* Reads the options with read and checks them: NULL, or the id of the
 * field refused with e's message set. */
const char *opts_read(web_ctx *x, field_reader *read, import_opts *o, form_error *e);
/* Empty options, for a form that has had no post. */
void opts_clear(import_opts *o);
/* Gives the library the options that are set. */
void opts_apply(const import_opts *o, sp_import_options *io);
/* The fields, in a details component open if one is set or in error. */
void opts_fields(FILE *f, const form_error *e, const import_opts *o);
/* The options as hidden fields of the confirm form. */
void opts_hidden(FILE *f, const import_opts *o);
/* The options set, as a summary list (none: nothing). */
void opts_summary(FILE *f, const import_opts *o);
/* Writes into out (size bytes) the library's message msg with each CLI
 * option it names put as the form's field; returns the id of the first
 * such field, or NULL (then out holds msg unchanged). */
const char *opts_reword(char *out, size_t size, const char *msg);

/* The label of option opt (OPT_*), as the form and the messages give it. */
const char *opts_label(int opt);
/* Writes "the “Label” field under Options" of option opt, escaped: the
 * page's advice names a field as the library's reworded messages do. */
void opts_named(FILE *f, int opt);

/* One row of a GOV.UK summary list; key and value are escaped. */
void summary_row(FILE *f, const char *key, const char *value);

#endif
