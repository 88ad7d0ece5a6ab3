/*
 * CSV with encoding detection (lib/io/csvread.c), and the same bytes
 * through the rules engine: any bytes give a table or problems with
 * positions, never a crash, an overrun, a leak or undefined behaviour.
 * An accepted file's every field is valid UTF-8 without a NUL (whatever
 * the encoding it came in), and its rows are in the order of their lines.
 * The first byte picks tight limits or the defaults, so that the limit
 * paths are reached with small inputs too.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "diag.h"
#include "rules.h"
#include "text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct rules *
fixed_rules(void)
{
	static const char yaml[] =
	    "header: auto\n"
	    "fields:\n"
	    "  org: { column: [所属, 課コード], required: true }\n"
	    "  n: { column: 回答番号, type: integer, optional: true }\n"
	    "  d: { pattern: \"^日\", type: date, optional: true }\n"
	    "  c: { position: 4, type: choice, choices: [はい, いいえ],"
	    " map: yn }\n"
	    "maps:\n"
	    "  yn: { \"1\": はい, \"0\": いいえ }\n"
	    "key: [org, n]\n";
	struct rules	*r = NULL;

	if (rules_parse(&r, yaml, sizeof yaml - 1, "fixed", NULL) != 0)
		abort();
	return r;
}

static void
check_csv(const struct csvread *c)
{
	size_t		 i, k, len;
	unsigned	 prev = 0;
	const char	*s;

	for (i = 0; i < csvread_nrows(c); i++) {
		if (csvread_line(c, i) <= prev)
			abort();
		prev = csvread_line(c, i);
		for (k = 0; k < csvread_ncols(c, i); k++) {
			s = csvread_cell(c, i, k);
			len = csvread_cell_len(c, i, k);
			if (strlen(s) != len || !text_utf8_valid(s, len))
				abort();
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rules	*r;
	struct io_limits	 lim;
	struct csvread		*c = NULL;
	struct rules_table	*t = NULL;
	struct rules_report	 rep;
	struct diags		 d = DIAGS_INIT;
	size_t			 i, f;

	if (r == NULL)
		r = fixed_rules();
	if (size == 0)
		return 0;
	memset(&lim, 0, sizeof lim);
	if (data[0] & 1) {
		lim.rows = 8;
		lim.cols = 6;
		lim.cells = 30;
		lim.field_chars = 16;
	}
	if (csvread_mem_lim(&c, (const char *)data + 1, size - 1,
	    CSVREAD_DETECT, "in.csv", &lim, &d) == 0)
		check_csv(c);
	else if (c != NULL || d.n == 0)
		abort();
	csvread_free(c);
	diags_free(&d);

	rules_report_init(&rep, &d, RULES_MAX_PROBLEMS);
	if (rules_apply_mem(&t, r, data + 1, size - 1, "in.csv", NULL,
	    &rep) == 0) {
		for (i = 0; i < rules_nrows(t); i++) {
			for (f = 0; f < rules_nfields(r); f++) {
				const char *v = rules_get(t, i, f);

				if (v == NULL || !text_utf8_valid(v,
				    strlen(v)))
					abort();
			}
		}
	} else if (t != NULL || d.n == 0 || d.n > RULES_MAX_PROBLEMS)
		abort();
	rules_table_free(t);
	diags_free(&d);
	return 0;
}
