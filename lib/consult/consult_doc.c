/*
 * The consultation documents: the 回答書 in the notice layout of
 * EXAMPLES.md, and the 相談業務実施報告書 submitted to every progress
 * meeting (3(3)ア(イ), 4(3)ア(イ)) as .docx and .xlsx from one view.
 * Every label comes from the schemas; every date from the records or the
 * period, never the clock; no record id reaches a document.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "consult.h"
#include "consult_int.h"
#include "docx.h"
#include "error.h"
#include "schema.h"
#include "text.h"
#include "textfit.h"
#include "xlsx.h"

static const char *
str(const struct node *map, const char *key)
{
	const char	*s = node_get_str(map, key);

	return s != NULL ? s : "";
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t	n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/*
 * The document number: the contractor answers (specification 3(3)ア(イ))
 * and signs the document, so it bears the contractor's own number, in
 * the config's contractor_no_format (第%s号 without one), where the record
 * has one, and none otherwise: never the ward's outgoing number
 * (doc_no_format, 練企情発第　　号), which stood over the contractor's
 * name as sender.  The format is the user's text, so %s is replaced by
 * hand, never given to printf.
 */
static const char *
doc_number(struct cs_strs *s, struct store *st, const char *number)
{
	const char	*f = cs_config(st, "documents", "contractor_no_format");
	const char	*p;

	if (number == NULL)
		return NULL;
	if (f == NULL)
		f = "第%s号";
	if ((p = strstr(f, "%s")) == NULL)
		return cs_fmt(s, "%s%s", f, number);
	return cs_fmt(s, "%.*s%s%s", (int)(p - f), f, number, p + 2);
}

/*
 * The member's title (総合情報化顧問（CIO補佐官）) from the config if an
 * advisor's (CIO or CISO): the title a document of the company is
 * signed with, never 支援スタッフ or 業務責任者 (review 19,
 * rev19a T3).
 */
static const char *
member_role(struct store *st, const char *id)
{
	const struct schemaset	*set;
	const struct schema	*cs;
	const struct node	*conf, *ms, *m;
	size_t			 i;

	if (id == NULL || store_config(&conf, st) != 0 ||
	    store_schemas(&set, st, NULL) != 0 ||
	    (cs = schemaset_kind(set, "config")) == NULL) {
		error_clear();
		return NULL;
	}
	ms = node_get(conf, "members");
	for (i = 0; ms != NULL && ms->kind == NODE_SEQ && i < ms->n; i++) {
		m = ms->u.items[i];
		if (!node_scalar_eq(node_get(m, "id"), id))
			continue;
		if (!node_scalar_eq(node_get(m, "role"),
		    "cio-advisor") && !node_scalar_eq(node_get(m, "role"),
		    "ciso-advisor"))
			return NULL;
		return schema_label(cs, "members.role",
		    node_get_str(m, "role"));
	}
	return NULL;
}

static const char *
member_name(struct store *st, const char *id)
{
	const struct node	*conf, *ms, *m;
	size_t			 i;

	if (store_config(&conf, st) != 0) {
		error_clear();
		return id;
	}
	ms = node_get(conf, "members");
	for (i = 0; ms != NULL && ms->kind == NODE_SEQ && i < ms->n; i++) {
		m = ms->u.items[i];
		if (node_scalar_eq(node_get(m, "id"), id))
			return str(m, "name");
	}
	return id;
}

/* 所管課 consultations answer, DX requests report, and so on. */
static const char *
answer_verb(const char *deliverable)
{
	if (deliverable != NULL && strcmp(deliverable, "report") == 0)
		return "調査結果を報告します";
	if (deliverable != NULL && strcmp(deliverable, "opinion") == 0)
		return "意見を述べます";
	if (deliverable != NULL && strcmp(deliverable, "information") == 0)
		return "情報を提供します";
	return "回答します";
}

/*
 * The line of a notice's 14pt title, in hundredths of a character of its
 * size: the text width of Word's default A4 margins at 14 points.
 */
#define TITLE_ROOM	3000

/* The bracket of the title: （回答）, （報告） ... */
static const char *
answer_kind(const char *deliverable)
{
	if (deliverable != NULL && strcmp(deliverable, "report") == 0)
		return "報告";
	if (deliverable != NULL && strcmp(deliverable, "opinion") == 0)
		return "意見";
	if (deliverable != NULL && strcmp(deliverable, "information") == 0)
		return "情報提供";
	return "回答";
}

