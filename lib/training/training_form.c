/*
 * Answer sheets: the survey and the test of a training as an .xlsx with
 * one row per respondent (drop-down lists, everything else locked, a
 * hidden sheet naming the training and its fiscal year so that a sheet
 * of another training or year is refused on import), and as a list of
 * questions to paste into Microsoft Forms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cal.h"
#include "error.h"
#include "training.h"
#include "training_int.h"
#include "xlsx.h"

/* Largest answer sheet: a sheet is for a classroom or a division. */
#define FORM_ROWS_MAX	5000
/*
 * A sheet's title: the training's title and a 課's name, lines of 200
 * characters (800 bytes) each at most, and the words between them.
 * title[512] cut a title of 171 characters mid-character: no form.
 */
#define FORM_TITLE_MAX	(2 * 800 + 64)

static const char *const steps[] = {
	"「回答」シートに、回答者一人につき一行で記入してください。回答者番号は記入済みです（番号の変更や行の追加・削除はしないでください）。",
	"氏名・職員番号は記入しません。所属欄には課名（例：保育課）を記入してください（任意）。",
	"氏名・職員番号は記入しません。所属欄は記入済みです（この用紙は記載の課の職員用です）。",
	"選択式の設問は、セルを選ぶと表示される一覧から選んでください。設問と選択肢は「設問」シートにあります。",
	"「複数選択」の設問は、選んだ番号をカンマで区切って記入してください（例：1,3）。",
	"自由記述の設問は、回答をそのまま記入してください。個人番号（マイナンバー）その他の個人情報は記入しないでください。記入されたファイルは受け付けません。",
	"回答のない行はそのままにしてください（集計しません）。記入後、このファイルのまま提出してください。",
	NULL
};

static int
write_steps(struct xlsx *x, const struct training *t,
    const struct tr_doc_opts *o)
{
	static const struct xlsx_column cols[] = {
		{ "番号", XLSX_COL_CENTER, 6 },
		{ "記入方法", 0, 100 },
	};
	struct xlsx_sheet	*sh;
	char			 title[FORM_TITLE_MAX], num[32];
	uint32_t		 row;
	int			 i, n, r = 0;

	snprintf(title, sizeof title, "%s 回答用紙 記入方法", t->title);
	if ((r = xlsx_add_sheet(&sh, x, "記入方法", XLSX_PROTECT)) != 0 ||
	    (r = xlsx_title(sh, title, NULL)) != 0 ||
	    (r = xlsx_table(&row, sh, cols, 2)) != 0)
		return r;
	/* steps[1] for anyone's sheet, steps[2] for one division's */
	for (i = 0, n = 1; steps[i] != NULL; i++) {
		if (i == (o->org != NULL ? 1 : 2))
			continue;
		snprintf(num, sizeof num, "%d", n++);
		xlsx_write_text(sh, row, 0, num);
		r = xlsx_write_text(sh, row++, 1, steps[i]);
	}
	return r;
}

/* How a question is answered, in words. */
static const char *
how(const struct tr_question *q)
{
	switch (q->type) {
	case TR_Q_SCALE:
		return "5段階から一つ選択";
	case TR_Q_SINGLE:
		return "一つ選択";
	case TR_Q_MULTIPLE:
		return "複数選択（番号をカンマ区切り）";
	default:
		return "自由記述";
	}
}

static int
choice_list(struct buf *b, const struct tr_question *q, const char *sep)
{
	size_t	c;

	for (c = 0; c < q->nchoices; c++)
		buf_printf(b, "%s%zu %s", c > 0 ? sep : "", c + 1,
		    q->choices[c]);
	return buf_ok(b);
}

