/*
 * UTF-8 text: validation, decoding, display width, CSV fields.
 *
 * Widths follow Unicode's EastAsianWidth property, not the C library's
 * wcwidth(), whose answer depends on the locale the program runs in: a
 * column width in an .xlsx or a table on the terminal must come out the
 * same for every teammate.
 */
#ifndef NCIO_TEXT_H
#define NCIO_TEXT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Stored by text_utf8_decode() for a byte that does not start valid UTF-8. */
#define TEXT_BADCP	((uint32_t)0xFFFFFFFF)

/*
 * 1 if s[0..len) is strict UTF-8 (RFC 3629: shortest form only, no UTF-16
 * surrogates, nothing above U+10FFFF), 0 otherwise.  NUL bytes are valid.
 */
int	 text_utf8_valid(const char *s, size_t len);

/*
 * Decode the code point at the start of s into *out and return the number
 * of bytes it takes (1 to 4).  An invalid, overlong or truncated sequence
 * consumes one byte and stores TEXT_BADCP, so a loop always advances.
 * Returns 0 only when len is 0.
 */
size_t	 text_utf8_decode(uint32_t *out, const char *s, size_t len);

/* Number of code points (an invalid byte counts as one), for maxLength. */
size_t	 text_chars(const char *s, size_t len);

/*
 * text_utf8_valid() and, when valid, text_chars() into *chars, in one
 * pass that steps over ASCII eight bytes at a time: for a validator that
 * checks every text it reads.
 */
int	 text_utf8_scan(const char *s, size_t len, size_t *chars);

/*
 * Display columns of one code point: 2 for East Asian Wide and Fullwidth
 * (kanji, kana, Hangul, 、。「」, full-width digits and letters, emoji),
 * 0 for combining marks, format and zero-width characters, 1 otherwise
 * (half-width katakana ｶﾀｶﾅ included).
 */
int	 text_cp_width(uint32_t cp);

/* Display columns of UTF-8 text; an invalid byte counts 1. */
size_t	 text_width(const char *s, size_t len);

/* Flags for text_csv_field(). */
#define TEXT_CSV_NUMERIC	0x1	/* the caller's value is a number */

/*
 * Append one RFC 4180 field (without the separator) to out.
 *
 * The field is enclosed in double quotes, with inner quotes doubled, when
 * it contains a comma, a double quote, CR or LF, or begins or ends with a
 * space.
 *
 * Formula-injection guard (OWASP "CSV injection"): a text field that
 * begins with '=', '+', '-', '@', TAB or CR would be run as a formula by
 * Excel and LibreOffice, so it is written quoted with a single quote put
 * in front:  =1+1  becomes  "'=1+1".  Spreadsheets show it as text.
 *
 * With TEXT_CSV_NUMERIC the value is written as is, so -5 stays -5, but
 * only if it really is a plain decimal number ([+-]digits[.digits]
 * [e[+-]digits]); anything else marked numeric still gets the guard, so a
 * mislabelled field cannot smuggle a formula through.
 *
 * Returns 0, or NC_ENOMEM with the message set.
 */
int	 text_csv_field(struct buf *out, const char *s, size_t len, int flags);

/*
 * A new string formatted as printf would, for the caller to free; NULL
 * when out of memory or the format fails (no message set).
 */
char	*text_printf(const char *fmt, ...) NC_PRINTF(1, 2);
char	*text_vprintf(const char *fmt, va_list ap) NC_PRINTF(1, 0);

/*
 * A new string: s (NULL: "") with a line feed before the first mark
 * after its start, a document number's office prefix on a line of its
 * own (練情セ / 第26-004号), or s as it is; NULL when out of memory.
 */
char	*text_split_before(const char *s, const char *mark);

/*
 * x rounded half up (away from zero) to 1 / scale, as the ward rounds
 * (scale 10: 76.65 is 76.7), with a tolerance for a half that binary
 * holds a little under it (76.6499... for the mean of 76.6 and 76.7).
 */
double	 text_round_half(double x, double scale);

/*
 * A percentage in one decimal, rounded half up once, as every document
 * prints a rate (81.25 is 81.3, which printf's "%.1f" prints as 81.2 on
 * the binary value): pct the percentage (81.25, not 0.8125), out at
 * least 16 bytes; "%" appended when sign is set.  NAN writes nan_text.
 */
void	 text_pct1(char *out, size_t size, double pct, int sign,
	    const char *nan_text);

/*
 * For each of v[0..n) the index of the first string equal to it: first[i]
 * is i for the first of its text (and for a NULL), else the index of the
 * earliest equal one.  O(n log n): a sorted copy of (text, index), not
 * every pair (a record of 20,000 agenda items or hearing questions was
 * quadratic).  0, or NC_ENOMEM with first untouched.
 */
int	 text_first_same(size_t *first, const char *const *v, size_t n);

#endif