int
consult_write_answer_docx(struct store *st, const struct node *rec,
    const char *path)
{
	const struct schema	*kind;
	struct cs_strs		 s = { NULL, 0, 0, 0 };
	struct docx_notice	 no;
	struct docx_notice_item	 items[4];
	struct docx_props	 props;
	struct docx		*d = NULL;
	const struct node	*by = node_get(rec, "answered_by");
	const char		*role = NULL, *contractor, *ans;
	const char		*file;
	const char		*deliv = node_get_str(rec, "deliverable");
	const char		*title = str(rec, "title"), *type;
	char			 date[CAL_FMT_MAX], rcv[CAL_FMT_MAX];
	struct buf		 names = BUF_INIT;
	size_t			 n = 0, i;
	int			 rc;

	if ((kind = cs_kind(st)) == NULL)
		return error_code();
	ans = node_get_str(rec, "answer");
	file = node_get_str(rec, "answer_file");
	if ((ans == NULL && file == NULL) ||
	    node_get_str(rec, "answered") == NULL)
		return error_set(NC_EINVALID, "'%s' is not answered yet (no "
		    "answer and answer date): record it with 'consult "
		    "answer' first", title);
	type = node_get_str(rec, "type");
	cs_era(date, node_get_str(rec, "answered"));
	cs_era(rcv, node_get_str(rec, "received"));
	for (i = 0; by != NULL && by->kind == NODE_SEQ && i < by->n; i++) {
		if (by->u.items[i]->kind != NODE_SCALAR)
			continue;
		if (role == NULL)
			role = member_role(st, by->u.items[i]->u.s.str);
		buf_printf(&names, "%s%s", names.len > 0 ? "、" : "",
		    member_name(st, by->u.items[i]->u.s.str));
	}
	if ((rc = buf_ok(&names)) != 0)
		goto done;
	/*
	 * Signed by the company with the title of its advisor among the
	 * answerers; answered by staff alone, by the company alone.  With
	 * no company configured, the CIO advisor's title stands in.
	 */
	contractor = cs_config(st, "contractor", NULL);
	if (role == NULL && contractor == NULL)
		role = "総合情報化顧問（CIO補佐官）";

	memset(&no, 0, sizeof no);
	memset(items, 0, sizeof items);
	no.number = doc_number(&s, st, node_get_str(rec, "answer_no"));
	no.date = date;
	no.addressee = cs_fmt(&s, "%s長", cs_org_full(&s, st,
	    node_get_str(rec, "org")));
	no.sender = contractor != NULL && role != NULL ? cs_fmt(&s, "%s\n%s",
	    contractor, role) : contractor != NULL ? contractor : role;
	/*
	 * A long title breaks before its （回答）, never inside it: the
	 * title is set at 14pt, about 30 characters to a line.  One too
	 * long for a line even without it is left whole to the title's
	 * fitting (docx_add_title()), which keeps the bracket whole: broken
	 * here first, it took three lines, 「…利用の／可否について／（報告）」
	 * (rev21a T6).
	 */
	no.title = cs_fmt(&s, "%s%s", title, ends_with(title, "について") ?
	    "" : "について");
	no.title = cs_fmt(&s, "%s%s（%s）", no.title, docx_measure(title) >
	    2600 && textfit_width(no.title) <= TITLE_ROOM ? "\n" : "",
	    answer_kind(deliv));
	no.body = cs_fmt(&s, "%s付で%sのあった標記の件について、下記のとおり%s。",
	    rcv, type != NULL && strcmp(type, "dx") == 0 ? "依頼" : "相談",
	    answer_verb(deliv));
	items[n].label = type != NULL && strcmp(type, "dx") == 0 ?
	    "依頼内容" : "相談内容";
	items[n++].value = node_get_str(rec, "question") != NULL ?
	    cs_fmt(&s, "「%s」", str(rec, "question")) : title;
	items[n].label = deliv != NULL && strcmp(deliv, "report") == 0 ?
	    "調査結果" : deliv != NULL && strcmp(deliv, "opinion") == 0 ?
	    "意見" : "回答";
	/*
	 * The 別添 as the letter's only attachment, 「別添のとおり」: by its
	 * file's name it read 「調査報告書_書かない窓口の事例調査」, and said
	 * again under an answer that names it already (rev43b B7).
	 */
	if (ans != NULL && file != NULL && strstr(ans, "別添") == NULL)
		items[n++].value = cs_fmt(&s, "%s\n（詳細は別添のとおり）",
		    ans);
	else if (ans != NULL)
		items[n++].value = ans;
	else
		items[n++].value = "別添のとおり";
	no.items = items;
	no.nitems = n;
	if (names.len > 0)
		no.contact = cs_fmt(&s, "（担当）%s%s%s", contractor != NULL ?
		    contractor : "", contractor != NULL ? "　" : "",
		    names.data);
	if (s.failed) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	memset(&props, 0, sizeof props);
	props.title = cs_fmt(&s, "%s%s（%s）", title, ends_with(title,
	    "について") ? "" : "について", answer_kind(deliv));
	props.author = cs_config(st, "documents", "author");
	props.created = node_get_str(rec, "answered");
	if ((rc = docx_new(&d, &props)) == 0 &&
	    (rc = docx_add_notice(d, &no)) == 0)
		rc = docx_save(d, path);
done:
	docx_free(d);
	buf_free(&names);
	cs_strs_free(&s);
	return rc;
}

/* --- 相談業務実施報告書 ----------------------------------------------------- */

static char *
dupstr(const char *s, int *bad)
{
	char	*p = strdup(s != NULL ? s : "");

	if (p == NULL)
		*bad = 1;
	return p;
}

static void
row_free(struct consult_report_row *r)
{
	free(r->ref_no);
	free(r->type);
	free(r->org);
	free(r->title);
	free(r->status);
	free(r->attended);
	free(r->attended_short);
}

void
consult_report_free(struct consult_report *rp)
{
	size_t	i;

	for (i = 0; i < rp->nrows; i++)
		row_free(&rp->rows[i]);
	free(rp->rows);
	free(rp->period);
	free(rp->author);
	free(rp->addressee);
	memset(rp, 0, sizeof *rp);
}

static int
between(struct cal_date d, struct cal_date from, struct cal_date to)
{
	return cal_cmp(d, from) >= 0 && cal_cmp(d, to) <= 0;
}

/*
 * The attendances of a record as "令和8年6月3日 株式会社…", "、"-joined;
 * with short, "R8.6.3 株式会社…", as the workbook's list writes dates.
 */
