/*
 * Word-at-a-time byte tests ("SIMD within a register"), for the scans an
 * import makes over every byte of its file: eight bytes are tested in a
 * few operations instead of eight compares and branches. Each test is an
 * exact yes/no for the whole word; the caller finds the byte itself.
 * (A 10,000-row import spent 7 instructions a byte checking UTF-8 and 26
 * in the CSV reader's own pass, byte by byte: bench/RESULTS.md.)
 */
#ifndef SP_SWAR_H
#define SP_SWAR_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define SP_WORD 8 /* bytes in a word */

static inline uint64_t sp_word_at(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, sizeof w); /* any alignment; compiles to one load */
    return w;
}

#define SP_WORD_ONES 0x0101010101010101ULL
#define SP_WORD_HIGHS 0x8080808080808080ULL

/* Some byte of w is at least 0x80. */
static inline bool sp_word_has_high(uint64_t w)
{
    return (w & SP_WORD_HIGHS) != 0;
}

/* Some byte of w is below b (b at most 0x80). */
static inline bool sp_word_has_below(uint64_t w, unsigned char b)
{
    return ((w - SP_WORD_ONES * b) & ~w & SP_WORD_HIGHS) != 0;
}

/* Some byte of w equals b. */
static inline bool sp_word_has(uint64_t w, unsigned char b)
{
    return sp_word_has_below(w ^ (SP_WORD_ONES * b), 1);
}

#endif
