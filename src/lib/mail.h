/*
 * Internal: building e-mail messages (mail.c) — a growing text buffer,
 * RFC 2047 header words, base64 bodies and plain-text wrapping — for the
 * reminders (digest.c). The library builds messages; delivering them is
 * the caller's business.
 */
#ifndef SP_MAIL_H
#define SP_MAIL_H

#include <stdbool.h>
#include <stddef.h>

/* A growing NUL-terminated string; `failed` once any growth fails (later
 * appends do nothing), so a builder checks once at the end. */
typedef struct sp_buf {
    char *s;
    size_t len, cap;
    bool failed;
} sp_buf;

void sp_buf_add(sp_buf *b, const char *s, size_t n);
void sp_buf_puts(sp_buf *b, const char *s);
void sp_buf_printf(sp_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s escaped for HTML text and attribute values. */
void sp_buf_html(sp_buf *b, const char *s);
/* Appends s wrapped at spaces to lines of at most `width` characters,
 * each line after the first starting with `indent`; ends with "\n". */
void sp_buf_wrap(sp_buf *b, const char *s, size_t width, const char *indent);
/* Appends the bytes base64-encoded, 76 characters a line, each line
 * ending "\n". */
void sp_buf_base64(sp_buf *b, const char *data, size_t n);
/* Appends a header "Name: value", the value as RFC 2047 encoded words
 * (UTF-8, base64) if it is not plain printable ASCII, folded so that no
 * line passes 78 characters. */
void sp_buf_header(sp_buf *b, const char *name, const char *value);
/* Appends an address header: display name (encoded or quoted as needed)
 * and <addr>. */
void sp_buf_address(sp_buf *b, const char *name, const char *display, const char *addr);
/* Frees the text and resets the buffer. */
void sp_buf_free(sp_buf *b);

/* True if s is printable ASCII (space to '~') only. */
bool sp_mail_plain(const char *s);

#endif