static void
att_date(char era[CAL_FMT_MAX], const char *iso, int short_form)
{
	struct cal_date	 d;

	if (short_form && iso != NULL && cal_parse_iso(&d, iso) == 0 &&
	    cal_format_era(era, CAL_FMT_MAX, d, CAL_ERA_SHORT) == 0)
		return;
	error_clear();
	cs_era(era, iso);
}

static char *
attendance_text(const struct node *rec, struct cal_date to, int short_form,
    int *bad)
{
	const struct node	*as = node_get(rec, "attendances"), *a;
	struct buf		 b = BUF_INIT;
	struct cal_date		 d;
	char			 era[CAL_FMT_MAX];
	size_t			 i;

	for (i = 0; as != NULL && as->kind == NODE_SEQ && i < as->n; i++) {
		a = as->u.items[i];
		if (cs_date(&d, a, "date") != 0 || cal_cmp(d, to) > 0)
			continue;
		att_date(era, node_get_str(a, "date"), short_form);
		/* the date, then whom: a long name wraps on a line of its own */
		buf_printf(&b, "%s%s\n%s", b.len > 0 ? "\n" : "", era,
		    str(a, "counterpart"));
	}
	if ((as == NULL || as->n == 0) &&
	    cs_date(&d, rec, "attended_date") == 0 && cal_cmp(d, to) <= 0) {
		att_date(era, node_get_str(rec, "attended_date"), short_form);
		buf_printf(&b, "%s\n%s", era, str(rec, "counterpart"));
	}
	error_clear();
	if (buf_ok(&b) != 0) {
		*bad = 1;
		return NULL;
	}
	return b.data != NULL ? buf_detach(&b, NULL) : dupstr("", bad);
}

/* Attendances dated in [from, to]. */
static long
attendances_in(const struct node *rec, struct cal_date from,
    struct cal_date to)
{
	const struct node	*as = node_get(rec, "attendances");
	struct cal_date		 d;
	size_t			 i;
	long			 n = 0;

	if (as != NULL && as->kind == NODE_SEQ && as->n > 0) {
		for (i = 0; i < as->n; i++)
			if (cs_date(&d, as->u.items[i], "date") == 0 &&
			    between(d, from, to))
				n++;
	} else if (cs_date(&d, rec, "attended_date") == 0 &&
	    between(d, from, to))
		n = 1;
	error_clear();
	return n;
}

/*
 * The 受付番号; of a year before the report's, with its year
 * (令和9年度相談第34号): the numbers restart each year, and 相談第34号
 * beside this year's 相談第34号 read as the same consultation.
 */
