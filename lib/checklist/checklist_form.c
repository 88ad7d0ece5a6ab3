/*
 * Checklist forms: the .xlsx a division fills in and sends back.
 *
 * Everything the division does not fill in is locked (sheet protection
 * without a password, so nobody is locked out, but rows cannot be moved
 * by accident); answers are chosen from drop-down lists.  The hidden
 * sheet _form says which form this is -- kind, fiscal year, division,
 * item set and its version, and where the table starts -- so that the
 * import can refuse a form of another year or an outdated item set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cal.h"
#include "checklist.h"
#include "checklist_int.h"
#include "error.h"
#include "text.h"
#include "xlsx.h"

/*
 * The bytes a line of the records (a title, a name, a 分類: 200
 * characters) can take, and the sizes built on it: the 分類 with its ①,
 * which cat[256] and stages[128] cut; a sheet's title or note of a set's
 * title, a 部's and a 課's name and the words between, which title[2048]
 * and note[2048] could not hold whole.
 */
#define LINE_MAX_BYTES	(200 * 4)
#define CAT_MAX		(LINE_MAX_BYTES + sizeof "⑩")
#define FORM_TEXT_MAX	(3 * LINE_MAX_BYTES + 128)

static const char *const steps_department[] = {
	"「提出情報」シートに、回答者（課の情報セキュリティ担当者）の職名と提出日を記入してください。氏名は不要です。",
	"「点検項目」シートの回答欄で、各項目について「実施」「一部実施」「未実施」「わからない」のいずれかを一覧から選んでください。課に該当しない項目（その項目に「該当しない課は該当なし」とあるもの）は「該当なし」を選んでください。",
	"「一部実施」「未実施」「わからない」を選んだ項目は、「補足・改善予定」欄に現状と改善の予定を記入してください。",
	"自己点検の結果（課の職員の実施状況）も、該当する項目で回答してください。",
	NULL
};

/* The second step says how many rows 回答 has: staff_step(). */
static const char *const steps_self[] = {
	"課の職員一人ひとりが自己点検を行い、「回答」シートに一人一行で記入してください。回答者番号は課内の通し番号です。氏名は記入しません。",
	"",
	"各項目（項目の内容は「点検項目」シート）について、「はい」「いいえ」「該当なし」のいずれかを一覧から選んでください。",
	"「提出情報」シートに、課の対象職員数と提出日を記入してください。",
	"回答のない行は集計しません。一人の回答は全項目を記入してください。",
	NULL
};

static const char *const steps_vendor[] = {
	"契約・協定ごと、点検の段階ごとに、このファイルを一部ずつ作成してください（ファイルを複製して使えます）。",
	"「提出情報」シートに、契約名、委託事業者等の名称、区分、点検段階、契約期間、個人情報の取扱いの有無を記入してください。",
	"「点検項目」シートで、選んだ点検段階の項目について「はい」「いいえ」「該当なし」のいずれかを一覧から選んでください。"
	"他の段階の項目は空欄のままにしてください。",
	"「いいえ」を選んだ項目は、「補足・改善予定」欄に理由と対応予定を記入してください。",
	NULL
};

static const char *const steps_common[] = {
	"個人番号（マイナンバー）その他の個人情報は記入しないでください。記入されたファイルは受け付けません。",
	"シートや行・列の追加・削除はしないでください。記入後、このファイルのまま情報政策課に提出してください。",
	NULL
};

/*
 * The rows of 回答: CK_FORM_STAFF_ROWS, or the 課's staff where orgs.yaml
 * gives more; printed, the 課's staff where known, else a page.  Sheets
 * are protected and 記入方法 forbids adding rows: with only the page of
 * 30 rows in sight and nothing said, a 課 of more staff (a 窓口課, a
 * 区民事務所) could not see where its 31st member of staff was to answer.
 */
static uint32_t
staff_rows(const struct ck_org *org)
{
	return org->headcount > CK_FORM_STAFF_ROWS && org->headcount <=
	    CK_FORM_STAFF_MAX ? (uint32_t)org->headcount : CK_FORM_STAFF_ROWS;
}

static uint32_t
staff_print(const struct ck_org *org)
{
	uint32_t	n = staff_rows(org);

	if (org->headcount <= 0)
		return CK_FORM_STAFF_PRINT;
	return org->headcount < (long)n ? (uint32_t)org->headcount : n;
}

