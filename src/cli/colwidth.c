/*
 * Display columns, as a terminal draws text: an ideograph, a kana, a
 * Hangul syllable, a full-width letter or an emoji is drawn two columns
 * wide, and a combining mark, a zero-width space or joiner and a variation
 * selector are drawn over the character before them (no column of their
 * own). A table counting code points instead lets a row of Chinese or
 * Korean text run past the window and pushes its other columns out of
 * line, and cuts an accent off its letter.
 *
 * The table is ours, not the C library's wcwidth(), whose answer depends
 * on LC_CTYPE (a cron job in the "C" locale would measure differently from
 * the same user at a terminal).
 */
#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

typedef struct {
    unsigned lo, hi; /* code points, inclusive */
    unsigned char cols;
} col_span;

/* Sorted, not overlapping; anything not listed is one column. Two columns:
 * the main blocks Unicode's EastAsianWidth.txt marks W (wide) or F
 * (full-width), with the odd unassigned code point inside a block. None:
 * the main blocks of general category Mn and Me (nonspacing and enclosing
 * marks), the zero-width format characters (U+200B-U+200F, U+2060-U+2064,
 * U+FEFF; visible.c shows U+200E and U+200F escaped) and the variation
 * selectors. Scripts not listed count one column a code point, as before. */
static const col_span spans[] = {
    {0x0300, 0x036F, 0},   {0x0483, 0x0489, 0},   {0x0591, 0x05BD, 0},   {0x05BF, 0x05BF, 0},
    {0x05C1, 0x05C2, 0},   {0x05C4, 0x05C5, 0},   {0x05C7, 0x05C7, 0},   {0x0610, 0x061A, 0},
    {0x064B, 0x065F, 0},   {0x0670, 0x0670, 0},   {0x06D6, 0x06DC, 0},   {0x06DF, 0x06E4, 0},
    {0x06E7, 0x06E8, 0},   {0x06EA, 0x06ED, 0},   {0x0E31, 0x0E31, 0},   {0x0E34, 0x0E3A, 0},
    {0x0E47, 0x0E4E, 0},   {0x1100, 0x115F, 2},   {0x1AB0, 0x1AFF, 0},   {0x1DC0, 0x1DFF, 0},
    {0x200B, 0x200F, 0},   {0x2060, 0x2064, 0},   {0x20D0, 0x20FF, 0},   {0x231A, 0x231B, 2},
    {0x2329, 0x232A, 2},   {0x23E9, 0x23EC, 2},   {0x23F0, 0x23F0, 2},   {0x23F3, 0x23F3, 2},
    {0x25FD, 0x25FE, 2},   {0x2614, 0x2615, 2},   {0x2648, 0x2653, 2},   {0x267F, 0x267F, 2},
    {0x2693, 0x2693, 2},   {0x26A1, 0x26A1, 2},   {0x26AA, 0x26AB, 2},   {0x26BD, 0x26BE, 2},
    {0x26C4, 0x26C5, 2},   {0x26CE, 0x26CE, 2},   {0x26D4, 0x26D4, 2},   {0x26EA, 0x26EA, 2},
    {0x26F2, 0x26F3, 2},   {0x26F5, 0x26F5, 2},   {0x26FA, 0x26FA, 2},   {0x26FD, 0x26FD, 2},
    {0x2705, 0x2705, 2},   {0x270A, 0x270B, 2},   {0x2728, 0x2728, 2},   {0x274C, 0x274C, 2},
    {0x274E, 0x274E, 2},   {0x2753, 0x2755, 2},   {0x2757, 0x2757, 2},   {0x2795, 0x2797, 2},
    {0x27B0, 0x27B0, 2},   {0x27BF, 0x27BF, 2},   {0x2B1B, 0x2B1C, 2},   {0x2B50, 0x2B50, 2},
    {0x2B55, 0x2B55, 2},   {0x2E80, 0x303E, 2},   {0x3041, 0x3247, 2},   {0x3250, 0x4DBF, 2},
    {0x4E00, 0xA4CF, 2},   {0xA960, 0xA97F, 2},   {0xAC00, 0xD7A3, 2},   {0xF900, 0xFAFF, 2},
    {0xFE00, 0xFE0F, 0},   {0xFE10, 0xFE19, 2},   {0xFE20, 0xFE2F, 0},   {0xFE30, 0xFE6B, 2},
    {0xFEFF, 0xFEFF, 0},   {0xFF00, 0xFF60, 2},   {0xFFE0, 0xFFE6, 2},   {0x1F004, 0x1F004, 2},
    {0x1F0CF, 0x1F0CF, 2}, {0x1F18E, 0x1F18E, 2}, {0x1F191, 0x1F19A, 2}, {0x1F200, 0x1F265, 2},
    {0x1F300, 0x1F320, 2}, {0x1F32D, 0x1F335, 2}, {0x1F337, 0x1F37C, 2}, {0x1F37E, 0x1F393, 2},
    {0x1F3A0, 0x1F3CA, 2}, {0x1F3CF, 0x1F3D3, 2}, {0x1F3E0, 0x1F3F0, 2}, {0x1F3F4, 0x1F3F4, 2},
    {0x1F3F8, 0x1F3FA, 2}, {0x1F3FB, 0x1F3FF, 0}, {0x1F400, 0x1F43E, 2}, {0x1F440, 0x1F440, 2}, {0x1F442, 0x1F4FC, 2}, {0x1F4FF, 0x1F53D, 2},
    {0x1F54B, 0x1F54E, 2}, {0x1F550, 0x1F567, 2}, {0x1F57A, 0x1F57A, 2}, {0x1F595, 0x1F596, 2},
    {0x1F5A4, 0x1F5A4, 2}, {0x1F5FB, 0x1F64F, 2}, {0x1F680, 0x1F6C5, 2}, {0x1F6CC, 0x1F6CC, 2},
    {0x1F6D0, 0x1F6D2, 2}, {0x1F6D5, 0x1F6D7, 2}, {0x1F6DC, 0x1F6DF, 2}, {0x1F6EB, 0x1F6EC, 2},
    {0x1F6F4, 0x1F6FC, 2}, {0x1F7E0, 0x1F7EB, 2}, {0x1F90C, 0x1F93A, 2}, {0x1F93C, 0x1F945, 2},
    {0x1F947, 0x1F9FF, 2}, {0x1FA70, 0x1FAFF, 2}, {0x20000, 0x2FFFD, 2}, {0x30000, 0x3FFFD, 2},
    {0xE0100, 0xE01EF, 0},
};

