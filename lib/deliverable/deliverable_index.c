/*
 * The 成果物一覧 of a year-end bundle (4(3)イ): every file with the
 * deliverable, the specification item, the record (by its 文書番号 and
 * title, never its id), the date, the path, size and SHA-256.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cal.h"
#include "deliverable.h"
#include "error.h"
#include "schema.h"
#include "store.h"
#include "xlsx.h"

int
deliverable_index_write(const char *path, struct store *st, int fy,
    const struct deliverable_row *rows, size_t n, time_t created)
{
	static const struct xlsx_column cols[] = {
		{ "No.", XLSX_COL_CENTER, 5 },
		{ "成果物", 0, 0 },
		{ "仕様書の項目", 0, 0 },
		{ "記録", 0, 0 },
		{ "日付", 0, 16 },
		{ "ファイル", 0, 0 },
		{ "サイズ（バイト）", 0, 16 },
		{ "SHA-256", 0, 0 },
	};
	const struct schema	*kind;
	struct xlsx		*x = NULL;
	struct xlsx_sheet	*sh = NULL;
	struct xlsx_props	 props;
	struct cal_date		 d;
	struct buf		 b = BUF_INIT;
	char			 fyl[CAL_FMT_MAX];
	uint32_t		 row;
	size_t			 i;
	int			 rc;

	if ((rc = store_kind(&kind, st, "deliverable")) != 0)
		return rc;
	cal_fy_label(fyl, sizeof fyl, fy);
	memset(&props, 0, sizeof props);
	props.title = "成果物一覧";
	props.created = created;
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		return rc;
	xlsx_add_sheet(&sh, x, "成果物一覧", XLSX_LANDSCAPE);
	buf_printf(&b, "%s　成果物一覧", fyl);
	xlsx_title(sh, b.data, "仕様書 4(3)イ による提出。各ファイルの "
	    "SHA-256 は同じフォルダの SHA256SUMS.txt にも記す。");
	xlsx_table(&row, sh, cols, sizeof cols / sizeof cols[0]);
	for (i = 0; i < n; i++, row++) {
		xlsx_write_number(sh, row, 0, (double)(i + 1), XLSX_NUM_INT);
		xlsx_write_text(sh, row, 1, rows[i].doc);
		buf_reset(&b);
		buf_printf(&b, "%s %s", rows[i].spec, schema_label(kind,
		    "spec", rows[i].spec));
		xlsx_write_text(sh, row, 2, b.data);
		xlsx_write_text(sh, row, 3, rows[i].record != NULL ?
		    rows[i].record : "");
		if (rows[i].date != NULL &&
		    cal_parse_iso(&d, rows[i].date) == 0)
			xlsx_write_date(sh, row, 4, d.y, d.m, d.d,
			    XLSX_DATE_ERA);
		else
			xlsx_write_blank(sh, row, 4);
		xlsx_write_text(sh, row, 5, rows[i].file);
		xlsx_write_number(sh, row, 6, (double)rows[i].size,
		    XLSX_NUM_INT);
		xlsx_write_text(sh, row, 7, rows[i].sha256);
	}
	rc = buf_ok(&b);
	if (rc == 0)
		rc = xlsx_save(x);
	xlsx_free(x);
	buf_free(&b);
	return rc;
}