/* The self check's step on the rows the form has. */
static void
staff_step(char *out, size_t size, const struct ck_org *org)
{
	uint32_t	n = staff_rows(org), pr = staff_print(org);
	int		len;

	len = snprintf(out, size, "「回答」シートには回答者番号1～%uの%u行が"
	    "あり、行を追加せずに記入できます。", n, n);
	if (len < 0 || (size_t)len >= size || pr >= n)
		return;
	snprintf(out + len, size - (size_t)len, "印刷されるのは%s%u行です。",
	    org->headcount > 0 ? "対象職員数の" : "最初の", pr);
}

static int
write_instructions(struct xlsx *x, const struct ck_set *set,
    const struct ck_org *org, const char *fylabel)
{
	static const struct xlsx_column	 cols[] = {
		{ "番号", XLSX_COL_CENTER, 6 },
		{ "記入方法", XLSX_COL_BREAK, 100 },
	};
	struct xlsx_sheet	*sh;
	const char *const	*steps, *const *p;
	char			 title[FORM_TEXT_MAX], note[FORM_TEXT_MAX];
	char			 num[16], first[1024];
	uint32_t		 row;
	int			 n = 1, r;

	steps = set->kind == CK_SELF ? steps_self : set->kind ==
	    CK_DEPARTMENT ? steps_department : steps_vendor;
	snprintf(title, sizeof title, "%s %s 記入方法", fylabel,
	    ck_kind_title(set->kind));
	snprintf(note, sizeof note, "提出課：%s %s　点検項目：%s（第%d版）",
	    org->dept_name, org->name, set->title, set->version);
	if ((r = xlsx_add_sheet(&sh, x, "記入方法", XLSX_PROTECT)) != 0 ||
	    (r = xlsx_title(sh, title, note)) != 0 ||
	    (r = xlsx_table(&row, sh, cols, 2)) != 0)
		return r;
	for (p = steps; *p != NULL; p++, row++) {
		snprintf(num, sizeof num, "%d", n++);
		xlsx_write_text(sh, row, 0, num);
		if (steps == steps_self && p == steps + 1) {
			staff_step(first, sizeof first, org);
			xlsx_write_text(sh, row, 1, first);
		} else
			xlsx_write_text(sh, row, 1, *p);
	}
	for (p = steps_common; *p != NULL; p++, row++) {
		snprintf(num, sizeof num, "%d", n++);
		xlsx_write_text(sh, row, 0, num);
		r = xlsx_write_text(sh, row, 1, *p);
	}
	return r;
}

/* 提出情報: one row per particular, in the order of ck_fields(). */
static int
write_particulars(struct xlsx *x, const struct ck_set *set,
    uint32_t *first_row)
{
	static const struct xlsx_column	 cols[] = {
		{ "項目", 0, 24 },
		{ "記入欄", XLSX_COL_INPUT, 40 },
		{ "記入例・説明", 0, 50 },
	};
	const struct ck_field	*f;
	struct xlsx_sheet	*sh;
	uint32_t		 row;
	size_t			 n, i;
	int			 r;

	f = ck_fields(set->kind, &n);
	if ((r = xlsx_add_sheet(&sh, x, "提出情報", XLSX_PROTECT)) != 0 ||
	    (r = xlsx_title(sh, "提出情報", "記入欄（色付きのセル）に記入して"
	    "ください。")) != 0 ||
	    (r = xlsx_table(&row, sh, cols, 3)) != 0)
		return r;
	*first_row = row;
	for (i = 0; i < n; i++, row++) {
		xlsx_write_text(sh, row, 0, f[i].label);
		xlsx_write_blank(sh, row, 1);
		xlsx_write_text(sh, row, 2, f[i].example);
		if (f[i].choices[0] != NULL) {
			size_t	k = 0;

			while (k < 4 && f[i].choices[k] != NULL)
				k++;
			r = xlsx_validation_list(sh, row, 1, row, 1,
			    f[i].choices, k);
		}
	}
	return r;
}

/*
 * A self check's 分類 as its 回答 column and its 点検項目 row both name
 * it: two items of one category are told apart by ① ② (the columns were
 * 電子メール① ②, the items' rows 電子メール twice).  The department
 * check's categories hold many items each: their names alone.
 */
static void
item_category(char *out, size_t size, const struct ck_set *set,
    const struct ck_item *it)
{
	static const char *const circled[] = { "①", "②", "③", "④",
	    "⑤", "⑥", "⑦", "⑧", "⑨", "⑩" };
	const char	*cat = it->category != NULL ? it->category : "";
	size_t		 same = 0, nth = 0, j;

	for (j = 0; set->kind == CK_SELF && j < set->nitems; j++) {
		if (strcmp(set->items[j].category != NULL ?
		    set->items[j].category : "", cat) != 0)
			continue;
		same++;
		if (&set->items[j] <= it)
			nth = same;
	}
	snprintf(out, size, "%s%s", cat, same > 1 && nth >= 1 && nth <= 10 ?
	    circled[nth - 1] : "");
}