static int
write_questions(struct xlsx *x, const struct training *t)
{
	static const struct xlsx_column cols[] = {
		{ "区分", XLSX_COL_CENTER, 11 },
		{ "No.", XLSX_COL_CENTER, 5 },
		{ "設問", 0, 56 },
		{ "選択肢", 0, 46 },
		{ "回答のしかた", 0, 18 },
	};
	struct xlsx_sheet	*sh;
	struct buf		 b = BUF_INIT;
	char			 num[32];
	uint32_t		 row;
	size_t			 i;
	int			 p, r;

	if ((r = xlsx_add_sheet(&sh, x, "設問", XLSX_PROTECT |
	    XLSX_LANDSCAPE)) != 0 ||
	    (r = xlsx_title(sh, "設問と選択肢", "回答は「回答」シートに記入し"
	    "ます。")) != 0 ||
	    (r = xlsx_table(&row, sh, cols, 5)) != 0)
		return r;
	for (p = 0; p < 2; p++) {
		for (i = 0; i < t->nitems[p]; i++, row++) {
			const struct tr_question *q = &t->items[p][i];

			buf_reset(&b);
			if ((r = choice_list(&b, q, "\n")) != 0)
				goto done;
			snprintf(num, sizeof num, "%zu", i + 1);
			xlsx_write_text(sh, row, 0, p == TR_SURVEY ?
			    "アンケート" : "テスト");
			xlsx_write_text(sh, row, 1, num);
			xlsx_write_text(sh, row, 2, q->text);
			xlsx_write_text(sh, row, 3, b.len > 0 ? b.data : "");
			r = xlsx_write_text(sh, row, 4, how(q));
		}
	}
done:
	buf_free(&b);
	return r;
}

/* The rows of the answer sheet. */
static uint32_t
form_rows(const struct training *t)
{
	long	n = t->target > 0 ? t->target : TR_FORM_ROWS;

	return (uint32_t)(n > FORM_ROWS_MAX ? FORM_ROWS_MAX : n);
}