int cli_char_width(unsigned cp)
{
    if (cp < 0x300) /* Latin-1 and Latin Extended: most plan text past ASCII */
        return 1;
    size_t lo = 0, hi = sizeof spans / sizeof spans[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < spans[mid].lo)
            hi = mid;
        else if (cp > spans[mid].hi)
            lo = mid + 1;
        else
            return spans[mid].cols;
    }
    return 1;
}

/* The columns of the character at s (not ASCII), its bytes in *n. A byte
 * that starts no character is one column (a cell shows it escaped). After
 * a zero-width joiner (*joined), an emoji is drawn into the one before it:
 * "man, ZWJ, woman, ZWJ, girl" is one family, two columns, not six. (The
 * skin-tone modifiers, U+1F3FB-U+1F3FF, are none in the table: they tint
 * the emoji before them.) */
static int char_cols(const char *s, size_t *n, bool *joined)
{
    unsigned cp;
    size_t len = cli_utf8_decode(s, &cp);
    *n = len ? len : 1;
    int cols = !len ? 1 : *joined ? 0 : cli_char_width(cp);
    *joined = len && cp == 0x200D;
    return cols;
}

int cli_span_width(const char *s, size_t n)
{
    int w = 0;
    size_t i = 0, len;
    bool joined = false;
    while (i < n && s[i]) {
        /* ASCII is a column a byte: only other characters are looked up. */
        if ((unsigned char)s[i] < 0x80) {
            w++;
            i++;
            joined = false;
            continue;
        }
        w += char_cols(s + i, &len, &joined);
        i += len;
    }
    return w;
}

size_t cli_span_fit(const char *s, int cols, int *width)
{
    int w = 0;
    size_t i = 0, len;
    bool joined = false;
    while (s[i]) {
        int c = 1;
        len = 1;
        if ((unsigned char)s[i] >= 0x80)
            c = char_cols(s + i, &len, &joined);
        else
            joined = false;
        /* A mark of no width stays with the character it is drawn on; the
         * first character that does not fit is left out with its marks. */
        if (c > 0 && w + c > cols)
            break;
        w += c;
        i += len;
    }
    if (width)
        *width = w;
    return i;
}