/* The 分類 of an item, or a vendor item's stages: "契約前・履行中". */
static const char *
item_stages(char *out, size_t size, const struct ck_set *set,
    const struct ck_item *it)
{
	size_t	 k, len = 0;

	if (set->kind != CK_VENDOR) {
		item_category(out, size, set, it);
		return out;
	}
	out[0] = '\0';
	for (k = 0; k < CK_NSTAGES; k++) {
		if (!(it->stages & (1u << k)))
			continue;
		snprintf(out + len, size - len, "%s%s", len > 0 ? "・" : "",
		    ck_stage_label(k));
		len += strlen(out + len);
	}
	return out;
}

/*
 * Every form's items are known by their No. alone: the form prints No.
 * 1, 2 ... and the text, as every document made from it names them
 * (項目別, 前年度比較, 要対応契約 and the reports), never the catalog's ref
 * (dp-2-1-01, sf-01, vd-01); the import matches the rows (the self
 * check's columns) by their No. and the refs the hidden sheet lists.
 * Forms returned before kept the ref in column B (in the self check's
 * headings), and the import still reads them.
 */
static int
write_item_list(struct xlsx *x, const struct ck_set *set,
    const struct ck_org *org, const char *name, int answers,
    uint32_t *first_row)
{
	/*
	 * Widths from the content within the page these widths make: the
	 * 分類 on one line, never "業務委託と外部サービ / ス"; the items broken
	 * by the writer (the import reads the No., never the text), a line
	 * more where that spares a word (施錠でき／るラック: a form keeps
	 * no pages, and goes to every 課).
	 */
	struct xlsx_fit_col	 fc[5] = {
		{ { "No.", XLSX_COL_CENTER, 5 }, XLSX_FIT_FIXED },
		{ { "分類", 0, 16 }, XLSX_FIT_CODE },
		{ { "点検項目", XLSX_COL_BREAK | XLSX_COL_SPARE, 60 },
		    XLSX_FIT_TEXT },
		{ { "回答", XLSX_COL_INPUT | XLSX_COL_CENTER, 12 },
		    XLSX_FIT_FIXED },
		{ { "補足・改善予定", XLSX_COL_INPUT, 40 }, XLSX_FIT_FIXED },
	};
	struct xlsx_column	 cols[5];
	const char		*labels[CK_NVALUES];
	const char		**cells = NULL;
	char			*stv = NULL;
	const enum ck_value	*vals;
	struct xlsx_sheet	*sh;
	char			 num[24], stages[CAT_MAX], title[FORM_TEXT_MAX];
	uint32_t		 row;
	size_t			 i, nv, k, nc = answers ? 5 : 3;
	/* columns: No., 分類 (点検段階), 点検項目, [回答, 補足] */
	uint16_t		 c;
	double			 page = 0;
	int			 r;

	if (set->kind == CK_VENDOR)
		fc[1].col.heading = "点検段階";
	for (k = 0; k < nc; k++)
		page += fc[k].col.width;
	if ((cells = calloc(set->nitems * nc + 1, sizeof *cells)) == NULL ||
	    (stv = calloc(set->nitems + 1, sizeof stages)) == NULL) {
		free(cells);
		return error_set(NC_ENOMEM, "out of memory");
	}
	for (i = 0; i < set->nitems; i++) {
		const struct ck_item	*it = &set->items[i];

		c = 1;
		cells[i * nc + c++] = item_stages(stv + i * sizeof stages,
		    sizeof stages, set, it);
		cells[i * nc + c] = it->text;
	}
	r = xlsx_fit_table(cols, fc, nc, cells, set->nitems, page);
	free(cells);
	if (r != 0) {
		free(stv);
		return r;
	}
	/* the division is filled in: the form is its own */
	snprintf(title, sizeof title, "%s（%s %s）", set->title,
	    org->dept_name, org->name);
	if ((r = xlsx_add_sheet(&sh, x, name, XLSX_PROTECT |
	    XLSX_LANDSCAPE)) != 0 ||
	    (r = xlsx_title(sh, title, answers ? "回答欄は一覧から選んで"
	    "ください。" : "回答は「回答」シートに記入します。")) != 0 ||
	    (r = xlsx_table(&row, sh, cols, nc)) != 0) {
		free(stv);
		return r;
	}
	*first_row = row;
	for (i = 0; i < set->nitems; i++, row++) {
		const struct ck_item	*it = &set->items[i];

		c = 0;
		snprintf(num, sizeof num, "%zu", i + 1);
		xlsx_write_text(sh, row, c++, num);
		xlsx_write_text(sh, row, c++, stv + i * sizeof stages);
		xlsx_write_text(sh, row, c++, it->text);
		if (!answers)
			continue;
		xlsx_write_blank(sh, row, c);
		xlsx_write_blank(sh, row, c + 1);
		vals = ck_item_values(it, &nv);
		for (k = 0; k < nv; k++)
			labels[k] = ck_value_label(vals[k]);
		if ((r = xlsx_validation_list(sh, row, c, row, c, labels,
		    nv)) != 0)
			break;
	}
	free(stv);
	return r;
}

