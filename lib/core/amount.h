/*
 * Amounts of money as people type them.
 *
 * The ward's documents write costs as 12,800,000円 or 1,280万円; the
 * records hold whole yen as integers.  amount_parse() accepts what a
 * person would type and amount_format() writes what a document shows.
 */
#ifndef NCIO_AMOUNT_H
#define NCIO_AMOUNT_H

#include <stddef.h>

/* Larger amounts are refused: no plan costs a trillion yen. */
#define AMOUNT_MAX	999999999999LL

/*
 * Whole yen from text: 12800000, 12,800,000, 12,800,000円, ¥12,800,000,
 * 1280万円, 1,280万, 1億2800万円, 1.5万円; digits ASCII or full-width,
 * spaces around the parts ignored.  A decimal must come out as whole yen.
 * NC_EINVALID with a message quoting the text for anything else, a
 * negative amount included.
 */
int	amount_parse(long long *out, const char *s);

/* 12800000 -> "12,800,000" (no unit); out has at least 32 bytes. */
void	amount_format(char *out, size_t size, long long yen);

#endif
