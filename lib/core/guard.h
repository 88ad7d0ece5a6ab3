/*
 * My Number guard.
 *
 * A My Number (個人番号) is 特定個人情報 and must never be written to a
 * record or accepted from an import (DESIGN.md).  It is 12 digits, the last
 * a check digit (DOMAIN.md): with P(n) the n-th digit from the right
 * excluding the check digit (n = 1..11) and Q(n) = n + 1 for n <= 6, n - 5
 * for n >= 7, the check digit is 11 - (sum P(n) * Q(n) mod 11), or 0 when
 * that remainder is 0 or 1.
 *
 * The search errs on the side of finding: one 12-digit string in eleven
 * passes the check by chance, so false positives are expected and the
 * caller must say what was found and where, so the user can rewrite it.
 */
#ifndef NCIO_GUARD_H
#define NCIO_GUARD_H

#include <stddef.h>

/*
 * The check digit (0..9) for the first eleven digits, given as ASCII
 * '0'..'9'; NC_EINVALID with the message set if one is not a digit.
 */
int	 guard_mynumber_check_digit(const char digits[11]);

/*
 * 1 if s is exactly twelve ASCII digits (then NUL) whose last digit is the
 * check digit of the first eleven, 0 otherwise (including NULL).
 */
int	 guard_mynumber_valid(const char *twelve_digits);

/*
 * Search UTF-8 text for a valid My Number; 1 when found, with the byte
 * offset and byte length of the match in *off and *mlen, else 0.
 *
 * Digits are ASCII 0-9 or full-width ０-９, mixed freely.  A candidate is
 * a run of digit groups joined by single separators -- any Unicode space
 * (category Zs: ASCII space, no-break space, narrow no-break space, the
 * en/em/thin/hair spaces, the full-width space U+3000 ...) or tab; any
 * dash (category Pd: '-', U+2010..U+2015, U+FF0D full-width hyphen-minus,
 * U+301C wave dash ...); minus signs (U+2212 and its super- and subscript
 * and heavy forms); ー U+30FC and ｰ U+FF70, often typed for a hyphen in
 * Japanese; and the invisible characters (soft hyphen, zero-width space
 * and joiners, word joiner, U+FEFF) that make digits look written
 * together -- holding exactly twelve
 * digits in all, not directly preceded or followed by another digit: so
 * "1234 5678 9012", "1234-5678-9012", "123456789012" and any other
 * grouping are candidates; a run of 13 digits is not, nor are digits
 * joined by commas or dots.  Inside a longer chain of groups
 * ("03-1234-5678-9012-...") every stretch of whole groups that totals
 * twelve digits is a candidate.  A candidate matches when its check digit
 * is right.  Invalid UTF-8 never matches and never stops the search.
 * A text that is exactly an ISO date-time or a lowercase hex digest (40
 * or 64 digits: a sha256 the program computed) holds no candidate.
 */
int	 guard_find_mynumber(const char *s, size_t len, size_t *off,
	    size_t *mlen);

/*
 * Like guard_find_mynumber() but only for matches starting at byte from or
 * later; the bytes before from still count as context (a digit just before
 * from is an adjacent digit).  To list every match, call again with
 * from = *off + *mlen.
 */
int	 guard_find_mynumber_from(const char *s, size_t len, size_t from,
	    size_t *off, size_t *mlen);

#endif