static char *
ref_no(const struct node *rec, struct cal_date rcv, int fy, int *bad)
{
	const char	*no = node_get_str(rec, "ref_no");
	const char	*s = node_get_str(rec, "fy");
	char		 year[CAL_FMT_MAX];
	struct buf	 b = BUF_INIT;
	long		 rfy;

	rfy = s != NULL ? strtol(s, NULL, 10) : 0;
	if (rfy < 2019)
		rfy = cal_fy(rcv);
	if (rfy >= fy || no == NULL || *no == '\0' ||
	    cal_fy_label(year, sizeof year, (int)rfy) != 0) {
		error_clear();
		return dupstr(no, bad);
	}
	buf_printf(&b, "%s%s", year, no);
	if (buf_ok(&b) != 0) {
		buf_free(&b);
		*bad = 1;
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/* The number of a 相談第11号 (11); none sorts last. */
static long
ref_num(const char *s)
{
	while (s != NULL && *s != '\0' && (*s < '0' || *s > '9'))
		s++;
	return s != NULL && *s != '\0' ? strtol(s, NULL, 10) : LONG_MAX;
}

static int
row_cmp(const void *a, const void *b)
{
	const struct consult_report_row	*x = a, *y = b;
	int				 c;

	if ((c = cal_cmp(x->received, y->received)) != 0)
		return c;
	/* of one day, by number: 相談第11号 came before 第10号 (rev19a T7) */
	if ((c = (ref_num(x->ref_no) > ref_num(y->ref_no)) -
	    (ref_num(x->ref_no) < ref_num(y->ref_no))) != 0)
		return c;
	return strcmp(x->title, y->title);
}

int
consult_report_build(struct consult_report *out, struct store *st,
    struct cal_date from, struct cal_date to)
{
	static const char *const keys[CONSULT_NCOUNTS] = {
		"department_consultations", "consultation_attendances",
		"division_consultations", "dx_support" };
	static const char *const types[CONSULT_NCOUNTS] = { "department",
	    NULL, "division", "dx" };
	const struct schema	*kind;
	struct recset		 rs = { NULL, 0 };
	struct consult_report_row *row;
	const struct node	*rec;
	struct cal_date		 fy0, fy1, rcv, ans;
	char			 a[CAL_FMT_MAX], b[CAL_FMT_MAX];
	char			 line[2 * CAL_FMT_MAX + 16];
	const char		*type, *status;
	long			 sum = 0;
	size_t			 i, k;
	int			 rc, bad = 0, answered, t;

	memset(out, 0, sizeof *out);
	if (!cal_date_valid(from) || !cal_date_valid(to) ||
	    cal_cmp(from, to) > 0)
		return error_set(NC_EINVALID, "the period must run forward "
		    "from one date to another");
	if (cal_fy(from) != cal_fy(to))
		return error_set(NC_EINVALID, "the period must lie in one "
		    "fiscal year (FY%d starts on %d-04-01)", cal_fy(to),
		    cal_fy(to));
	if ((kind = cs_kind(st)) == NULL)
		return error_code();
	out->fy = cal_fy(to);
	out->from = from;
	out->to = to;
	out->as_of = to;
	out->mean_days = -1;
	cal_fy_bounds(&fy0, &fy1, out->fy);
	for (k = 0; k < CONSULT_NCOUNTS; k++) {
		out->counts[k].label = types[k] != NULL ?
		    schema_label(kind, "type", types[k]) :
		    schema_title(schema_at(kind, "attended"));
		out->counts[k].expected = cs_expected(st, keys[k]);
	}
	cal_format_era(a, sizeof a, from, CAL_ERA_LONG);
	cal_format_era(b, sizeof b, to, CAL_ERA_LONG);
	snprintf(line, sizeof line, "%sから%sまで", a, b);
	out->period = dupstr(line, &bad);
	out->author = dupstr(cs_config(st, "documents", "author") != NULL ?
	    cs_config(st, "documents", "author") :
	    cs_config(st, "contractor", NULL), &bad);
	if (cs_config(st, "client", "head_title") != NULL)
		out->addressee = dupstr(cs_config(st, "client", "head_title"),
		    &bad);

	/*
	 * Every year's records, not the report's only: a consultation
	 * received in March and answered in April is handled in April's
	 * period, which the list says it holds (期間の初めに対応中であった
	 * もの), and was in no report of the year before after its last
	 * period (rev17a).  The counts take those received in the period.
	 */
	if ((rc = recset_load(&rs, st, kind, 0)) != 0)
		goto done;
	if (rs.n > 0 && (out->rows = calloc(rs.n, sizeof *out->rows)) ==
	    NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < rs.n; i++) {
		rec = record_root(rs.v[i]);
		type = node_get_str(rec, "type");
		if (cs_date(&rcv, rec, "received") != 0) {
			error_clear();
			continue;
		}
		answered = cs_date(&ans, rec, "answered") == 0;
		error_clear();
		/* the counts: received this period, and since 1 April */
		for (k = 0; k < CONSULT_NCOUNTS; k++) {
			if (types[k] == NULL) {
				out->counts[k].period += attendances_in(rec,
				    from, to);
				out->counts[k].ytd += attendances_in(rec, fy0,
				    to);
			} else if (type != NULL &&
			    strcmp(type, types[k]) == 0) {
				out->counts[k].period += between(rcv, from,
				    to);
				out->counts[k].ytd += between(rcv, fy0, to);
			}
		}
		/*
		 * handled in the period: received by its end, open at its
		 * start, or attended (面談・交渉への同席) in it, which the
		 * counts above include and the 作業実施報告書 refers to
		 */
		if (cal_cmp(rcv, to) > 0)
			continue;
		if (attendances_in(rec, from, to) == 0) {
			if (answered && cal_cmp(ans, from) < 0)
				continue;
			if (!answered && !consult_is_open(rec) &&
			    cal_cmp(rcv, from) < 0)
				continue;
		}
		row = &out->rows[out->nrows++];
		row->ref_no = ref_no(rec, rcv, out->fy, &bad);
		row->type = dupstr(schema_label(kind, "type", type), &bad);
		row->received = rcv;
		row->org = dupstr(cs_org_name(st, node_get_str(rec, "org")),
		    &bad);
		row->title = dupstr(str(rec, "title"), &bad);
		status = node_get_str(rec, "status");
		t = answered && cal_cmp(ans, to) <= 0;
		if (!t && !consult_is_open(rec))
			status = "answering";
		row->status = dupstr(schema_label(kind, "status", status),
		    &bad);
		row->days = -1;
		if (t) {
			row->answered = ans;
			row->days = cal_days(ans) - cal_days(rcv);
			/* the mean is of the answers given in the period */
			if (cal_cmp(ans, from) >= 0) {
				out->answered++;
				sum += row->days;
			}
		}
		row->attended = attendance_text(rec, to, 0, &bad);
		row->attended_short = attendance_text(rec, to, 1, &bad);
		if (bad)
			break;
	}
	if (bad) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	if (out->nrows > 1)
		qsort(out->rows, out->nrows, sizeof *out->rows, row_cmp);
	if (out->answered > 0)
		out->mean_days = (double)sum / (double)out->answered;
done:
	recset_free(&rs);
	if (rc != 0)
		consult_report_free(out);
	return rc;
}

/*
 * What the counts and the list hold, in the Word report and under the
 * workbook's tables alike.
 */
#define COUNT_BASIS_GAP	3
#define COUNT_BASIS	"当期の件数は報告期間中に受け付けた相談の数、面談・交渉への" \
			"同席は報告期間中に同席した回数です。"
#define LIST_SCOPE	"報告期間中に対応した相談（期間中に受け付けたもの、期間の" \
			"初めに対応中であったもの、および期間中に面談・交渉に同席" \
			"したもの）"
#define LIST_COLUMNS	"状況は期間の末日現在、日数は受付日から回答日までの暦日数" \
			"です。"
#define LIST_STATUS	"状況は期間の末日現在です。"

/* The kinds whose year to date is below their share of the year. */
static char *
short_kinds(const struct consult_report *rp)
{
	struct buf	b = BUF_INIT;
	int		months = cal_fy_months(rp->fy, rp->to);
	size_t		k;

	for (k = 0; k < CONSULT_NCOUNTS; k++) {
		const struct consult_count *c = &rp->counts[k];

		if (c->expected > 0 && c->ytd * 12 < c->expected * months)
			buf_printf(&b, "%s%s", b.len > 0 ? "、" : "",
			    c->label);
	}
	return b.data != NULL ? buf_detach(&b, NULL) : NULL;
}

static const char *
pct(char out[32], long n, long of)
{
	if (of <= 0)
		snprintf(out, 32, "―");
	else	/* rounded half up, as the ward rounds: 1 of 8 is 13% */
		snprintf(out, 32, "%ld%%", (n * 200 + of) / (of * 2));
	return out;
}

static int
report_table(struct docx *d, const struct consult_report *rp)
{
	static const unsigned	 w[] = { 6, 9, 17, 8, 11, 24, 8, 8, 5, 17 };
	static const char *const head[] = { "No.", "受付番号", "種別",
	    "受付日", "相談課", "件名", "状況", "回答日", "日数",
	    "面談・交渉への同席" };
	struct docx_table	*t = NULL;
	struct docx_para_style	 c, l, r;
	char			 buf[10][CAL_FMT_MAX];
	const struct docx_para_style *st[10];
	unsigned		 wu[10];
	int			 used[10] = { 1, 1, 1, 1, 1, 1, 1, 0, 0, 0 };
	size_t			 i, k, n;
	int			 rc;

	/*
	 * 面談・交渉への同席, and 回答日 and 日数, only where a row has one:
	 * a column empty in every row read as left unfilled (review15,
	 * review16; the counts table above says 0件, the text above says
	 * none was answered)
	 */
	for (i = 0; i < rp->nrows; i++) {
		if (rp->rows[i].days >= 0)
			used[7] = used[8] = 1;
		if (rp->rows[i].attended != NULL &&
		    rp->rows[i].attended[0] != '\0')
			used[9] = 1;
	}
	memset(&c, 0, sizeof c);
	c.align = DOCX_CENTER;
	c.size = 18;
	l = c;
	l.align = DOCX_LEFT;
	r = c;
	r.align = DOCX_RIGHT;
	for (k = 0, n = 0; k < 10; k++)
		if (used[k])
			wu[n++] = w[k];
	if ((rc = docx_table_new(&t, n, wu)) != 0)
		return rc;
	rc = docx_table_header_rows(t, 1);
	for (k = 0, n = 0; k < 10 && rc == 0; k++)
		if (used[k])
			rc = docx_table_cell(t, 0, n++, head[k], &c);
	for (i = 0; i < rp->nrows && rc == 0; i++) {
		const struct consult_report_row *row = &rp->rows[i];
		const char *v[10];

		for (k = 0; k < 10; k++) {
			buf[k][0] = '\0';
			v[k] = buf[k];
			st[k] = &l;
		}
		snprintf(buf[0], sizeof buf[0], "%zu", i + 1);
		st[0] = &c;
		v[1] = row->ref_no;
		v[2] = row->type;
		cal_format_era(buf[3], sizeof buf[3], row->received,
		    CAL_ERA_LONG);
		st[3] = &c;
		v[4] = row->org;
		v[5] = row->title;
		/* handed over at the year's end, as the 作業実施報告書 says */
		v[6] = row->days >= 0 || rp->open_end == NULL ? row->status :
		    ev_open_label(row->status, rp->open_kind);
		st[6] = &c;
		if (row->days >= 0) {
			cal_format_era(buf[7], sizeof buf[7], row->answered,
			    CAL_ERA_LONG);
			snprintf(buf[8], sizeof buf[8], "%ld", row->days);
		}
		st[7] = &c;
		st[8] = &r;
		v[9] = row->attended;
		for (k = 0, n = 0; k < 10 && rc == 0; k++)
			if (used[k])
				rc = docx_table_cell(t, i + 1, n++, v[k], st[k]);
	}
	if (rc == 0)
		rc = docx_add_table(d, t);
	docx_table_free(t);
	return rc;
}

/* Is a row of the list answered (回答日, 日数)? */
static int
any_answered(const struct consult_report *rp)
{
	size_t	i;

	for (i = 0; i < rp->nrows; i++)
		if (rp->rows[i].days >= 0)
			return 1;
	return 0;
}

static int
counts_table(struct docx *d, const struct consult_report *rp)
{
	static const unsigned	 w[] = { 40, 12, 12, 12, 12 };
	static const char *const head[] = { "区分", "当期", "年度累計",
	    "年間想定", "進捗率" };
	struct docx_table	*t = NULL;
	struct docx_para_style	 c, l, r;
	char			 buf[64], p[32];
	size_t			 k;
	int			 rc;

	memset(&c, 0, sizeof c);
	c.align = DOCX_CENTER;
	l = c;
	l.align = DOCX_LEFT;
	r = c;
	r.align = DOCX_RIGHT;
	if ((rc = docx_table_new(&t, 5, w)) != 0)
		return rc;
	if ((rc = docx_table_narrow(t)) == 0)
		rc = docx_table_header_rows(t, 1);
	for (k = 0; k < 5 && rc == 0; k++)
		rc = docx_table_cell(t, 0, k, head[k], &c);
	for (k = 0; k < CONSULT_NCOUNTS && rc == 0; k++) {
		const struct consult_count *cc = &rp->counts[k];

		snprintf(buf, sizeof buf, "%s%s", k == CONSULT_COUNT_ATTENDED ?
		    "　うち" : "", cc->label);
		if ((rc = docx_table_cell(t, k + 1, 0, buf, &l)) != 0)
			break;
		snprintf(buf, sizeof buf, "%ld件", cc->period);
		if ((rc = docx_table_cell(t, k + 1, 1, buf, &r)) != 0)
			break;
		snprintf(buf, sizeof buf, "%ld件", cc->ytd);
		if ((rc = docx_table_cell(t, k + 1, 2, buf, &r)) != 0)
			break;
		if (cc->expected >= 0)
			snprintf(buf, sizeof buf, "%ld件", cc->expected);
		else
			snprintf(buf, sizeof buf, "―");
		if ((rc = docx_table_cell(t, k + 1, 3, buf, &r)) != 0 ||
		    (rc = docx_table_cell(t, k + 1, 4, pct(p, cc->ytd,
		    cc->expected), &r)) != 0)
			break;
	}
	if (rc == 0)
		rc = docx_add_table(d, t);
	docx_table_free(t);
	return rc;
}

/* A consultation not answered by the period's end. */
static int
any_open(const struct consult_report *rp)
{
	size_t	i;

	for (i = 0; i < rp->nrows; i++)
		if (rp->rows[i].days < 0)
			return 1;
	return 0;
}

int
consult_report_write_docx(const struct consult_report *rp, const char *path)
{
	struct docx		*d = NULL;
	struct docx_props	 props;
	struct docx_page	 page;
	struct docx_report	 cover;
	struct docx_para_style	 right, note;
	char			 date[CAL_FMT_MAX], iso[CAL_FMT_MAX], fy[CAL_FMT_MAX];
	char			 line[512], mean[32], *shortk = NULL;
	int			 rc;

	cal_format_era(date, sizeof date, rp->as_of, CAL_ERA_LONG);
	cal_format_iso(iso, sizeof iso, rp->as_of);
	cal_fy_label(fy, sizeof fy, rp->fy);
	memset(&props, 0, sizeof props);
	props.title = "相談業務実施報告書";
	props.author = rp->author;
	props.created = iso;
	memset(&page, 0, sizeof page);
	page.landscape = 1;
	page.margin_top = 20;
	page.margin_bottom = 20;
	page.margin_left = 20;
	page.margin_right = 20;
	memset(&cover, 0, sizeof cover);
	cover.title = "相談業務実施報告書";
	cover.date = date;
	cover.author = rp->author;
	/* as the 作業実施報告書 it is attached to (rev20 T7) */
	cover.addressee = rp->addressee;
	memset(&right, 0, sizeof right);
	right.align = DOCX_RIGHT;
	if ((rc = docx_new(&d, &props)) != 0)
		return rc;
	if ((rc = docx_page(d, &page)) != 0 ||
	    (rc = docx_footer_page_number(d, DOCX_PAGENUM_DASH)) != 0 ||
	    (rc = docx_add_report_cover(d, &cover)) != 0 ||
	    (rc = docx_add_para(d, "　仕様書3(3)ア(イ)に基づき、相談業務の実施"
	    "状況を次のとおり報告します。", NULL)) != 0)
		goto done;
	if ((rc = docx_add_outline_heading(d, 1, "報告期間")) != 0 ||
	    (rc = docx_add_outline_body(d, rp->period)) != 0)
		goto done;
	snprintf(line, sizeof line, "仕様書3(3)ア(イ)の相談業務（所管課からの"
	    "相談、情報政策課からの個別相談）および3(1)ア(ア)のDX実現に向けた"
	    "取組支援の実施件数は、次のとおりです（%sの年度累計と年間想定の"
	    "比較を含む）。", fy);
	if ((rc = docx_add_outline_heading(d, 1, "実施件数")) != 0 ||
	    (rc = docx_add_outline_body(d, line)) != 0 ||
	    (rc = counts_table(d, rp)) != 0)
		goto done;
	/*
	 * what 当期 counts: the list below holds more (review13: 14 rows
	 * against 12 counted, a 同席 of a consultation received before);
	 * COUNT_BASIS_GAP points above it.  With none, LibreOffice set its
	 * first line against the table's bottom border: IPAex, which it
	 * renders 游明朝 with, has no leading, its glyphs fill the line from
	 * its top, and the line starts at the border (a pixel apart at 200
	 * dpi; Word's 游明朝 has leading).  Here only: every document has
	 * it, but 3pt above every paragraph under a table (docx.c, stop 38)
	 * moved the sample 所属点検実施結果報告書's 部別の結果 a page on.
	 */
	memset(&note, 0, sizeof note);
	note.indent_left = 100;
	note.indent_first = 100;
	note.space_before = COUNT_BASIS_GAP;
	if ((rc = docx_add_para(d, COUNT_BASIS, &note)) != 0)
		goto done;
	if ((shortk = short_kinds(rp)) != NULL) {
		/*
		 * a list, whole however many its kinds, with the months the
		 * share is of, for a reader to check it
		 */
		struct buf	 b = BUF_INIT;

		/*
		 * at the year's end, done: 振り替えています, as the
		 * 作業実施報告書 of the same day says (rev43b B16)
		 */
		buf_printf(&b, "年度累計が年間想定の経過月数分（%d月までの%dか月"
		    "分）を下回っている区分：%s。仕様書6(1)ウにより、想定を下回る"
		    "項目の工数は他の委託内容に振り替え%s。",
		    (3 + cal_fy_months(rp->fy, rp->to) - 1) % 12 + 1,
		    cal_fy_months(rp->fy, rp->to), shortk,
		    cal_fy_months(rp->fy, rp->to) >= 12 ? "ています" : "ます");
		if ((rc = buf_ok(&b)) == 0)
			rc = docx_add_outline_body(d, b.data);
		buf_free(&b);
		if (rc != 0)
			goto done;
	}
	if (rp->mean_days >= 0) {
		/* half up once: 147 days over 12 is 12.3, never 12.2 */
		text_pct1(mean, sizeof mean, rp->mean_days, 0, "");
		snprintf(line, sizeof line, "報告期間中に回答した%ld件の、受付から"
		    "回答までの日数は平均%s日です。", rp->answered, mean);
	} else
		snprintf(line, sizeof line, "報告期間中に回答した相談はありません。");
	if ((rc = docx_add_outline_body(d, line)) != 0)
		goto done;
	/* the list says what its 日数 is only where it has the column */
	if ((rc = docx_add_outline_heading(d, 1, "相談の一覧")) != 0 ||
	    (rc = docx_add_outline_body(d, rp->nrows == 0 ? "報告期間中に"
	    "対応した相談はありません。" : any_answered(rp) ? LIST_SCOPE "は"
	    "次のとおりです。" LIST_COLUMNS : LIST_SCOPE "は次のとおりです。"
	    LIST_STATUS)) != 0)
		goto done;
	if (rp->nrows > 0 && (rc = report_table(d, rp)) != 0)
		goto done;
	if (rp->open_end != NULL && any_open(rp)) {
		/*
		 * the note says what the table's last rows read: with them,
		 * not on a page of its own with 以上 (g5's year-end report,
		 * rev21c T1, again at stop 42)
		 */
		if (rp->nrows > 0 && (rc = docx_keep_next(d)) != 0)
			goto done;
		snprintf(line, sizeof line, "状況が「%s」の相談は、%sです。",
		    ev_open_label(NULL, rp->open_kind), rp->open_end);
		if ((rc = docx_add_outline_body(d, line)) != 0)
			goto done;
	}
	/*
	 * 以上 stays with the note or the table's last row: g5's year-end
	 * report had a page 2 of 以上 alone (rev21c T1)
	 */
	if ((rc = docx_keep_next(d)) != 0 ||
	    (rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_keep_next(d)) != 0 ||
	    (rc = docx_add_para(d, "以上", &right)) != 0)
		goto done;
	rc = docx_save(d, path);
done:
	free(shortk);
	docx_free(d);
	return rc;
}

/*
 * A date of the list: R8.4.28, the ward's short 令和 as in its other
 * lists (課題管理表, 事故等の一覧).  令和8年4月28日 took 14 units twice,
 * and the 面談・交渉への同席 beside them ran to five lines.
 */
static int
write_date(struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    struct cal_date d)
{
	if (d.y == 0)
		return xlsx_write_blank(sh, row, col);
	return xlsx_write_date(sh, row, col, d.y, d.m, d.d,
	    XLSX_DATE_ERA_SHORT);
}

#define LIST_NCOLS	10
#define LIST_SCALE	0.72	/* a page at 72 % rather than two */

/* The list's cells as shown (dates in 令和, days as digits), measured. */
static int
list_widths(struct xlsx_sheet *sh, struct xlsx_column *cols,
    const struct xlsx_fit_col *fc, const struct consult_report *rp)
{
	const char	**cells = NULL;
	char		(*txt)[4][CAL_FMT_MAX] = NULL;
	size_t		  i;
	int		  rc;

	if (rp->nrows > 0 && ((cells = calloc(rp->nrows * LIST_NCOLS,
	    sizeof *cells)) == NULL || (txt = calloc(rp->nrows,
	    sizeof *txt)) == NULL)) {
		free(cells);
		return error_set(NC_ENOMEM, "out of memory");
	}
	for (i = 0; i < rp->nrows; i++) {
		const struct consult_report_row	*r = &rp->rows[i];
		const char			**c = cells + i * LIST_NCOLS;

		snprintf(txt[i][0], sizeof txt[i][0], "%zu", i + 1);
		if (r->received.y != 0)
			cal_format_era(txt[i][1], sizeof txt[i][1],
			    r->received, CAL_ERA_SHORT);
		if (r->days >= 0) {
			cal_format_era(txt[i][2], sizeof txt[i][2],
			    r->answered, CAL_ERA_SHORT);
			snprintf(txt[i][3], sizeof txt[i][3], "%ld", r->days);
		}
		c[0] = txt[i][0];
		c[1] = r->ref_no;
		c[2] = r->type;
		c[3] = txt[i][1];
		c[4] = r->org;
		c[5] = r->title;
		c[6] = r->status;
		c[7] = txt[i][2];
		c[8] = txt[i][3];
		c[9] = r->attended_short;
	}
	rc = xlsx_fit_sheet(sh, cols, fc, LIST_NCOLS, cells, rp->nrows,
	    LIST_SCALE, LIST_SCALE, NULL);
	free(cells);
	free(txt);
	return rc;
}

int
consult_report_write_xlsx(const struct consult_report *rp, const char *path)
{
	/*
	 * The list's widths from its content for the fewest pages at the
	 * largest scale (xlsx_fit_sheet()): 件名 and 同席 broken by the
	 * writer share the page; with widths from the longest cell (50
	 * units each) it printed at 55 %, half the page empty.
	 */
	static const struct xlsx_fit_col	 list_cols[] = {
		{ { "No.", XLSX_COL_CENTER, 5 }, XLSX_FIT_FIXED },
		{ { "受付番号", 0, 0 }, XLSX_FIT_CODE },
		{ { "種別", XLSX_COL_BREAK | XLSX_COL_PHRASE, 0 },
		    XLSX_FIT_TEXT },
		{ { "受付日", 0, 0 }, XLSX_FIT_CODE },
		{ { "相談課", XLSX_COL_NAME, 0 }, XLSX_FIT_TEXT },
		/* a title: a line more rather than a word cut */
		{ { "件名", XLSX_COL_BREAK | XLSX_COL_PHRASE, 0 },
		    XLSX_FIT_TEXT },
		{ { "状況", XLSX_COL_CENTER, 0 }, XLSX_FIT_CODE },
		{ { "回答日", 0, 0 }, XLSX_FIT_CODE },
		/*
		 * centred: right-aligned, a count of days stood against
		 * the 同席 beside it (11R8.12.17, review13/14), as the
		 * risk list's リスク値 did against its 対応策
		 */
		{ { "回答までの日数", XLSX_COL_CENTER, 0 }, XLSX_FIT_CODE },
		{ { "面談・交渉への同席", XLSX_COL_BREAK, 0 }, XLSX_FIT_TEXT },
	};
	static const struct xlsx_column	 count_cols[] = {
		{ "区分", 0, 0 },
		{ "当期", 0, 8 },
		{ "年度累計", 0, 10 },
		{ "年間想定", 0, 10 },
		{ "進捗率", 0, 8 },
	};
	struct xlsx_column	 cols[LIST_NCOLS];
	struct xlsx		*x = NULL;
	struct xlsx_props	 props;
	struct xlsx_sheet	*sh;
	char			 title[256], date[CAL_FMT_MAX];
	char			 num[32];
	struct buf		 note = BUF_INIT;
	uint32_t		 row;
	size_t			 i, k;
	int			 rc;

	cal_format_era(date, sizeof date, rp->as_of, CAL_ERA_LONG);
	memset(&props, 0, sizeof props);
	props.title = "相談業務実施報告書";
	props.author = rp->author;
	props.created = (time_t)cal_days(rp->as_of) * 86400;
	snprintf(title, sizeof title, "相談業務実施報告書（%s）", rp->period);
	/* the author is a line of up to 200 characters: note[256] cut it */
	buf_printf(&note, "%s現在　出典：相談記録%s%s", date,
	    rp->author != NULL && *rp->author != '\0' ? "　作成：" : "",
	    rp->author != NULL ? rp->author : "");
	if ((rc = buf_ok(&note)) != 0 ||
	    (rc = xlsx_new(&x, path, &props)) != 0) {
		buf_free(&note);
		return rc;
	}
	xlsx_add_sheet(&sh, x, "実施件数", 0);
	xlsx_title(sh, title, note.data);
	xlsx_table(&row, sh, count_cols, 5);
	for (k = 0; k < CONSULT_NCOUNTS; k++, row++) {
		const struct consult_count *cc = &rp->counts[k];

		snprintf(title, sizeof title, "%s%s", k ==
		    CONSULT_COUNT_ATTENDED ? "　うち" : "", cc->label);
		xlsx_write_text(sh, row, 0, title);
		xlsx_write_number(sh, row, 1, (double)cc->period,
		    XLSX_NUM_INT);
		xlsx_write_number(sh, row, 2, (double)cc->ytd, XLSX_NUM_INT);
		if (cc->expected >= 0) {
			xlsx_write_number(sh, row, 3, (double)cc->expected,
			    XLSX_NUM_INT);
			xlsx_write_number(sh, row, 4, cc->expected > 0 ?
			    (double)cc->ytd / (double)cc->expected : 0,
			    XLSX_NUM_PCT);
		} else {
			xlsx_write_blank(sh, row, 3);
			xlsx_write_blank(sh, row, 4);
		}
	}
	xlsx_note(sh, row + 1, COUNT_BASIS);
	xlsx_add_sheet(&sh, x, "相談一覧", XLSX_LANDSCAPE);
	snprintf(title, sizeof title, "相談一覧（%s）", rp->period);
	xlsx_title(sh, title, note.data);
	buf_free(&note);
	if ((rc = list_widths(sh, cols, list_cols, rp)) != 0) {
		xlsx_free(x);
		return rc;
	}
	xlsx_table(&row, sh, cols, LIST_NCOLS);
	for (i = 0; i < rp->nrows; i++, row++) {
		const struct consult_report_row *r = &rp->rows[i];

		snprintf(num, sizeof num, "%zu", i + 1);
		xlsx_write_text(sh, row, 0, num);
		xlsx_write_text(sh, row, 1, r->ref_no);
		xlsx_write_text(sh, row, 2, r->type);
		write_date(sh, row, 3, r->received);
		xlsx_write_text(sh, row, 4, r->org);
		xlsx_write_text(sh, row, 5, r->title);
		xlsx_write_text(sh, row, 6, r->status);
		write_date(sh, row, 7, r->days >= 0 ? r->answered :
		    (struct cal_date){ 0, 0, 0 });
		if (r->days >= 0)
			xlsx_write_number(sh, row, 8, (double)r->days,
			    XLSX_NUM_INT);
		else
			xlsx_write_blank(sh, row, 8);
		xlsx_write_text(sh, row, 9, r->attended_short);
	}
	if (rp->nrows == 0)
		xlsx_note(sh, row, "報告期間中に対応した相談はありません。");
	else
		xlsx_note(sh, row + 1, LIST_SCOPE "の一覧です。" LIST_COLUMNS);
	rc = xlsx_save(x);
	xlsx_free(x);
	return rc;
}
