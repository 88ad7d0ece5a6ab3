/*
 * The 成果物一覧 of a year-end bundle (4(3)イ): every file with the
 * deliverable, the specification item, the record (by its 文書番号 and
 * title, never its id), the date, the file and its size (the SHA-256s
 * are in the manifest beside it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cal.h"
#include "deliverable.h"
#include "error.h"
#include "schema.h"
#include "store.h"
#include "xlsx.h"

/*
 * The list is read on paper: it printed at 45-50 % (review 19, rev19b
 * M3), its columns 288 characters wide -- 50 for 成果物, the item's name
 * beside its code on every row, the path on one line, the SHA-256.  The
 * item is its code (the folder's name says the rest), the widths come
 * from the content (xlsx_fit_sheet()) with 成果物, 記録 and the path
 * wrapped, dates whole, and the SHA-256 is left to SHA256SUMS.txt beside
 * it, which --verify and sha256sum -c read.
 */
/* 1,234,567: a size as the cell shows it, for the widths */
static void
thousands(char *out, size_t size, long long v)
{
	char	d[32];
	size_t	n, i, k = 0;

	n = (size_t)snprintf(d, sizeof d, "%lld", v < 0 ? 0 : v);
	for (i = 0; i < n && k + 2 < size; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = d[i];
	}
	out[k] = '\0';
}

/*
 * The file as the list shows it: its name, in the folder of the row's
 * item (4(3)ア(ウ)_定例会/), which the note above the table names; the
 * path whole where the file is in another item's folder (a 再掲).  The
 * folder on every row made each row three lines high.
 */
static char *
shown_file(const char *file, const char *spec)
{
	const char	*sl = strrchr(file, '/');
	size_t		 n = strlen(spec);

	if (sl != NULL && strncmp(file, spec, n) == 0 && file[n] == '_' &&
	    strchr(file, '/') == sl)
		return strdup(sl + 1);
	return strdup(file);
}

enum { C_NO, C_DOC, C_SPEC, C_REC, C_DATE, C_FILE, C_SIZE, NCOLS };

int
deliverable_index_write(const char *path, struct store *st, int fy,
    const struct deliverable_row *rows, size_t n,
    const char *const *left, size_t nleft, time_t created)
{
	static const struct xlsx_fit_col fc[NCOLS] = {
		{ { "No.", XLSX_COL_CENTER, 5 }, XLSX_FIT_FIXED },
		{ { "成果物", 0, 12 }, XLSX_FIT_TEXT },
		{ { "仕様書の項目", XLSX_COL_CENTER, 11 }, XLSX_FIT_CODE },
		{ { "記録", 0, 20 }, XLSX_FIT_TEXT },
		{ { "日付", XLSX_COL_CENTER, 17 }, XLSX_FIT_FIXED },
		{ { "ファイル名", 0, 30 }, XLSX_FIT_TEXT },
		{ { "バイト数", 0, 9 }, XLSX_FIT_CODE },
	};
	struct xlsx_column	 cols[NCOLS];
	struct xlsx		*x = NULL;
	struct xlsx_sheet	*sh = NULL;
	struct xlsx_props	 props;
	struct cal_date		 d;
	struct buf		 b = BUF_INIT;
	const char		**cells = NULL;
	char			**paths = NULL;
	char			 fyl[CAL_FMT_MAX], (*nums)[2][32] = NULL;
	uint32_t		 row;
	size_t			 i;
	int			 rc;

	(void)st;
	cal_fy_label(fyl, sizeof fyl, fy);
	if (n > 0 && ((cells = calloc(n * NCOLS, sizeof *cells)) == NULL ||
	    (nums = calloc(n, sizeof *nums)) == NULL ||
	    (paths = calloc(n, sizeof *paths)) == NULL)) {
		free(cells);
		free(nums);
		return error_set(NC_ENOMEM, "out of memory");
	}
	for (i = 0; i < n; i++) {
		const char	**c = cells + i * NCOLS;

		snprintf(nums[i][0], sizeof nums[i][0], "%zu", i + 1);
		thousands(nums[i][1], sizeof nums[i][1], rows[i].size);
		c[C_NO] = nums[i][0];
		c[C_DOC] = rows[i].doc;
		c[C_SPEC] = rows[i].spec;
		c[C_REC] = rows[i].record;
		c[C_DATE] = rows[i].date != NULL ? "令和99年12月31日" : NULL;
		c[C_FILE] = paths[i] = shown_file(rows[i].file, rows[i].spec);
		if (paths[i] == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		c[C_SIZE] = nums[i][1];
	}
	memset(&props, 0, sizeof props);
	props.title = "成果物一覧";
	props.created = created;
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		goto done;
	xlsx_add_sheet(&sh, x, "成果物一覧", XLSX_LANDSCAPE);
	buf_printf(&b, "%s　成果物一覧", fyl);
	xlsx_title(sh, b.data, "仕様書 4(3)イ による提出。ファイルは仕様書の"
	    "項目のフォルダ（例：4(3)ア(ウ)_定例会）に収める。各ファイルの "
	    "SHA-256 は SHA256SUMS.txt に記す。");
	xlsx_fit_sheet(sh, cols, fc, NCOLS, cells, n, 0.80, 0, NULL);
	xlsx_table(&row, sh, cols, NCOLS);
	for (i = 0; i < n; i++, row++) {
		xlsx_write_number(sh, row, C_NO, (double)(i + 1),
		    XLSX_NUM_INT);
		xlsx_write_text(sh, row, C_DOC, rows[i].doc);
		xlsx_write_text(sh, row, C_SPEC, rows[i].spec);
		xlsx_write_text(sh, row, C_REC, rows[i].record != NULL ?
		    rows[i].record : "");
		if (rows[i].date != NULL &&
		    cal_parse_iso(&d, rows[i].date) == 0)
			xlsx_write_date(sh, row, C_DATE, d.y, d.m, d.d,
			    XLSX_DATE_ERA);
		else
			xlsx_write_blank(sh, row, C_DATE);
		xlsx_write_text(sh, row, C_FILE, paths[i]);
		xlsx_write_number(sh, row, C_SIZE, (double)rows[i].size,
		    XLSX_NUM_INT);
	}
	/*
	 * What the bundle leaves out, under the list: the list said
	 * nothing of a 回答書 not yet answered or a 議事録 not yet
	 * written, and the ward checks the bundle against the
	 * specification by this list (review 21, rev21a T11, M1).
	 */
	rc = 0;
	if (nleft > 0) {
		row++;
		rc = xlsx_note(sh, row++, "次の成果物は、記録が未作成等のため"
		    "含めていない。");
	}
	for (i = 0; i < nleft && rc == 0; i++)
		rc = xlsx_note(sh, row++, left[i]);
	if (rc == 0)
		rc = buf_ok(&b);
	if (rc == 0)
		rc = xlsx_save(x);
done:
	xlsx_free(x);
	buf_free(&b);
	for (i = 0; paths != NULL && i < n; i++)
		free(paths[i]);
	free(paths);
	free(cells);
	free(nums);
	return rc;
}
