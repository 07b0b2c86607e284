/*
 * One UTF-8 sequence, for the library's byte scans (util.c checks stored
 * text with it; the CSV reader's one-pass path checks file bytes).
 */
#ifndef SP_UTF8_H
#define SP_UTF8_H

#include <stddef.h>

/* Length of the UTF-8 sequence at s (1-4; `left` bytes are there), or 0
 * if it is not valid or not whole: overlong forms, surrogates and code
 * points past U+10FFFF are refused (RFC 3629). */
size_t sp_utf8_seq(const unsigned char *s, size_t left);

#endif