/* 回答 (self): one row per staff member, one column per item. */
static int
write_staff_sheet(struct xlsx *x, const struct ck_set *set,
    const struct ck_org *org, uint32_t *first_row)
{
	struct xlsx_column	*cols;
	const char		*labels[CK_NVALUES];
	const enum ck_value	*vals;
	struct xlsx_sheet	*sh;
	char			**heads, num[16], title[FORM_TEXT_MAX];
	uint32_t		 row, nrows = staff_rows(org);
	size_t			 i, k, nv;
	double			 w;
	int			 r;

	cols = calloc(set->nitems + 1, sizeof *cols);
	heads = calloc(set->nitems + 1, sizeof *heads);
	if (cols == NULL || heads == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	cols[0] = (struct xlsx_column){ "回答者番号", XLSX_COL_CENTER, 10 };
	for (i = 0; i < set->nitems; i++) {
		char	cat[CAT_MAX];

		/* two items of one category: ① ② tell their columns apart */
		item_category(cat, sizeof cat, set, &set->items[i]);
		/* the item's No. and 分類: the import reads the No. */
		if ((heads[i] = malloc(strlen(cat) + 32)) == NULL) {
			r = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		/*
		 * a line each, the column as wide as the longest: never
		 * "10 事故等の報 / 告"
		 */
		sprintf(heads[i], "%zu\n%s", i + 1, cat);
		w = (double)text_width(heads[i] + strcspn(heads[i], "\n") + 1,
		    strcspn(heads[i] + strcspn(heads[i], "\n") + 1, "\n")) + 3;
		cols[i + 1] = (struct xlsx_column){ heads[i],
		    XLSX_COL_INPUT | XLSX_COL_CENTER, w > 11 ? w : 11 };
	}
	snprintf(title, sizeof title, "自己点検 回答（%s %s、一人一行）",
	    org->dept_name, org->name);
	if ((r = xlsx_add_sheet(&sh, x, "回答", XLSX_PROTECT |
	    XLSX_LANDSCAPE)) != 0 ||
	    /* a page of rows printed, not pages of empty grid */
	    (r = xlsx_print_rows(sh, staff_print(org))) != 0 ||
	    (r = xlsx_title(sh, title, "項目の内容は"
	    "「点検項目」シートを見てください。")) != 0 ||
	    (r = xlsx_table(&row, sh, cols, set->nitems + 1)) != 0)
		goto done;
	*first_row = row;
	for (k = 0; k < nrows; k++) {
		/* 1, 2 ...: the number a member of staff is known by here */
		snprintf(num, sizeof num, "%zu", k + 1);
		xlsx_write_text(sh, row + (uint32_t)k, 0, num);
		for (i = 0; i < set->nitems; i++)
			xlsx_write_blank(sh, row + (uint32_t)k,
			    (uint16_t)(i + 1));
	}
	for (i = 0; i < set->nitems; i++) {
		vals = ck_item_values(&set->items[i], &nv);
		for (k = 0; k < nv; k++)
			labels[k] = ck_value_label(vals[k]);
		if ((r = xlsx_validation_list(sh, row, (uint16_t)(i + 1),
		    row + nrows - 1, (uint16_t)(i + 1), labels,
		    nv)) != 0)
			goto done;
	}
done:
	for (i = 0; heads != NULL && i < set->nitems; i++)
		free(heads[i]);
	free(heads);
	free(cols);
	return r;
}

static int
write_id_sheet(struct xlsx *x, const struct ck_set *set,
    const struct ck_org *org, const char *sheet, uint32_t items_row,
    uint32_t fields_row)
{
	struct xlsx_sheet	*sh;
	char			 fy[16], ver[16], r1[16], r2[16], n[16];
	const char		*kv[][2] = {
		{ "format", CK_FORM_FORMAT },
		{ "kind", ck_kind_name(set->kind) },
		{ "fy", fy },
		{ "org", org->code },
		{ "org_name", org->name },
		{ "catalog", set->catalog },
		{ "version", ver },
		{ "items_sheet", sheet },
		{ "items_row", r1 },
		{ "fields_row", r2 },
		{ "items", n },
		/* the items by No.: their refs in order */
		{ "refs", NULL },
	};
	struct buf		 refs = BUF_INIT;
	size_t			 i;
	int			 r;

	for (i = 0; i < set->nitems; i++)
		buf_printf(&refs, "%s%s", i > 0 ? " " : "", set->items[i].ref);
	if ((r = buf_ok(&refs)) != 0)
		return r;
	kv[sizeof kv / sizeof kv[0] - 1][1] = refs.data;
	snprintf(fy, sizeof fy, "%d", set->fy);
	snprintf(ver, sizeof ver, "%d", set->version);
	/* 1-based, as Excel numbers its rows */
	snprintf(r1, sizeof r1, "%u", items_row + 1);
	snprintf(r2, sizeof r2, "%u", fields_row + 1);
	snprintf(n, sizeof n, "%zu", set->nitems);
	if ((r = xlsx_add_sheet(&sh, x, CK_FORM_SHEET, XLSX_HIDDEN |
	    XLSX_PROTECT)) != 0)
		goto done;
	for (i = 0; i < sizeof kv / sizeof kv[0] && kv[i][0] != NULL; i++) {
		xlsx_write_text(sh, (uint32_t)i, 0, kv[i][0]);
		r = xlsx_write_text(sh, (uint32_t)i, 1, kv[i][1]);
	}
done:
	buf_free(&refs);
	return r;
}

int
ck_form_name(char **out, const struct ck_set *set, const struct ck_org *org)
{
	char	fylabel[CAL_FMT_MAX];
	int	r;

	*out = NULL;
	if ((r = cal_fy_label(fylabel, sizeof fylabel, set->fy)) != 0)
		return r;
	/* the 部 too: two divisions may share a name (管理課) */
	if ((*out = malloc(strlen(org->name) + strlen(org->dept_name) +
	    128)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	sprintf(*out, "%s_%s_%s_%s.xlsx", ck_kind_title(set->kind), fylabel,
	    org->dept_name, org->name);
	return 0;
}

/* The as-of time of forms: the item set's issue date, never the clock. */
static time_t
created_of(const char *date)
{
	struct cal_date	d;

	if (date == NULL || cal_parse_iso(&d, date) != 0)
		return (time_t)315532800;	/* 1980-01-01, zip's epoch */
	/* noon JST, so the day is the same in every time zone we meet */
	return (time_t)(cal_days(d) * 86400L + 3 * 3600L);
}

int
ck_form_write_path(const char *path, const struct ck_set *set,
    const struct ck_org *org)
{
	struct xlsx		*x = NULL;
	struct xlsx_props	 props;
	char			 fylabel[CAL_FMT_MAX], title[FORM_TEXT_MAX];
	const char		*sheet;
	uint32_t		 items_row = 0, fields_row = 0, dummy;
	int			 r;

	if ((r = cal_fy_label(fylabel, sizeof fylabel, set->fy)) != 0)
		return r;
	snprintf(title, sizeof title, "%s %s（%s）", fylabel,
	    ck_kind_title(set->kind), org->name);
	memset(&props, 0, sizeof props);
	props.title = title;
	props.subject = set->title;
	props.created = created_of(set->issued);
	if ((r = xlsx_new(&x, path, &props)) != 0)
		goto done;
	sheet = set->kind == CK_SELF ? "回答" : "点検項目";
	if ((r = write_instructions(x, set, org, fylabel)) != 0 ||
	    (r = write_particulars(x, set, &fields_row)) != 0)
		goto done;
	if (set->kind == CK_SELF) {
		if ((r = write_staff_sheet(x, set, org, &items_row)) != 0 ||
		    (r = write_item_list(x, set, org, "点検項目", 0,
		    &dummy)) != 0)
			goto done;
	} else if ((r = write_item_list(x, set, org, sheet, 1,
	    &items_row)) != 0)
		goto done;
	if ((r = write_id_sheet(x, set, org, sheet, items_row,
	    fields_row)) != 0 || (r = xlsx_save(x)) != 0)
		goto done;
done:
	xlsx_free(x);
	return r;
}