static int
write_answers(struct xlsx *x, const struct training *t,
    const struct tr_doc_opts *o, uint32_t *first)
{
	struct xlsx_column	*cols;
	struct xlsx_sheet	*sh;
	char			**heads, code[48], title[FORM_TITLE_MAX];
	const char		*labels[TR_MAXCHOICES];
	const char		*nums[TR_MAXCHOICES] = { "1", "2", "3", "4",
				    "5", "6", "7", "8", "9" };
	size_t			 nq = t->nitems[0] + t->nitems[1], i, k, c;
	uint32_t		 row, n = form_rows(t), j;
	int			 p, r = 0;

	cols = calloc(nq + 2, sizeof *cols);
	heads = calloc(nq + 2, sizeof *heads);
	if (cols == NULL || heads == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	/* the codes whole: a division's code and "-0001" */
	cols[0] = (struct xlsx_column){ "回答者番号", XLSX_COL_CENTER,
	    o->org != NULL && strlen(o->org) + 7 > 11 ?
	    (double)(strlen(o->org) + 7) : 11 };
	cols[1] = (struct xlsx_column){ "所属（課名）", XLSX_COL_INPUT, 16 };
	for (p = 0, k = 0; p < 2; p++) {
		for (i = 0; i < t->nitems[p]; i++, k++) {
			const struct tr_question *q = &t->items[p][i];

			if ((heads[k] = malloc(64)) == NULL) {
				r = error_set(NC_ENOMEM, "out of memory");
				goto done;
			}
			snprintf(heads[k], 64, "%s%zu", p == TR_SURVEY ?
			    "アンケート" : "テスト", i + 1);
			cols[k + 2] = (struct xlsx_column){ heads[k],
			    XLSX_COL_INPUT | (q->type == TR_Q_TEXT ? 0 :
			    XLSX_COL_CENTER), q->type == TR_Q_TEXT ? 36 :
			    p == TR_SURVEY && q->type != TR_Q_MULTIPLE ? 16 : 9 };
		}
	}
	if (o->org != NULL)
		snprintf(title, sizeof title, "%s 回答（一人一行） %s", t->title,
		    o->org_name != NULL ? o->org_name : o->org);
	else
		snprintf(title, sizeof title, "%s 回答（一人一行）", t->title);
	if ((r = xlsx_add_sheet(&sh, x, "回答", XLSX_PROTECT |
	    XLSX_LANDSCAPE)) != 0 ||
	    (r = xlsx_title(sh, title, "設問は「設問」シートにあります。"
	    "色付きの欄に記入してください。")) != 0 ||
	    (r = xlsx_table(&row, sh, cols, nq + 2)) != 0)
		goto done;
	*first = row;
	for (j = 0; j < n; j++) {
		if (o->org != NULL)
			snprintf(code, sizeof code, "%s-%04u", o->org, j + 1);
		else
			snprintf(code, sizeof code, "r%04u", j + 1);
		xlsx_write_text(sh, row + j, 0, code);
		if (o->org_name != NULL)
			xlsx_write_text(sh, row + j, 1, o->org_name);
		else
			xlsx_write_blank(sh, row + j, 1);
		for (k = 1; k < nq + 1; k++)
			xlsx_write_blank(sh, row + j, (uint16_t)(k + 1));
	}
	for (p = 0, k = 0; p < 2; p++) {
		for (i = 0; i < t->nitems[p]; i++, k++) {
			const struct tr_question *q = &t->items[p][i];

			if (q->type == TR_Q_TEXT || q->type == TR_Q_MULTIPLE)
				continue;
			for (c = 0; c < q->nchoices; c++)
				labels[c] = p == TR_SURVEY ? q->choices[c] :
				    nums[c];
			if ((r = xlsx_validation_list(sh, row,
			    (uint16_t)(k + 2), row + n - 1, (uint16_t)(k + 2),
			    labels, q->nchoices)) != 0)
				goto done;
		}
	}
done:
	for (k = 0; heads != NULL && k < nq; k++)
		free(heads[k]);
	free(heads);
	free(cols);
	return r;
}

static int
refs(struct buf *b, const struct training *t, int p)
{
	size_t	i;

	buf_reset(b);
	for (i = 0; i < t->nitems[p]; i++)
		buf_printf(b, "%s%s", i > 0 ? " " : "", t->items[p][i].ref);
	return buf_ok(b);
}

static int
write_id(struct xlsx *x, const struct training *t,
    const struct tr_doc_opts *o, uint32_t first)
{
	struct xlsx_sheet	*sh;
	struct buf		 sv = BUF_INIT, ts = BUF_INIT;
	char			 fy[16], r1[16], n[16], ns[16], nt[16];
	int			 r;

	snprintf(fy, sizeof fy, "%d", t->fy);
	snprintf(r1, sizeof r1, "%u", first + 1);
	snprintf(n, sizeof n, "%u", form_rows(t));
	snprintf(ns, sizeof ns, "%zu", t->nitems[TR_SURVEY]);
	snprintf(nt, sizeof nt, "%zu", t->nitems[TR_TEST]);
	if ((r = refs(&sv, t, TR_SURVEY)) != 0 ||
	    (r = refs(&ts, t, TR_TEST)) != 0)
		goto done;
	{
		const char *kv[][2] = {
			{ "format", TR_FORM_FORMAT },
			{ "training", t->id != NULL ? t->id : "" },
			{ "fy", fy },
			{ "title", t->title },
			{ "sheet", "回答" },
			{ "first_row", r1 },
			{ "rows", n },
			{ "survey", ns },
			{ "test", nt },
			{ "survey_refs", sv.len > 0 ? sv.data : "" },
			{ "test_refs", ts.len > 0 ? ts.data : "" },
			{ "org", o->org != NULL ? o->org : "" },
		};
		size_t i;

		if ((r = xlsx_add_sheet(&sh, x, TR_FORM_SHEET, XLSX_HIDDEN |
		    XLSX_PROTECT)) != 0)
			goto done;
		for (i = 0; i < sizeof kv / sizeof kv[0]; i++) {
			xlsx_write_text(sh, (uint32_t)i, 0, kv[i][0]);
			r = xlsx_write_text(sh, (uint32_t)i, 1, kv[i][1]);
		}
	}
done:
	buf_free(&sv);
	buf_free(&ts);
	return r;
}

int
tr_form_xlsx(const char *path, const struct training *t,
    const struct tr_doc_opts *o)
{
	struct xlsx		*x = NULL;
	struct xlsx_props	 props;
	char			 title[FORM_TITLE_MAX];
	uint32_t		 first = 0;
	int			 r;

	if (t->nitems[TR_SURVEY] + t->nitems[TR_TEST] == 0)
		return error_set(NC_EINVALID, "%s has no questions", t->id);
	if (o->org != NULL && strlen(o->org) > TR_FORM_ORG_MAX)
		return error_set(NC_EINVALID, "the code of organisation '%s' is"
		    " too long to start respondent codes (%d characters at"
		    " most)", o->org, TR_FORM_ORG_MAX);
	snprintf(title, sizeof title, "%s 回答用紙", t->title);
	memset(&props, 0, sizeof props);
	props.title = title;
	props.created = o->created;
	if ((r = xlsx_new(&x, path, &props)) != 0)
		return r;
	if ((r = write_steps(x, t, o)) != 0 ||
	    (r = write_answers(x, t, o, &first)) != 0 ||
	    (r = write_questions(x, t)) != 0 ||
	    (r = write_id(x, t, o, first)) != 0)
		goto done;
	r = xlsx_save(x);
done:
	xlsx_free(x);
	return r;
}

int
tr_form_text(struct buf *b, const struct training *t)
{
	size_t	i, c;
	int	p;

	buf_printf(b, "%s\n", t->title);
	buf_puts(b, "Microsoft Forms に入力する設問の一覧です。設問ごとに"
	    "「新しい質問」を追加し、設問文と選択肢を貼り付けてください。\n"
	    "・回答者を特定する設問（氏名・職員番号・メールアドレス）は設け"
	    "ません。Forms の設定で「名前を記録する」をオフにしてください。\n"
	    "・設問の順序と選択肢の順序を変えないでください（回答の取込みは"
	    "この順序によります）。\n");
	if (t->nitems[TR_TEST] > 0)
		buf_puts(b, "・テストは「クイズ」として作成し、各問の正解を設定"
		    "してください（1問1点）。\n");
	buf_puts(b, "\n所属【テキスト・任意】所属（課名）を記入してください。"
	    "（例：保育課）\n");
	for (p = 0; p < 2; p++) {
		if (t->nitems[p] == 0)
			continue;
		buf_printf(b, "\n■ %s（%zu問）\n", p == TR_SURVEY ?
		    "アンケート" : "テスト", t->nitems[p]);
		for (i = 0; i < t->nitems[p]; i++) {
			const struct tr_question *q = &t->items[p][i];

			buf_printf(b, "\n%s%zu【%s・必須%s】%s\n", p == TR_SURVEY ?
			    "アンケート" : "テスト", i + 1, q->type ==
			    TR_Q_TEXT ? "テキスト・長い回答" : q->type ==
			    TR_Q_MULTIPLE ? "選択肢・複数回答" : "選択肢",
			    p == TR_TEST ? "・1点" : "", q->text);
			for (c = 0; c < q->nchoices; c++)
				buf_printf(b, "%s\n", q->choices[c]);
			if (p == TR_TEST) {
				int first = 1;

				buf_puts(b, "正解：");
				for (c = 0; c < q->nchoices; c++) {
					if (!(q->key & (1u << c)))
						continue;
					buf_printf(b, "%s%s", first ? "" :
					    " ／ ", q->choices[c]);
					first = 0;
				}
				buf_puts(b, "\n");
				if (q->explanation != NULL)
					buf_printf(b, "解説（回答後に表示）：%s\n",
					    q->explanation);
			}
		}
	}
	return buf_ok(b);
}
