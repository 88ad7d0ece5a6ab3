/*
 * Rules files (lib/io/rules_yaml.c) against a fixed small table: any
 * text gives rules or problems with positions, never a crash, a leak or
 * undefined behaviour; rules that load are applied to a CSV table of a
 * few rows (title rows, a header, Japanese text, dates, numbers, a
 * duplicate) and give a table whose every cell is text, or problems.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "rules.h"
#include "text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char table[] =
    "タイトル,研修アンケート,令和8年度\n"
    "\n"
    "所属,回答番号,Q1. パスワード,満足度,回答日,Q2,補足\n"
    "hoiku,r1,できている,非常に満足,令和8年10月1日,はい,\n"
    "hoiku,r2,できていない,３,2026/10/2,いいえ,\"複数行の\n補足\"\n"
    "kikaku,r3,対象外,2,２０２６－１０－０３,x,=1+1\n"
    "kikaku,r3,,,46113,,\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rules		*r = NULL;
	struct rules_table	*t = NULL;
	struct rules_report	 rep;
	struct diags		 d = DIAGS_INIT;
	size_t			 i, f;
	const char		*v;

	if (rules_parse(&r, (const char *)data, size, "fuzz.rules", &d) !=
	    0) {
		if (r != NULL)
			abort();
		diags_free(&d);
		return 0;
	}
	diags_free(&d);
	rules_report_init(&rep, &d, RULES_MAX_PROBLEMS);
	if (rules_apply_mem(&t, r, table, sizeof table - 1, "t.csv", NULL,
	    &rep) == 0) {
		for (i = 0; i < rules_nrows(t); i++) {
			for (f = 0; f < rules_nfields(r); f++) {
				if ((v = rules_get(t, i, f)) == NULL ||
				    !text_utf8_valid(v, strlen(v)))
					abort();
			}
			if (rules_line(t, i) == 0)
				abort();
		}
	} else if (t != NULL || d.n == 0)
		abort();
	rules_table_free(t);
	diags_free(&d);
	rules_free(r);
	return 0;
}
