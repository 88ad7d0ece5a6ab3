/*
 * The 次第 and the 議事録 (4(3)ア(ウ)(エ)): a plain view of a meeting
 * filled from the records, then the Word layout; and recording the
 * minutes, whose action items become issues of the 課題管理表.
 *
 * The automatic topics read other kinds' records through their schemas
 * (title field, dates, enum labels) and never through another module's
 * code: a review counts from its decision or submission, a consultation
 * from its answer, an audit or a training from its date.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "docx.h"
#include "error.h"
#include "issue.h"
#include "meeting.h"
#include "meeting_int.h"
#include "schema.h"
#include "textfit.h"

/* Every automatic topic, and the ones each type gets, in order. */
static const char *const topic_order[] = { "issues", "activity", "schedule",
    "reports", NULL };
static const char *const topics_regular[] = { "issues", "activity",
    "schedule", NULL };
static const char *const topics_progress[] = { "reports", "issues", NULL };
static const char *const topics_none[] = { NULL };

static const char *const *
topics_of(const struct node *rec)
{
	if (node_scalar_eq(node_get(rec, "type"), "regular"))
		return topics_regular;
	if (node_scalar_eq(node_get(rec, "type"), "progress"))
		return topics_progress;
	return topics_none;
}

/* Append a line to an item's topic; sub: under the line before. */
static int
item_line(struct meeting_item *it, const char *text, int sub)
{
	unsigned char	*ns;
	size_t		 n = it->nlines;
	int		 rc;

	if ((ns = realloc(it->sub, n + 1)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	it->sub = ns;
	if ((rc = mt_push(&it->lines, &it->nlines, text)) != 0)
		return rc;
	it->sub[n] = (unsigned char)sub;
	return 0;
}

/* --- the view ------------------------------------------------------------- */

static void
item_free(struct meeting_item *it)
{
	free(it->title);
	free(it->presenter);
	mt_strv_free(it->materials, it->nmaterials);
	mt_strv_free(it->lines, it->nlines);
	free(it->sub);
	free(it->summary);
}

void
meeting_view_free(struct meeting_view *v)
{
	size_t	i;

	free(v->title);
	free(v->type);
	free(v->when);
	free(v->place);
	free(v->period);
	for (i = 0; i < v->nitems; i++)
		item_free(&v->items[i]);
	free(v->items);
	mt_strv_free(v->handouts, v->nhandouts);
	free(v->next);
	mt_strv_free(v->ward, v->nward);
	free(v->contractor);
	mt_strv_free(v->team, v->nteam);
	mt_strv_free(v->decisions, v->ndecisions);
	for (i = 0; i < v->nactions; i++) {
		free(v->actions[i].action);
		free(v->actions[i].owner);
		free(v->actions[i].due);
		free(v->actions[i].issue);
	}
	free(v->actions);
	free(v->minutes);
	free(v->author);
	memset(v, 0, sizeof *v);
}

static int
add_item(struct meeting_view *v, struct meeting_item **out)
{
	struct meeting_item	*nv;

	*out = NULL;	/* set on every path: callers use it after rc checks */
	if ((nv = realloc(v->items, (v->nitems + 1) * sizeof *nv)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	v->items = nv;
	*out = &nv[v->nitems++];
	memset(*out, 0, sizeof **out);
	(*out)->stored = -1;
	return 0;
}

/* 13:30～17:00, or what there is of it. */
static void
times(char *out, size_t size, const struct node *rec)
{
	const char	*a = node_get_str(rec, "start_time");
	const char	*b = node_get_str(rec, "end_time");

	if (a != NULL && b != NULL)
		snprintf(out, size, "%s～%s", a, b);
	else if (a != NULL)
		snprintf(out, size, "%s～", a);
	else
		out[0] = '\0';
}

/* The meetings of the same type just before and after rec. */
static int
neighbours(struct cal_date *prev, struct cal_date *next, char **next_label,
    struct store *st, const struct node *rec)
{
	struct recset		 rs = { NULL, 0 };
	const struct node	*root, *nx = NULL;
	struct cal_date		 date, d;
	char			 when[CAL_FMT_MAX], t[32];
	struct buf		 b = BUF_INIT;
	size_t			 i;
	int			 rc;

	*prev = *next = (struct cal_date){ 0, 0, 0 };
	*next_label = NULL;
	if ((rc = meeting_date(&date, rec)) != 0)
		return rc;
	if ((rc = mt_recs_load(&rs, st, "meeting", 0)) != 0)
		return rc;
	for (i = 0; i < rs.n; i++) {
		root = record_root(rs.v[i]);
		if (!node_scalar_eq(node_get(root, "type"),
		    node_get_str(rec, "type")) ||
		    node_scalar_eq(node_get(root, "id"),
		    node_get_str(rec, "id")) ||
		    node_scalar_eq(node_get(root, "status"), "cancelled") ||
		    mt_date(&d, root, "date") != 0)
			continue;
		if (cal_cmp(d, date) < 0 && (prev->y == 0 ||
		    cal_cmp(d, *prev) > 0))
			*prev = d;
		if (cal_cmp(d, date) > 0 && (next->y == 0 ||
		    cal_cmp(d, *next) < 0)) {
			*next = d;
			nx = root;
		}
	}
	error_clear();
	if (nx != NULL) {
		mt_era_wday(when, *next);
		/* the next meeting's start is enough: "10:00～" */
		snprintf(t, sizeof t, "%s", node_get_str(nx, "start_time") !=
		    NULL ? node_get_str(nx, "start_time") : "");
		buf_printf(&b, "%s\n%s%s%s%s", node_get_str(nx, "title"), when,
		    *t != '\0' ? "　" : "", t, *t != '\0' ? "～" : "");
		if (buf_ok(&b) == 0)
			*next_label = buf_detach(&b, NULL);
	}
	buf_free(&b);
	recset_free(&rs);
	return 0;
}

/* A dated line of a topic, kept sorted by date. */
struct dline {
	struct cal_date	 d;
	char		*text;
};

struct dlines {
	struct dline	*v;
	size_t		 n;
};

static int
dline_add(struct dlines *l, struct cal_date d, struct buf *b)
{
	struct dline	*nv;

	if (buf_ok(b) != 0)
		return NC_ENOMEM;
	if ((nv = realloc(l->v, (l->n + 1) * sizeof *nv)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	l->v = nv;
	nv[l->n].d = d;
	nv[l->n++].text = buf_detach(b, NULL);
	return 0;
}

static int
dline_cmp(const void *a, const void *b)
{
	const struct dline	*x = a, *y = b;
	int			 c;

	if ((c = cal_cmp(x->d, y->d)) != 0)
		return c;
	return strcmp(x->text, y->text);
}

/* Sort the lines and hand them to the item. */
static int
dlines_to_item(struct meeting_item *it, struct dlines *l, int sub)
{
	size_t	i;
	int	rc = 0;

	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, dline_cmp);
	for (i = 0; i < l->n; i++) {
		if (rc == 0)
			rc = item_line(it, l->v[i].text, sub);
		free(l->v[i].text);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
	return rc;
}

static void
dlines_free(struct dlines *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].text);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static int
in_window(struct cal_date d, struct cal_date after, struct cal_date upto)
{
	return (after.y == 0 || cal_cmp(d, after) > 0) &&
	    cal_cmp(d, upto) <= 0;
}

/*
 * The line under the list that counts the open issues it leaves out:
 * those past due at the previous meeting of the kind (that one's 次第
 * named them: by the third year 46 of them filled three pages, and
 * ran out of ア … ン), how many of those an earlier fiscal year raised
 * (two years overdue read as one more count, rev18a), and those due
 * after the next meeting (the year's end when none is set) or never.
 */
static int
issues_rest(struct meeting_item *it, struct cal_date prev, size_t nold,
    size_t nold_earlier, struct cal_date until, int year_end, size_t nlater,
    size_t nodue)
{
	struct buf	 b = BUF_INIT;
	char		 era[CAL_FMT_MAX];
	int		 rc;

	buf_puts(&b, "このほか、");
	if (nold > 0) {
		mt_era(era, prev, CAL_ERA_LONG);
		buf_printf(&b, "期限が前回（%s）以前の未完了の課題が%zu件", era,
		    nold);
		if (nold_earlier > 0)
			buf_printf(&b, "（うち前年度以前に起票したもの%zu件）",
			    nold_earlier);
		if (nlater + nodue > 0)
			buf_puts(&b, "、");
	}
	if (nlater + nodue > 0) {
		mt_era(era, until, CAL_ERA_LONG);
		buf_printf(&b, "期限が%s%s%sより後%s未完了の課題が%zu件",
		    year_end ? "年度末（" : "", era, year_end ? "）" : "",
		    nodue > 0 ? "または期限を定めていない" : "の",
		    nlater + nodue);
	}
	buf_puts(&b, "あります（課題管理表のとおり）。");
	/* unnumbered under the list (sub 2): not one of the issues */
	rc = buf_ok(&b) == 0 ? item_line(it, b.data, 2) : NC_ENOMEM;
	buf_free(&b);
	return rc;
}

/*
 * 課題の状況: the open issues that fell due since the previous meeting
 * of the kind (past due now) or fall due by the next one, then how many
 * open ones that leaves out: a 進捗報告会 two months ahead listed issues
 * not yet due that a 定例会 two weeks ahead did not, and neither said
 * why.  Without a previous meeting every issue past due is named;
 * without a next one (the year's last, or not set yet) the window runs
 * to the fiscal year's end and says so: the last 進捗報告会 of the
 * contract cut at 「令和12年2月21日」, a day with no meeting (rev18a).
 */
static int
topic_issues(struct meeting_item *it, struct store *st, struct cal_date date,
    struct cal_date prev, struct cal_date until, int year_end)
{
	struct recset		 rs = { NULL, 0 };
	struct dlines		 l = { NULL, 0 };
	const struct node	*root;
	struct cal_date		 due, d;
	struct buf		 b = BUF_INIT;
	char			 era[CAL_FMT_MAX], no[96];
	size_t			 i, nopen = 0, nold = 0, nlater = 0, nodue = 0;
	size_t			 nold_earlier = 0;
	int			 rc;

	if ((rc = mt_recs_load(&rs, st, "issue", 0)) != 0)
		return rc;
	for (i = 0; i < rs.n && rc == 0; i++) {
		root = record_root(rs.v[i]);
		/*
		 * Open on the day of the meeting, raised before it; open by
		 * the history (closed only before the day), as the 課題管理表
		 * as of a date: one completed before the meeting and reopened
		 * after it had lost its completion date, and a 次第 exported
		 * later named it as open at the meeting.
		 */
		if (mt_date(&d, root, "raised") != 0 || cal_cmp(d, date) >= 0)
			continue;
		if (!issue_open_on(root, cal_add_days(date, -1)))
			continue;
		nopen++;
		/* the due date as it stood before the meeting */
		if (issue_due_on(&due, root, cal_add_days(date, -1)) != 0) {
			nodue++;
			continue;
		}
		if (cal_cmp(due, until) > 0) {
			nlater++;
			continue;
		}
		if (prev.y != 0 && cal_cmp(due, prev) <= 0) {
			nold++;
			mt_date(&d, root, "raised");
			nold_earlier += cal_fy(d) < cal_fy(date);
			continue;
		}
		mt_era(era, due, CAL_ERA_LONG);
		/* 課題R8-6 of another year than the meeting's 課題6 */
		issue_label(no, sizeof no, root, cal_fy(date), 1);
		/*
		 * 期限 and 担当 on a line of their own under the title: at
		 * the end of a long title the name broke across the lines
		 * (担当 見／本 花子); on its own the line fits the width.
		 */
		/* open on the day, by the rule of the 課題管理表 */
		buf_printf(&b, "%s%s%s\n（期限 %s%s、担当 %s）", no,
		    *no != '\0' ? "　" : "", node_get_str(root, "title"),
		    era, cal_cmp(date, due) > 0 ? "・期限超過" : "",
		    mt_member_name(st, node_get_str(root, "owner")));
		rc = dline_add(&l, due, &b);
	}
	error_clear();
	if (rc == 0)
		rc = dlines_to_item(it, &l, 0);
	if (rc == 0 && it->nlines == 0) {
		if (nold > 0)
			buf_puts(&b, "前回以降に期限を迎えた課題、次回までに期限を"
			    "迎える課題はありません。");
		else
			buf_printf(&b, "期限を過ぎた課題、%sまでに期限を迎える"
			    "課題はありません（未完了の課題 %zu 件）。",
			    year_end ? "年度末" : "次回", nopen);
		rc = buf_ok(&b) == 0 ? item_line(it, b.data, 0) : NC_ENOMEM;
		if (nold == 0)
			nlater = nodue = 0;	/* counted in the line above */
	}
	if (rc == 0 && nold + nlater + nodue > 0)
		rc = issues_rest(it, prev, nold, nold_earlier, until,
		    year_end, nlater, nodue);
	buf_free(&b);
	dlines_free(&l);
	recset_free(&rs);
	return rc;
}

/* One kind's records with a date in (after, upto] as lines. */
static int
kind_lines(struct dlines *l, struct store *st, const char *kind, int fy,
    struct cal_date after, struct cal_date upto, int upcoming)
{
	const struct schema	*ks;
	struct recset		 rs = { NULL, 0 };
	const struct node	*root, *dec = NULL;
	struct cal_date		 d;
	struct buf		 b = BUF_INIT;
	char			 era[CAL_FMT_MAX];
	const char		*type, *org, *what, *title;
	size_t			 i;
	int			 rc;

	if ((ks = mt_kind(st, kind)) == NULL)
		return error_code();
	if ((rc = mt_recs_load(&rs, st, kind, fy)) != 0)
		return rc;
	for (i = 0; i < rs.n && rc == 0; i++) {
		root = record_root(rs.v[i]);
		type = node_get_str(root, "type");
		org = node_get_str(root, "org");
		what = NULL;
		if (strcmp(kind, "review") == 0) {
			dec = node_get(root, "decision");
			if (mt_date(&d, dec, "date") == 0 &&
			    in_window(d, after, upto))
				what = "可否決定";
			else if (mt_date(&d, root, "submitted") == 0 &&
			    in_window(d, after, upto))
				what = "提出";
		} else if (strcmp(kind, "consult") == 0) {
			if (mt_date(&d, root, "answered") == 0 &&
			    in_window(d, after, upto))
				what = "回答";
		} else if (mt_date(&d, root, "date") == 0 &&
		    in_window(d, after, upto) &&
		    !node_scalar_eq(node_get(root, "status"), "cancelled")) {
			what = upcoming ? "予定" : "実施";
			org = strcmp(kind, "audit") == 0 ?
			    node_get_str(root, "target_org") : NULL;
		}
		if (what == NULL)
			continue;
		/* the date first, as a list of events reads */
		mt_era(era, d, CAL_ERA_LONG);
		buf_printf(&b, "%s %s", era, what);
		if (strcmp(what, "可否決定") == 0 &&
		    node_get_str(dec, "result") != NULL)
			buf_printf(&b, "（%s）", schema_label(ks,
			    "decision.result", node_get_str(dec, "result")));
		buf_puts(&b, "　");
		/* a review says which of its three kinds it is */
		if (strcmp(kind, "review") == 0 && type != NULL)
			buf_printf(&b, "%s：", schema_label(ks, "type", type));
		title = node_get_str(root, "title");
		buf_puts(&b, title);
		/*
		 * the division, unless the title names it (an audit's
		 * 「…（運用面） 戸籍住民課（戸籍住民課）」, rev17a)
		 */
		if (org != NULL && (title == NULL ||
		    strstr(title, mt_org_name(st, org)) == NULL))
			buf_printf(&b, "（%s）", mt_org_name(st, org));
		rc = dline_add(l, d, &b);
	}
	error_clear();
	buf_free(&b);
	recset_free(&rs);
	return rc;
}

/*
 * Lines of several kinds, grouped under a line per kind
 * ("相談（12件）" and the consultations under it).
 */
static int
grouped(struct meeting_item *it, struct store *st, const char *const *kinds,
    int fy, struct cal_date after, struct cal_date upto, int upcoming)
{
	struct dlines	 l = { NULL, 0 };
	const struct schema *ks;
	char		 head[256];
	size_t		 i;
	int		 rc = 0;

	for (i = 0; kinds[i] != NULL && rc == 0; i++) {
		if ((rc = kind_lines(&l, st, kinds[i], fy, after, upto,
		    upcoming)) != 0 || l.n == 0)
			continue;
		if ((ks = mt_kind(st, kinds[i])) == NULL)
			return error_code();
		snprintf(head, sizeof head, "%s（%zu件）", schema_title(ks), l.n);
		if ((rc = item_line(it, head, 0)) == 0)
			rc = dlines_to_item(it, &l, 1);
	}
	dlines_free(&l);
	return rc;
}

static int
topic_activity(struct meeting_item *it, struct store *st, int fy,
    struct cal_date prev, struct cal_date date)
{
	static const char *const kinds[] = { "review", "consult", "audit",
	    "training", NULL };
	int	rc;

	rc = grouped(it, st, kinds, fy, prev, cal_add_days(date, -1), 0);
	if (rc == 0 && it->nlines == 0)
		rc = item_line(it, "前回以降に完了した審査・相談・監査・研修はあ"
		    "りません。", 0);
	return rc;
}

static int
topic_schedule(struct meeting_item *it, struct store *st, int fy,
    struct cal_date date, struct cal_date until, int year_end)
{
	static const char *const kinds[] = { "audit", "training", NULL };
	int	rc;

	rc = grouped(it, st, kinds, fy, cal_add_days(date, -1), until, 1);
	if (rc == 0 && it->nlines == 0)
		rc = item_line(it, year_end ? "年度末までに予定している監査・研"
		    "修はありません。" : "次回までに予定している監査・研修はあ"
		    "りません。", 0);
	return rc;
}

/*
 * The reports a progress meeting is given; the 課題管理表 among them only
 * where no item of its own (topic issues) presents it: the 次第 listed
 * it twice.
 */
static int
topic_reports(struct meeting_item *it, const char *period, int issues)
{
	char	line[256];
	int	rc;

	snprintf(line, sizeof line, "作業実施報告書（報告期間 %s）", period);
	if ((rc = item_line(it, line, 0)) != 0)
		return rc;
	snprintf(line, sizeof line, "相談業務実施報告書（報告期間 %s）", period);
	if ((rc = item_line(it, line, 0)) != 0 || issues)
		return rc;
	return item_line(it, "課題管理表（スケジュールを含む進捗の状況）", 0);
}

struct ctx {
	struct store	*st;
	const struct node *rec;
	int		 fy;
	struct cal_date	 date, prev, until;
	int		 year_end;	/* no next meeting: until is 3/31 */
	char		*period;
};

/* Has the meeting an item of the topic, its own or one it is given? */
static int
has_topic(const struct node *rec, const char *topic)
{
	const struct node	*ag = node_get(rec, "agenda");
	const char *const	*t;
	size_t			 i;

	for (t = topics_of(rec); *t != NULL; t++)
		if (strcmp(*t, topic) == 0)
			return 1;
	for (i = 0; ag != NULL && ag->kind == NODE_SEQ && i < ag->n; i++)
		if (node_scalar_eq(node_get(ag->u.items[i], "topic"), topic))
			return 1;
	return 0;
}

static int
fill_topic(struct meeting_item *it, struct ctx *c, const char *topic)
{
	it->topic = topic;
	if (strcmp(topic, "issues") == 0)
		return topic_issues(it, c->st, c->date, c->prev,
		    c->until, c->year_end);
	if (strcmp(topic, "activity") == 0)
		return topic_activity(it, c->st, c->fy, c->prev, c->date);
	if (strcmp(topic, "schedule") == 0)
		return topic_schedule(it, c->st, c->fy, c->date, c->until,
		    c->year_end);
	if (strcmp(topic, "reports") == 0)
		return topic_reports(it, c->period != NULL ? c->period : "",
		    has_topic(c->rec, "issues"));
	return 0;
}

/*
 * Push the formatted line, whole: a handout's file name (up to 260
 * characters) or a member's role and name (lines of up to 200 each) cut
 * at buf[300] made a line end mid-character, and no document.
 */
static int	push_fmt(char ***, size_t *, struct buf *, const char *, ...)
		    NC_PRINTF(4, 5);

static int
push_fmt(char ***v, size_t *n, struct buf *b, const char *fmt, ...)
{
	va_list	ap;
	int	rc;

	buf_reset(b);
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
	if ((rc = buf_ok(b)) != 0)
		return rc;
	return mt_push(v, n, b->data);
}

/* "資料1_作業実施計画書（案）.docx" is shown as 作業実施計画書（案）. */
static char *
handout_name(const char *file, int *bad)
{
	const char	*p = file, *dot;
	char		*s;
	size_t		 n;

	if (strncmp(p, "資料", 6) == 0) {
		const char *q = p + 6;

		while (*q >= '0' && *q <= '9')
			q++;
		if (q > p + 6 && (*q == '_' || *q == ' '))
			p = q + 1;
	}
	dot = strrchr(p, '.');
	n = dot != NULL && dot != p && strlen(dot) <= 5 ? (size_t)(dot - p) :
	    strlen(p);
	if ((s = strndup(p, n)) == NULL)
		*bad = 1;
	return s;
}

static int
base_view(struct meeting_view *v, struct ctx *c, struct store *st,
    const struct cal *cal, const struct node *rec)
{
	const struct schema	*kind;
	struct cal_due		 due;
	struct cal_date		 next, from, to;
	char			 era[CAL_FMT_MAX], t[32], a[CAL_FMT_MAX];
	char			 buf[256];
	int			 rc, bad = 0;

	memset(v, 0, sizeof *v);
	memset(c, 0, sizeof *c);
	if ((kind = mt_kind(st, "meeting")) == NULL)
		return error_code();
	if ((rc = meeting_date(&v->date, rec)) != 0)
		return rc;
	v->title = mt_dup(node_get_str(rec, "title"), &bad);
	v->type = mt_dup(schema_label(kind, "type", node_get_str(rec,
	    "type")), &bad);
	mt_era_wday(era, v->date);
	times(t, sizeof t, rec);
	snprintf(buf, sizeof buf, "%s%s%s", era, *t != '\0' ? "　" : "", t);
	v->when = mt_dup(buf, &bad);
	if (node_get_str(rec, "place") != NULL)
		v->place = mt_dup(node_get_str(rec, "place"), &bad);
	v->author = mt_dup(mt_config(st, "documents", "author") != NULL ?
	    mt_config(st, "documents", "author") : mt_config(st,
	    "contractor", NULL), &bad);
	v->contractor = mt_dup(mt_config(st, "contractor", NULL), &bad);
	if ((rc = cal_due_meeting(&due, cal, v->date)) != 0)
		return rc;
	v->doc_date = due.date;
	c->st = st;
	c->rec = rec;
	c->fy = cal_fy(v->date);
	c->date = v->date;
	if ((rc = neighbours(&c->prev, &next, &v->next, st, rec)) != 0)
		return rc;
	/*
	 * "near their due date": due before the next meeting of the type,
	 * or by the fiscal year's end when none is set (14 days on was a
	 * date no meeting had, two months short for a 進捗報告会)
	 */
	c->year_end = next.y == 0;
	c->until = next.y != 0 ? next : (struct cal_date){ c->fy + 1, 3, 31 };
	if (node_scalar_eq(node_get(rec, "type"), "progress")) {
		if ((rc = meeting_report_period(&from, &to, NULL, st, rec)) != 0)
			return rc;
		mt_era(era, from, CAL_ERA_LONG);
		mt_era(a, to, CAL_ERA_LONG);
		snprintf(buf, sizeof buf, "%s～%s", era, a);
		v->period = mt_dup(buf, &bad);
		c->period = v->period;
	}
	if (bad)
		return error_set(NC_ENOMEM, "out of memory");
	return 0;
}

/*
 * The automatic topic of the meeting's type that a stored item without
 * one names by its title (課題管理表, 課題の状況, 課題の状況（課題管理表）),
 * or NULL.  An item 課題管理表 was followed by the topic 課題の状況
 * （課題管理表） at the end of the 次第: the table presented twice.
 */
static const char *
titled_topic(struct store *st, const struct node *rec, const char *title)
{
	const struct schema	*kind = mt_kind(st, "meeting");
	const char *const	*t;
	const char		*l, *p, *q;
	size_t			 n;

	error_clear();
	if (kind == NULL || title == NULL)
		return NULL;
	n = strlen(title);
	for (t = topics_of(rec); *t != NULL; t++) {
		if ((l = schema_label(kind, "agenda.topic", *t)) == NULL)
			continue;
		if (strcmp(l, title) == 0)
			return *t;
		/* the label's name or its part in brackets, either alone */
		if ((p = strstr(l, "（")) == NULL)
			continue;
		if ((size_t)(p - l) == n && strncmp(l, title, n) == 0)
			return *t;
		p += strlen("（");
		if ((q = strstr(p, "）")) != NULL && (size_t)(q - p) == n &&
		    strncmp(p, title, n) == 0)
			return *t;
	}
	return NULL;
}

/* The stored items, then the topics not stored yet. */
static int
agenda_items(struct meeting_view *v, struct ctx *c, int with_topics)
{
	const struct node	*ag = node_get(c->rec, "agenda"), *a, *ms;
	struct meeting_item	*it;
	const char		*topic, *const *t;
	size_t			 i, k;
	int			 rc = 0, bad = 0, done[8] = { 0 };

	for (i = 0; ag != NULL && ag->kind == NODE_SEQ && i < ag->n; i++) {
		a = ag->u.items[i];
		if ((rc = add_item(v, &it)) != 0)
			return rc;
		it->stored = (int)i;
		it->title = mt_dup(node_get_str(a, "title"), &bad);
		if (node_get_str(a, "presenter") != NULL)
			it->presenter = mt_dup(node_get_str(a, "presenter"),
			    &bad);
		if (node_get_str(a, "summary") != NULL)
			it->summary = mt_dup(node_get_str(a, "summary"), &bad);
		ms = node_get(a, "materials");
		for (k = 0; ms != NULL && ms->kind == NODE_SEQ && k < ms->n &&
		    rc == 0; k++)
			if (ms->u.items[k]->kind == NODE_SCALAR)
				rc = mt_push(&it->materials, &it->nmaterials,
				    ms->u.items[k]->u.s.str);
		if (rc != 0)
			return rc;
		/* by its title: once, and not beside an item given it */
		if ((topic = node_get_str(a, "topic")) == NULL &&
		    (topic = titled_topic(c->st, c->rec, it->title)) != NULL)
			for (k = 0; k < ag->n && topic != NULL; k++)
				if ((k < i && titled_topic(c->st, c->rec,
				    node_get_str(ag->u.items[k], "title")) ==
				    topic) || node_scalar_eq(node_get(
				    ag->u.items[k], "topic"), topic))
					topic = NULL;
		for (k = 0; topic != NULL && topic_order[k] != NULL; k++) {
			if (strcmp(topic, topic_order[k]) != 0)
				continue;
			done[k] = 1;
			if (with_topics &&
			    (rc = fill_topic(it, c, topic_order[k])) != 0)
				return rc;
		}
	}
	for (t = topics_of(c->rec); with_topics && *t != NULL; t++) {
		for (k = 0; topic_order[k] != NULL; k++)
			if (strcmp(topic_order[k], *t) == 0)
				break;
		if (topic_order[k] == NULL || done[k])
			continue;
		if ((rc = add_item(v, &it)) != 0)
			return rc;
		it->title = mt_dup(schema_label(mt_kind(c->st, "meeting"),
		    "agenda.topic", *t), &bad);
		if ((rc = fill_topic(it, c, *t)) != 0)
			return rc;
	}
	if (bad)
		return error_set(NC_ENOMEM, "out of memory");
	return 0;
}

/* 4(3)ア(ウ)(エ): what a 定例会 and a 進捗報告会 are given */
static const char *const regular_docs[] = { "課題管理表", NULL };
static const char *const progress_docs[] = { "作業実施報告書",
    "相談業務実施報告書", "課題管理表", NULL };

int
meeting_agenda_view(struct meeting_view *v, struct store *st,
    const struct cal *cal, const struct node *rec)
{
	const char *const *t;
	struct ctx	 c;
	struct buf	 line = BUF_INIT;
	char		*name;
	size_t		 i, k, n = 0;
	int		 rc, bad = 0;

	if ((rc = base_view(v, &c, st, cal, rec)) != 0 ||
	    (rc = agenda_items(v, &c, 1)) != 0)
		goto done;
	for (i = 0; i < v->nitems && rc == 0; i++) {
		for (k = 0; k < v->items[i].nmaterials && rc == 0; k++) {
			if ((name = handout_name(v->items[i].materials[k],
			    &bad)) == NULL)
				break;
			rc = push_fmt(&v->handouts, &v->nhandouts, &line,
			    "資料%zu　%s", ++n, name);
			free(name);
		}
	}
	/* the documents the specification asks for, once each */
	for (t = node_scalar_eq(node_get(rec, "type"), "progress") ? progress_docs :
	    node_scalar_eq(node_get(rec, "type"), "regular") ? regular_docs :
	    NULL; t != NULL && *t != NULL && rc == 0; t++) {
		for (k = 0; k < v->nhandouts; k++)
			if (strstr(v->handouts[k], *t) != NULL)
				break;
		if (k < v->nhandouts)
			continue;
		rc = push_fmt(&v->handouts, &v->nhandouts, &line, "資料%zu　%s",
		    ++n, *t);
	}
	if (rc == 0 && bad)
		rc = error_set(NC_ENOMEM, "out of memory");
done:
	buf_free(&line);
	if (rc != 0)
		meeting_view_free(v);
	return rc;
}

/*
 * 情報政策課<TAB>主任<TAB>見本 直子: the division, the position and the
 * name, for the writer to set in columns (ward_lines()).  The division
 * is written once for a run of attendees of one division (prev: the
 * attendee before), empty on the next ones: a ward's minutes list a
 * division's people under its name, not the name again on every line.
 */
static char *
person_line(struct store *st, const struct node *p, const struct node *prev,
    int *bad)
{
	struct buf	 b = BUF_INIT;
	const char	*org = node_get_str(p, "org");
	const char	*pos = node_get_str(p, "position");
	const char	*prevorg;

	prevorg = prev != NULL ? node_get_str(prev, "org") : NULL;
	if (org != NULL && (prevorg == NULL || strcmp(org, prevorg) != 0))
		buf_puts(&b, mt_org_name(st, org));
	buf_printf(&b, "\t%s\t", pos != NULL ? pos : "");
	buf_puts(&b, node_get_str(p, "name") != NULL ?
	    node_get_str(p, "name") : "");
	if (buf_ok(&b) != 0 || b.data == NULL) {
		*bad = 1;
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/*
 * The rank of a ward's position, highest first, by how its title ends
 * (情報政策課長 is a 課長, 情報化企画・セキュリティ係長 a 係長); 8 for
 * one not known.  Minutes list a division's attendees by rank: they came
 * as they were recorded (統括課長, 主任, 課長).
 */
static int
position_rank(const char *pos)
{
	static const struct {
		const char	*end;
		int		 rank;
	} ranks[] = {
		{ "副区長", 0 }, { "区長", 0 }, { "教育長", 0 },
		{ "部長", 1 }, { "統括課長", 2 }, { "参事", 2 },
		{ "課長", 3 }, { "所長", 3 }, { "館長", 3 }, { "室長", 3 },
		{ "園長", 3 }, { "係長", 4 }, { "主査", 5 }, { "主任", 6 },
		{ "主事補", 7 }, { "主事", 7 }, { "技師", 7 },
	};
	size_t	i, n, len;

	if (pos == NULL)
		return 8;
	len = strlen(pos);
	/* 庶務係長（情報セキュリティ担当者）: the post before the role */
	if (len > strlen("）") && strcmp(pos + len - strlen("）"), "）") == 0)
		for (i = len - strlen("）"); i > 0; i--)
			if (strncmp(pos + i, "（", strlen("（")) == 0) {
				len = i;
				break;
			}
	/* 副参事 (a 課長's rank) before 参事 */
	if (len >= strlen("副参事") && strncmp(pos + len - strlen("副参事"),
	    "副参事", strlen("副参事")) == 0)
		return 3;
	for (i = 0; i < sizeof ranks / sizeof ranks[0]; i++) {
		n = strlen(ranks[i].end);
		if (len >= n && strncmp(pos + len - n, ranks[i].end, n) == 0)
			return ranks[i].rank;
	}
	return 8;
}

/*
 * The attendees' order: divisions as they first come, in each by rank,
 * as recorded among equals.
 */
static void
attendee_order(size_t *ord, const struct node *l)
{
	const struct node	*p, *q;
	size_t			 i, k, t, *div;
	int			 rp;

	if ((div = calloc(l->n, sizeof *div)) == NULL) {
		/* out of memory: as recorded, the order a reader still gets */
		for (i = 0; i < l->n; i++)
			ord[i] = i;
		return;
	}
	for (i = 0; i < l->n; i++) {
		p = l->u.items[i];
		div[i] = i;
		for (k = 0; node_get_str(p, "org") != NULL && k < i; k++)
			if (node_scalar_eq(node_get(l->u.items[k], "org"),
			    node_get_str(p, "org"))) {
				div[i] = k;
				break;
			}
	}
	/* an insertion sort: a handful, and stable */
	for (i = 0; i < l->n; i++) {
		p = l->u.items[i];
		rp = position_rank(node_get_str(p, "position"));
		for (k = i; k > 0; k--) {
			q = l->u.items[ord[k - 1]];
			if (div[ord[k - 1]] < div[i] || (div[ord[k - 1]] ==
			    div[i] && position_rank(node_get_str(q,
			    "position")) <= rp))
				break;
		}
		for (t = i; t > k; t--)
			ord[t] = ord[t - 1];
		ord[k] = i;
	}
	free(div);
}

static int
seq_has(const struct node *l)
{
	return l != NULL && l->kind == NODE_SEQ && l->n > 0;
}

int
meeting_minutes_recorded(const struct node *rec)
{
	const struct node	*ag = node_get(rec, "agenda");
	const char		*s;
	size_t			 i;

	if (seq_has(node_get(rec, "attendees")) ||
	    seq_has(node_get(rec, "decisions")) ||
	    seq_has(node_get(rec, "actions")))
		return 1;
	for (i = 0; seq_has(ag) && i < ag->n; i++)
		if ((s = node_get_str(ag->u.items[i], "summary")) != NULL &&
		    s[0] != '\0')
			return 1;
	return 0;
}

int
meeting_minutes_view(struct meeting_view *v, struct store *st,
    const struct cal *cal, const struct node *rec)
{
	const struct node	*l, *a;
	struct meeting_action_view *av;
	struct cal_date		 d;
	struct ctx		 c;
	struct recref		 ref;
	struct reclist		 m = RECLIST_INIT;
	struct record		*r;
	const struct schema	*ik;
	struct buf		 line = BUF_INIT;
	char			 era[CAL_FMT_MAX], *s, ino[96];
	const char		*role, *no;
	size_t			 i, *ord = NULL;
	int			 rc, bad = 0;

	if ((rc = base_view(v, &c, st, cal, rec)) != 0 ||
	    (rc = agenda_items(v, &c, 0)) != 0)
		goto done;
	if (mt_date(&d, rec, "minutes_submitted") == 0)
		v->doc_date = d;
	else
		v->doc_date = v->date;
	error_clear();
	l = node_get(rec, "attendees");
	if (l != NULL && l->kind == NODE_SEQ && l->n > 0) {
		if ((ord = calloc(l->n, sizeof *ord)) == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		attendee_order(ord, l);
	}
	for (i = 0; ord != NULL && i < l->n && rc == 0; i++) {
		if ((s = person_line(st, l->u.items[ord[i]], i > 0 ?
		    l->u.items[ord[i - 1]] : NULL, &bad)) == NULL)
			break;
		rc = mt_push(&v->ward, &v->nward, s);
		free(s);
	}
	free(ord);
	l = node_get(rec, "members");
	for (i = 0; l != NULL && l->kind == NODE_SEQ && i < l->n && rc == 0;
	    i++) {
		if (l->u.items[i]->kind != NODE_SCALAR)
			continue;
		/* role and name, as the ward's position and name */
		role = mt_member_role(st, l->u.items[i]->u.s.str);
		rc = push_fmt(&v->team, &v->nteam, &line, "%s\t%s", role !=
		    NULL ? role : "", mt_member_name(st,
		    l->u.items[i]->u.s.str));
	}
	l = node_get(rec, "decisions");
	for (i = 0; l != NULL && l->kind == NODE_SEQ && i < l->n && rc == 0;
	    i++)
		if (l->u.items[i]->kind == NODE_SCALAR)
			rc = mt_push(&v->decisions, &v->ndecisions,
			    l->u.items[i]->u.s.str);
	l = node_get(rec, "actions");
	if (rc == 0 && l != NULL && l->kind == NODE_SEQ && l->n > 0) {
		if ((v->actions = calloc(l->n, sizeof *v->actions)) == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		ik = mt_kind(st, "issue");
		for (i = 0; i < l->n; i++) {
			a = l->u.items[i];
			av = &v->actions[v->nactions++];
			av->action = mt_dup(node_get_str(a, "action"), &bad);
			av->owner = mt_dup(mt_member_name(st, node_get_str(a,
			    "owner")), &bad);
			era[0] = '\0';
			if (mt_date(&d, a, "due") == 0)
				mt_era(era, d, CAL_ERA_LONG);
			av->due = mt_dup(era, &bad);
			no = NULL;
			r = NULL;
			if (ik != NULL && node_get_str(a, "issue") != NULL &&
			    store_find(&ref, &m, st, ik, node_get_str(a,
			    "issue")) == 0) {
				/* 課題R8-6 of another year (issue_label()) */
				if (record_load_fields(&r, st, &ref, NULL,
				    (const char *[]){ "ref_no", "raised",
				    "fy" }, 3) == 0 &&
				    record_field(r, "ref_no") != NULL) {
					issue_label(ino, sizeof ino,
					    record_root(r), cal_fy(v->date), 1);
					no = ino;
				}
				free(ref.id);
				free(ref.relpath);
			}
			reclist_free(&m);
			av->issue = mt_dup(no, &bad);
			record_free(r);
			error_clear();
		}
	}
	if (node_get_str(rec, "minutes") != NULL)
		v->minutes = mt_dup(node_get_str(rec, "minutes"), &bad);
	if (rc == 0 && bad)
		rc = error_set(NC_ENOMEM, "out of memory");
done:
	buf_free(&line);
	if (rc != 0)
		meeting_view_free(v);
	return rc;
}

/* --- the documents ---------------------------------------------------------- */

/* "(1)　text" hanging at the label, indented by level (1 .. 4). */
static int
numbered_keep(struct docx *d, int level, unsigned n, const char *text,
    int extra_indent, int keep_next)
{
	struct docx_para_style	 ps;
	char			 label[32];
	struct buf		 b = BUF_INIT;
	int			 rc;

	if ((rc = docx_outline_label(label, sizeof label, level, n)) != 0)
		return rc;
	buf_printf(&b, "%s　%s", label, text);
	if ((rc = buf_ok(&b)) != 0)
		return rc;
	memset(&ps, 0, sizeof ps);
	ps.align = DOCX_LEFT;
	ps.indent_first = -(int)docx_measure(label) - 100;
	ps.indent_left = (level - 1) * 100 + extra_indent - ps.indent_first;
	ps.keep_next = keep_next;
	rc = docx_add_para(d, b.data, &ps);
	buf_free(&b);
	return rc;
}

static int
numbered(struct docx *d, int level, unsigned n, const char *text,
    int extra_indent)
{
	return numbered_keep(d, level, n, text, extra_indent, 0);
}

/*
 * The room a numbered line of level and extra_indent has for its text,
 * to be filled by textfit_width()'s measure: the digits wider than half
 * a character and the space put between them and Japanese, which the
 * plain measure (docx_measure()) leaves out.
 */
static unsigned
line_room(struct docx *d, int level, const char *label, int extra_indent)
{
	unsigned	room = docx_text_width(d), used;

	used = (unsigned)(level - 1) * 100 + (unsigned)extra_indent +
	    docx_measure(label) + 100;
	return room > used ? room - used : 0;
}

/*
 * A text ending in a bracket, （報告期間 令和12年10月10日～令和12年12月4日）
 * or a division's （教育指導課）: where it is.  NULL if none.
 */
static const char *
tail_bracket(const char *text, const char *from)
{
	size_t		 len = strlen(text), i;
	int		 depth = 0;

	if (len <= 3 || strcmp(text + len - 3, "）") != 0)
		return NULL;
	/* the bracket the last ） closes: （区立図書館（見本A）） whole */
	for (i = len - 3; i-- > (size_t)(from - text);) {
		if (strncmp(text + i + 1, "）", 3) == 0)
			depth++;
		else if (strncmp(text + i + 1, "（", 3) == 0 && --depth == 0)
			return text + i + 1;
	}
	return NULL;
}

/*
 * Append head and tail (the bracket) to b, a line break before the
 * bracket where it would straddle the end of a line of room: the head
 * running on from used on its line.
 */
static void
put_tail(struct buf *b, const char *head, size_t headlen, const char *tail,
    unsigned used, unsigned room)
{
	struct buf	 t = BUF_INIT;
	int		 sp = tail != NULL && *tail == ' ';

	buf_add(&t, head, headlen);
	used += textfit_width(t.data != NULL ? t.data : "");
	buf_free(&t);
	buf_add(b, head, headlen);
	if (tail == NULL)
		return;
	used %= room;
	/* a name after a space: the space ends the line, not starts one */
	if (used > 0 && used + textfit_width(tail) > room) {
		buf_puts(b, "\n");
		tail += sp;
	}
	buf_puts(b, tail);
}

/*
 * A line of the 次第 under a numbered heading, ending in a bracket that
 * would straddle a line's end: the bracket starts the next line, not a
 * date broken in two (rev21a T7: 「…～令和12年12月4／日）」).
 */
static int
numbered_fit(struct docx *d, int level, unsigned n, const char *text,
    int extra_indent, int keep_next)
{
	struct buf	 b = BUF_INIT;
	char		 label[32];
	const char	*tail;
	unsigned	 room;
	int		 rc;

	if ((rc = docx_outline_label(label, sizeof label, level, n)) != 0)
		return rc;
	room = line_room(d, level, label, extra_indent);
	if (room == 0 || textfit_width(text) <= room ||
	    (tail = tail_bracket(text, text)) == NULL)
		return numbered_keep(d, level, n, text, extra_indent,
		    keep_next);
	put_tail(&b, text, (size_t)(tail - text), tail, 0, room);
	if ((rc = buf_ok(&b)) == 0)
		rc = numbered_keep(d, level, n, b.data, extra_indent,
		    keep_next);
	buf_free(&b);
	return rc;
}

/*
 * A title wider than its line (情報化企画審査：介護保険システムの標準準拠
 * システム移行に伴う帳票改修) appended to b broken at its phrases
 * (textfit_wrap()), the lines after the first under the title's text,
 * past its kind and ：, and the bracket or name tail after it, on a line
 * of its own where it would straddle the line's end.  Left to the
 * application, the title broke inside a word (「…帳／票改修」, stop 42).
 * -1 where the title fits its line (put_tail() then), or fails.
 */
static int
title_wrap(struct buf *b, const char *title, size_t len, const char *tail,
    unsigned room)
{
	struct buf	 h = BUF_INIT, pad = BUF_INIT;
	const char	*kind, *p, *e;
	char		*w = NULL;
	unsigned	 indent = 0, used, k;
	size_t		 klen = 0;
	int		 sp = tail != NULL && *tail == ' ';

	buf_add(&h, title, len);
	if (buf_ok(&h) != 0 || textfit_width(h.data) <= room) {
		buf_free(&h);
		return -1;
	}
	/* its kind, 情報化企画審査：, stays before the first line */
	if ((kind = strstr(h.data, "：")) != NULL &&
	    (size_t)(kind - h.data) <= TEXTFIT_NAME * 3) {
		klen = (size_t)(kind - h.data) + 3;
		buf_add(&pad, h.data, klen);
		indent = buf_ok(&pad) == 0 ? textfit_width(pad.data) : 0;
		buf_free(&pad);
		if (indent + 800 > room) {
			indent = 0;
			klen = 0;
		}
	}
	for (k = 0; k < indent / 100; k++)
		buf_puts(&pad, "　");
	if (buf_ok(&pad) != 0 ||
	    (w = textfit_wrap(h.data + klen, room - indent)) == NULL) {
		buf_free(&h);
		buf_free(&pad);
		return -1;
	}
	/*
	 * on as many lines, one that breaks no word where there is one
	 * (後期高齢者医療システムの／標準準拠システムへの移行, not
	 * …の標準準拠／システムへの移行)
	 */
	if ((p = textfit_wrap_within(h.data + klen, room - indent,
	    room - indent, textfit_count_lines(w), 0, NULL)) != NULL) {
		free(w);
		w = (char *)p;
	}
	buf_add(b, h.data, klen);
	for (p = w; ; p = e + 1) {
		e = p + strcspn(p, "\n");
		if (p != w) {
			buf_puts(b, "\n");
			buf_add(b, pad.data != NULL ? pad.data : "", pad.len);
		}
		buf_add(b, p, (size_t)(e - p));
		if (*e == '\0')
			break;
	}
	/* the tail after the last line, or under the title on its own */
	if (tail != NULL) {
		buf_reset(&h);
		buf_add(&h, p, (size_t)(e - p));
		used = indent + (buf_ok(&h) == 0 && h.data != NULL ?
		    textfit_width(h.data) : 0);
		if (used + textfit_width(tail + sp) > room) {
			buf_puts(b, "\n");
			buf_add(b, pad.data != NULL ? pad.data : "", pad.len);
			tail += sp;
		}
		buf_puts(b, tail);
	}
	free(w);
	buf_free(&h);
	buf_free(&pad);
	return 0;
}

/*
 * An event of the 次第 (令和12年12月4日 提出　調達実施支援：…（教育指導課）)
 * numbered as numbered() lays it out, broken where a reader's eye
 * would: the title starts a line of its own where the whole does not
 * fit on one, and the division's bracket does where it would straddle a
 * line's end.  Left to wrap where the line was full, words broke in two
 * (review 19, rev19a T10: 「…基盤の帳／票改修」「…方式につい／て」).
 * Measured as the applications lay it out (line_room()): by the plain
 * measure a title that just overflowed left its last character or two
 * alone on the next line (rev21a T12: 「…戸籍住民／課」).
 */
static int
numbered_event(struct docx *d, int level, unsigned n, const char *text,
    int extra_indent)
{
	struct buf	 b = BUF_INIT;
	char		 label[32];
	const char	*sp, *tail, *p;
	unsigned	 room;
	int		 rc;

	if ((rc = docx_outline_label(label, sizeof label, level, n)) != 0)
		return rc;
	room = line_room(d, level, label, extra_indent);
	sp = strstr(text, "　");
	if (room == 0 || sp == NULL || textfit_width(text) <= room)
		return numbered(d, level, n, text, extra_indent);
	tail = tail_bracket(text, sp);
	/*
	 * an audit's division after its title (…（運用面） 障害者サービス
	 * 調整担当課, 区立図書館（見本A）): a name after the last space
	 * goes whole to the next line, as the bracket does
	 */
	if ((p = strrchr(sp, ' ')) != NULL && (tail == NULL || p < tail) &&
	    p[1] != '\0' && strchr(p + 1, ' ') == NULL &&
	    textfit_width(p + 1) <= TEXTFIT_NAME * 100)
		tail = p;
	buf_printf(&b, "%.*s", (int)(sp - text), text);
	sp += 3;
	/*
	 * The whole does not fit on one line: the title starts the next
	 * (the date's figures take more room than their measure, so a
	 * title squeezed in after them broke where the measure said not).
	 */
	buf_puts(&b, "\n");
	if (title_wrap(&b, sp, tail != NULL ? (size_t)(tail - sp) :
	    strlen(sp), tail, room) != 0)
		put_tail(&b, sp, tail != NULL ? (size_t)(tail - sp) :
		    strlen(sp), tail, 0, room);
	if ((rc = buf_ok(&b)) == 0)
		rc = numbered(d, level, n, b.data, extra_indent);
	buf_free(&b);
	return rc;
}

static int
indented(struct docx *d, int chars, const char *text, int first)
{
	struct docx_para_style	ps;

	memset(&ps, 0, sizeof ps);
	ps.indent_left = chars * 100;
	ps.indent_first = first;
	return docx_add_para(d, text, &ps);
}

/*
 * A line of the minutes' notes that heads a part of them, as the notes
 * of a whole meeting do (1 情報化企画審査の状況): a number, a space and a
 * title, not a sentence.  *n its number, *title where the title starts.
 */
static int
notes_heading(const char *line, size_t len, unsigned *n, size_t *title)
{
	const unsigned char	*p = (const unsigned char *)line;
	size_t			 i = 0, k, nd = 0, chars = 0;

	*n = 0;
	for (;;) {
		if (i < len && p[i] >= '0' && p[i] <= '9')
			*n = *n * 10 + (p[i++] - '0');
		else if (i + 2 < len && p[i] == 0xef && p[i + 1] == 0xbc &&
		    p[i + 2] >= 0x90 && p[i + 2] <= 0x99) {
			/* ０ to ９ */
			*n = *n * 10 + (p[i + 2] - 0x90);
			i += 3;
		} else
			break;
		if (++nd > 2)
			return 0;
	}
	if (nd == 0 || *n == 0)
		return 0;
	for (k = i; k < len;)
		if (p[k] == ' ' || p[k] == '.')
			k++;
		else if (k + 2 < len && (memcmp(p + k, "　", 3) == 0 ||
		    memcmp(p + k, "．", 3) == 0))
			k += 3;
		else
			break;
	if (k == i || k == len)
		return 0;
	*title = k;
	for (i = k; i < len; i++)
		chars += (p[i] & 0xc0) != 0x80;
	/* a title, not a sentence of the notes that starts with a figure */
	return chars <= 30 && !(len - k >= 3 && memcmp(p + len - 3, "。",
	    3) == 0);
}

/* Has the text a line notes_heading() takes, at the start of a part? */
static int
notes_parts(const char *text)
{
	const char	*p, *e;
	unsigned	 n;
	size_t		 t;
	int		 start = 1;

	for (p = text; *p != '\0'; p = *e != '\0' ? e + 1 : e) {
		e = p + strcspn(p, "\n");
		if (e == p)
			start = 1;
		else if (start && notes_heading(p, (size_t)(e - p), &n, &t))
			return 1;
		else
			start = 0;
	}
	return 0;
}

/*
 * The minutes' notes, a paragraph a line (lines run into one paragraph
 * broke back to the margin under the first line's indent), blank lines
 * only separating them.  A part's heading numbered as the agenda items
 * above it, (1) for 1, and its text under it as their summaries.
 */
static int
notes_paras(struct docx *d, const char *text)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *e;
	unsigned	 n;
	size_t		 t, len;
	int		 rc = 0, start = 1, under = 0;

	for (p = text; *p != '\0' && rc == 0; p = *e != '\0' ? e + 1 : e) {
		e = p + strcspn(p, "\n");
		len = (size_t)(e - p);
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\r' ||
		    p[len - 1] == '\t'))
			len--;
		if (len == 0) {
			start = 1;
			continue;
		}
		buf_reset(&b);
		if (start && notes_heading(p, len, &n, &t)) {
			buf_add(&b, p + t, len - t);
			if ((rc = buf_ok(&b)) == 0)
				rc = numbered_keep(d, 2, n, b.data, 100, 1);
			under = 1;
		} else {
			buf_add(&b, p, len);
			if ((rc = buf_ok(&b)) == 0)
				rc = indented(d, under ? 3 : 1, b.data, 100);
		}
		start = 0;
	}
	buf_free(&b);
	return rc;
}

static int
title_para(struct docx *d, const char *text)
{
	struct docx_para_style	ps;

	memset(&ps, 0, sizeof ps);
	ps.align = DOCX_CENTER;
	ps.gothic = 1;
	ps.bold = 1;
	ps.size = 32;
	ps.space_after = 6;
	return docx_add_para(d, text, &ps);
}

static int
new_doc(struct docx **d, const struct meeting_view *v, const char *title)
{
	struct docx_props	props;
	char			iso[CAL_FMT_MAX];
	int			rc;

	cal_format_iso(iso, sizeof iso, v->doc_date);
	memset(&props, 0, sizeof props);
	props.title = title;
	props.author = v->author;
	props.created = iso;
	if ((rc = docx_new(d, &props)) != 0)
		return rc;
	return docx_footer_page_number(*d, DOCX_PAGENUM_DASH);
}

int
meeting_write_agenda_docx(const struct meeting_view *v, const char *path)
{
	struct docx		*d = NULL;
	struct docx_para_style	 block;
	const struct meeting_item *it;
	struct buf		 b = BUF_INIT;
	size_t			 i, k;
	unsigned		 top = 0, n3, n4;
	int			 rc;

	buf_printf(&b, "%s　次第", v->title);
	if ((rc = buf_ok(&b)) != 0 || (rc = new_doc(&d, v, b.data)) != 0)
		goto done;
	if ((rc = title_para(d, b.data)) != 0 ||
	    (rc = docx_add_blank(d)) != 0)
		goto done;
	/* 日時 and 場所 as a block on the right half */
	memset(&block, 0, sizeof block);
	block.align = DOCX_LEFT;
	block.indent_left = (int)docx_text_width(d) / 2 - 600;
	buf_reset(&b);
	buf_printf(&b, "日時　%s", v->when);
	if ((rc = buf_ok(&b)) != 0 || (rc = docx_add_para(d, b.data,
	    &block)) != 0)
		goto done;
	if (v->place != NULL) {
		buf_reset(&b);
		buf_printf(&b, "場所　%s", v->place);
		if ((rc = buf_ok(&b)) != 0 || (rc = docx_add_para(d, b.data,
		    &block)) != 0)
			goto done;
	}
	if ((rc = docx_add_blank(d)) != 0 ||
	    (rc = numbered(d, 1, ++top, "開会", 0)) != 0 ||
	    (rc = docx_add_blank(d)) != 0 ||
	    (rc = numbered(d, 1, ++top, "議題", 0)) != 0)
		goto done;
	for (i = 0; i < v->nitems; i++) {
		it = &v->items[i];
		buf_reset(&b);
		buf_puts(&b, it->title);
		if (it->presenter != NULL)
			buf_printf(&b, "（説明：%s）", it->presenter);
		/* a heading stays with what is under it */
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = numbered_keep(d, 2, (unsigned)i + 1, b.data, 100,
		    it->nlines > 0)) != 0)
			goto done;
		for (k = 0, n3 = n4 = 0; k < it->nlines; k++) {
			/* ア under (1), (ア) under ア; a note under ア..., as ア */
			if (it->sub[k] == 2)
				rc = indented(d, 4, it->lines[k], 0);
			else if (it->sub[k])
				rc = numbered_event(d, 4, ++n4, it->lines[k],
				    300);
			else {
				n4 = 0;
				rc = numbered_fit(d, 3, ++n3, it->lines[k],
				    200, k + 1 < it->nlines && it->sub[k + 1]);
			}
			if (rc != 0)
				goto done;
		}
	}
	if ((rc = docx_add_blank(d)) != 0 ||
	    (rc = numbered(d, 1, ++top, "その他", 0)) != 0 ||
	    (rc = docx_add_blank(d)) != 0 ||
	    (rc = numbered(d, 1, ++top, "閉会", 0)) != 0)
		goto done;
	if (v->nhandouts > 0) {
		struct docx_para_style	keep;

		/* the list on one page with its heading, never 【配付資料】 alone */
		memset(&keep, 0, sizeof keep);
		keep.keep_next = 1;
		if ((rc = docx_add_blank(d)) != 0 ||
		    (rc = docx_add_blank(d)) != 0 ||
		    (rc = docx_add_para(d, "【配付資料】", &keep)) != 0)
			goto done;
		keep.indent_left = 100;
		/*
		 * and with 【次回】 under it: alone atop page 2, the next
		 * meeting's date read as a page left over (rev21a T13)
		 */
		for (i = 0; i < v->nhandouts; i++) {
			keep.keep_next = i + 1 < v->nhandouts ||
			    v->next != NULL;
			if ((rc = docx_add_para(d, v->handouts[i], &keep)) != 0)
				goto done;
		}
	}
	if (v->next != NULL) {
		struct docx_para_style	hang;

		/* a long line wraps under its text, not under 【次回】 */
		memset(&hang, 0, sizeof hang);
		hang.align = DOCX_LEFT;
		hang.indent_left = 400;
		hang.indent_first = -400;
		hang.keep_lines = 1;
		buf_reset(&b);
		buf_printf(&b, "【次回】%s", v->next);
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = docx_add_blank(d)) != 0 ||
		    (v->nhandouts > 0 && (rc = docx_keep_next(d)) != 0) ||
		    (rc = docx_add_para(d, b.data, &hang)) != 0)
			goto done;
	}
	rc = docx_save(d, path);
done:
	buf_free(&b);
	docx_free(d);
	return rc;
}

/*
 * A list of lines as (1), (2) ... under a numbered heading; keep: each
 * line kept with the next (a short last section with 以上).
 */
static int
sub_list(struct docx *d, char *const *v, size_t n, int keep)
{
	size_t	i;
	int	rc = 0;

	/* one item is not numbered: no (1) without a (2) */
	if (n == 1)
		return (rc = indented(d, 1, v[0], 100)) != 0 || !keep ? rc :
		    docx_keep_next(d);
	for (i = 0; i < n && rc == 0; i++)
		if ((rc = numbered(d, 2, (unsigned)i + 1, v[i], 100)) == 0 &&
		    keep)
			rc = docx_keep_next(d);
	return rc;
}

static int
actions_table(struct docx *d, const struct meeting_view *v)
{
	static const unsigned	 w[] = { 8, 40, 16, 24, 12 };
	static const char *const head[] = { "No.", "対応内容", "担当",
	    "期限", "課題" };
	struct docx_table	*t = NULL;
	struct docx_para_style	 c, l;
	char			 num[24];
	size_t			 i, k;
	int			 rc;

	memset(&c, 0, sizeof c);
	c.align = DOCX_CENTER;
	c.size = 18;
	l = c;
	l.align = DOCX_LEFT;
	if ((rc = docx_table_new(&t, 5, w)) != 0)
		return rc;
	rc = docx_table_header_rows(t, 1);
	for (k = 0; k < 5 && rc == 0; k++)
		rc = docx_table_cell(t, 0, k, head[k], &c);
	for (i = 0; i < v->nactions && rc == 0; i++) {
		snprintf(num, sizeof num, "%zu", i + 1);
		if ((rc = docx_table_cell(t, i + 1, 0, num, &c)) != 0 ||
		    (rc = docx_table_cell(t, i + 1, 1, v->actions[i].action,
		    &l)) != 0 ||
		    (rc = docx_table_cell(t, i + 1, 2, v->actions[i].owner,
		    &l)) != 0 ||
		    (rc = docx_table_cell(t, i + 1, 3, v->actions[i].due,
		    &c)) != 0)
			break;
		rc = docx_table_cell(t, i + 1, 4, v->actions[i].issue, &c);
	}
	if (rc == 0)
		rc = docx_add_table(d, t);
	docx_table_free(t);
	return rc;
}

/* Characters (code points) of p[0..len). */
static unsigned
chars(const char *p, size_t len)
{
	unsigned	n = 0;
	size_t		i;

	for (i = 0; i < len; i++)
		n += ((unsigned char)p[i] & 0xc0) != 0x80;
	return n;
}

/* Room for the label before each side's attendees: （受託者） and one more. */
#define ATTENDEE_LABEL	600

/*
 * The ward's attendees (person_line(): division, position and name
 * between tabs) after （区）, in three columns at tab stops as wide as
 * the widest of each and a character apart, so that the names line up
 * under each other whatever their positions' lengths (例示 正人 after
 * 情報政策課長 and 架空 浩二 after 情報化企画・セキュリティ係長 at one
 * stop).  Where the columns would not fit the line, each line is set
 * as it reads, a full-width space between its parts, the division
 * blanked by as many full-width spaces.  The contractor's after
 * （受託者） as the ward's: the company where the ward has its division,
 * the column as wide as it, or where the line has not the room for
 * that, on a line of its own at the positions' stop (set at the
 * divisions' stop past its column, 株式会社架空／情報コンサルティング read
 * as two), then each member's role and name in the position and name
 * columns.  Set as
 * 「試験 一郎（業務責任者）」 right after the label, without the company,
 * they read as another layout.
 */
static int
ward_lines(struct docx *d, char *const *v, size_t n, const char *company,
    char *const *team, size_t nteam)
{
	struct docx_para_style	 ps;
	struct buf		 b = BUF_INIT;
	unsigned		 w[3] = { 0, 0, 0 }, m, above = 0;
	const char		*p, *e;
	size_t			 i, k, len;
	int			 rc = 0, cols, wide, own;

	for (i = 0; i < n + nteam; i++)
		for (p = i < n ? v[i] : team[i - n], k = i < n ? 0 : 1; k < 3;
		    k++, p = e + 1) {
			if ((e = strchr(p, '\t')) == NULL || k == 2)
				e = p + strlen(p);
			buf_reset(&b);
			buf_add(&b, p, (size_t)(e - p));
			if ((rc = buf_ok(&b)) != 0)
				goto done;
			if ((m = docx_measure(b.data != NULL ? b.data : "")) >
			    w[k])
				w[k] = m;
			if (*e == '\0')
				break;
		}
	memset(&ps, 0, sizeof ps);
	ps.indent_left = 100;
	ps.tabs[0] = 100 + ATTENDEE_LABEL;
	/*
	 * the company in the division's column, as wide as it needs where
	 * the line has the room; else on a line of its own at the
	 * position's stop, heading its members' roles
	 */
	m = nteam > 0 ? docx_measure(company) : 0;
	wide = m > w[0] && ps.tabs[0] + m + w[1] + w[2] + 200 <=
	    docx_text_width(d);
	if (wide)
		w[0] = m;
	ps.tabs[1] = ps.tabs[0] + w[0] + 100;
	ps.tabs[2] = ps.tabs[1] + w[1] + 100;
	cols = ps.tabs[2] + w[2] <= docx_text_width(d);
	own = cols && m > w[0];
	for (i = 0; i < n; i++) {
		buf_reset(&b);
		buf_puts(&b, i == 0 ? "（区）" : "");
		if (cols)
			buf_printf(&b, "\t%s", v[i]);
		else {
			/* as before columns: 情報政策課　主任　見本 直子 */
			buf_puts(&b, i == 0 ? "　　" : "　　　　　");
			for (p = v[i], k = 0; k < 3; k++, p = e + 1) {
				if ((e = strchr(p, '\t')) == NULL || k == 2)
					e = p + strlen(p);
				len = (size_t)(e - p);
				if (k == 0 && len == 0 && i > 0)
					/* the division above, blanked */
					for (m = 0; m <= above; m++)
						buf_puts(&b, "　");
				else if (len > 0) {
					if (k == 0)
						above = chars(p, len);
					buf_add(&b, p, len);
					if (k < 2)
						buf_puts(&b, "　");
				}
				if (*e == '\0')
					break;
			}
		}
		if (!cols)
			ps.tabs[0] = 0;
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = docx_add_para(d, b.data, &ps)) != 0)
			goto done;
	}
	for (i = 0; i <= nteam && nteam > 0; i++) {
		buf_reset(&b);
		if (i == 0 && (*company == '\0' || (cols && !own)))
			continue;
		if (i == 0 && own)
			buf_printf(&b, "（受託者）\t\t%s", company);
		else if (i == 0)
			buf_printf(&b, "（受託者）　%s", company);
		else if (cols)
			/* 株式会社…　業務責任者　試験 一郎, as （区）'s lines */
			buf_printf(&b, "%s\t%s\t%s", i == 1 && !own ?
			    "（受託者）" : "", i == 1 && !own ? company : "",
			    team[i - 1]);
		else {
			/* 業務責任者　試験 一郎, under the company */
			buf_puts(&b, i == 1 && *company == '\0' ?
			    "（受託者）" : "　　　　　　");
			for (p = team[i - 1]; *p != '\0'; p++)
				if (*p == '\t') {
					if (p > team[i - 1])
						buf_puts(&b, "　");
				} else
					buf_add(&b, p, 1);
		}
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = docx_add_para(d, b.data, &ps)) != 0)
			goto done;
	}
done:
	buf_free(&b);
	return rc;
}

/* A last section of at most this many items keeps with 以上. */
#define LAST_KEEP_ITEMS	6

int
meeting_write_minutes_docx(const struct meeting_view *v, const char *path)
{
	struct docx		*d = NULL;
	struct docx_para_style	 right;
	const struct meeting_item *it;
	struct buf		 b = BUF_INIT;
	char			 era[CAL_FMT_MAX];
	unsigned		 top = 0;
	size_t			 i;
	int			 rc, notes, parts, last;

	buf_printf(&b, "%s　議事録", v->title);
	if ((rc = buf_ok(&b)) != 0 || (rc = new_doc(&d, v, b.data)) != 0)
		goto done;
	memset(&right, 0, sizeof right);
	right.align = DOCX_RIGHT;
	if ((rc = title_para(d, b.data)) != 0 ||
	    (rc = docx_add_blank(d)) != 0)
		goto done;
	buf_reset(&b);
	buf_printf(&b, "日時　%s", v->when);
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = numbered(d, 1, ++top, b.data, 0)) != 0)
		goto done;
	if (v->place != NULL) {
		buf_reset(&b);
		buf_printf(&b, "場所　%s", v->place);
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = numbered(d, 1, ++top, b.data, 0)) != 0)
			goto done;
	}
	if (v->nward > 0 || v->nteam > 0) {
		if ((rc = numbered(d, 1, ++top, "出席者", 0)) != 0)
			goto done;
		if ((rc = ward_lines(d, v->ward, v->nward, v->contractor,
		    v->team, v->nteam)) != 0)
			goto done;
	}
	if ((rc = numbered(d, 1, ++top, "議題および協議の概要", 0)) != 0)
		goto done;
	for (i = 0; i < v->nitems; i++) {
		it = &v->items[i];
		if ((rc = numbered(d, 2, (unsigned)i + 1, it->title, 100)) != 0)
			goto done;
		if (it->summary != NULL &&
		    (rc = indented(d, 3, it->summary, 100)) != 0)
			goto done;
	}
	if (v->nitems == 0 &&
	    (rc = indented(d, 1, "（議題の記録なし）", 0)) != 0)
		goto done;
	/*
	 * Notes in parts of their own (1 情報化企画審査の状況, 2 …) are the
	 * course of the discussion, not その他: after the items, as
	 * 議事の経過, before what was decided.
	 */
	notes = v->minutes != NULL && v->minutes[strspn(v->minutes,
	    " \t\r\n")] != '\0';
	parts = notes && notes_parts(v->minutes);
	if (parts && ((rc = numbered(d, 1, ++top, "議事の経過", 0)) != 0 ||
	    (rc = notes_paras(d, v->minutes)) != 0))
		goto done;
	/*
	 * 決定事項 closing the minutes, a short list, goes whole with 以上
	 * and the 記録 line: page 2 held its last line alone, parted from
	 * its heading (rev21a T8).
	 */
	last = v->nactions == 0 && !(notes && !parts) &&
	    v->ndecisions <= LAST_KEEP_ITEMS;
	if (v->ndecisions > 0 &&
	    ((rc = numbered_keep(d, 1, ++top, "決定事項", 0, last)) != 0 ||
	    (rc = sub_list(d, v->decisions, v->ndecisions, last)) != 0))
		goto done;
	if (v->nactions > 0 &&
	    ((rc = numbered(d, 1, ++top, "今後の対応（課題管理表に登録）",
	    0)) != 0 || (rc = actions_table(d, v)) != 0))
		goto done;
	if (notes && !parts &&
	    ((rc = numbered(d, 1, ++top, "その他", 0)) != 0 ||
	    (rc = notes_paras(d, v->minutes)) != 0))
		goto done;
	mt_era(era, v->doc_date, CAL_ERA_LONG);
	buf_reset(&b);
	buf_printf(&b, "（記録）%s%s%s", v->author != NULL ? v->author : "",
	    v->author != NULL && *v->author != '\0' ? "　" : "", era);
	/*
	 * 以上 and the 記録 line stay with the last lines of the last
	 * section: never a page of their own.
	 */
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = docx_keep_next(d)) != 0 ||
	    (rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_keep_next(d)) != 0 ||
	    (rc = docx_add_para(d, "以上", &right)) != 0 ||
	    (rc = docx_keep_next(d)) != 0 ||
	    (rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_keep_next(d)) != 0 ||
	    (rc = docx_add_para(d, b.data, &right)) != 0)
		goto done;
	rc = docx_save(d, path);
done:
	buf_free(&b);
	docx_free(d);
	return rc;
}

/* --- recording the minutes ----------------------------------------------------- */

static int
find_issue(char **id, struct store *st, const char *prefix)
{
	const struct schema	*ik;
	struct recref		 ref;
	struct reclist		 m = RECLIST_INIT;
	int			 rc;

	*id = NULL;
	if ((ik = mt_kind(st, "issue")) == NULL)
		return error_code();
	rc = store_find(&ref, &m, st, ik, prefix);
	reclist_free(&m);
	if (rc != 0)
		return rc;
	*id = ref.id;
	free(ref.relpath);
	return 0;
}

/* An open issue titled exactly title, or NULL. */
static char *
issue_titled(struct store *st, const char *title)
{
	struct recset	 rs = { NULL, 0 };
	char		*id = NULL;
	size_t		 i;

	if (mt_recs_load(&rs, st, "issue", 0) != 0) {
		error_clear();
		return NULL;
	}
	for (i = 0; i < rs.n && id == NULL; i++)
		if (issue_is_open(record_root(rs.v[i])) &&
		    node_scalar_eq(node_get(record_root(rs.v[i]), "title"),
		    title))
			id = strdup(record_id(rs.v[i]));
	recset_free(&rs);
	return id;
}

int
meeting_minutes_check(struct store *st, const struct cal *cal,
    const struct record *meeting, const struct meeting_minutes *m,
    struct diags *d)
{
	struct meeting_view	 v;
	struct cal_date		 date, due;
	const char		*code;
	char			*id;
	size_t			 i, n0 = d->n;
	int			 rc;

	if ((rc = meeting_date(&date, record_root(meeting))) != 0)
		return rc;
	if ((rc = meeting_agenda_view(&v, st, cal, record_root(meeting))) !=
	    0)
		return rc;
	for (i = 0; i < m->ndiscussion; i++)
		if (m->discussion[i].item < 1 ||
		    (size_t)m->discussion[i].item > v.nitems)
			diags_add(d, "(minutes)", 0, 0, "discussion of agenda "
			    "item %ld: the 次第 of '%s' has items 1 to %zu",
			    m->discussion[i].item, v.title, v.nitems);
	meeting_view_free(&v);
	for (i = 0; i < m->nactions; i++) {
		const struct meeting_action *a = &m->actions[i];

		if (a->action == NULL || *a->action == '\0')
			diags_add(d, "(minutes)", 0, 0, "action item %zu has no"
			    " text", i + 1);
		if (a->owner == NULL || *a->owner == '\0')
			diags_add(d, "(minutes)", 0, 0, "action item %zu ('%s')"
			    " has no owner: every action item needs one", i + 1,
			    a->action != NULL ? a->action : "");
		else if (store_member_find(&code, st, a->owner) != 0) {
			diags_add(d, "(minutes)", 0, 0, "action item %zu: %s",
			    i + 1, error_last());
			error_clear();
		}
		if (a->due != NULL) {
			if (cal_parse_iso(&due, a->due) != 0) {
				diags_add(d, "(minutes)", 0, 0, "action item "
				    "%zu: %s", i + 1, error_last());
				error_clear();
			} else if (cal_cmp(due, date) < 0)
				diags_add(d, "(minutes)", 0, 0, "action item %zu:"
				    " due %s is before the meeting (%s)",
				    i + 1, a->due, node_get_str(record_root(
				    meeting), "date"));
		}
		if (a->issue != NULL) {
			if (find_issue(&id, st, a->issue) != 0) {
				diags_add(d, "(minutes)", 0, 0, "action item "
				    "%zu: %s", i + 1, error_last());
				error_clear();
			}
			free(id);
		}
	}
	if (m->submitted != NULL) {
		if (cal_parse_iso(&due, m->submitted) != 0) {
			diags_add(d, "(minutes)", 0, 0, "%s", error_last());
			error_clear();
		} else if (cal_cmp(due, date) < 0)
			diags_add(d, "(minutes)", 0, 0, "the minutes are "
			    "submitted on %s, before the meeting (%s)",
			    m->submitted, node_get_str(record_root(meeting),
			    "date"));
	}
	if (d->n > n0)
		return error_set(NC_EINVALID, "%zu problem%s in the minutes; "
		    "nothing recorded", d->n - n0, d->n - n0 == 1 ? "" : "s");
	return 0;
}

struct minutes_edit {
	struct store			*st;
	const struct cal		*cal;
	const struct meeting_minutes	*m;
	char				**issue_ids;	/* per action */
};

static int
seq_add_unique(struct ydoc *doc, struct node *root, const char *key,
    const char *v)
{
	struct node	*seq;
	size_t		 i;

	if ((seq = node_get(root, key)) == NULL) {
		if ((seq = node_seq(doc)) == NULL ||
		    node_map_set(doc, root, key, seq) != 0)
			return error_set(NC_ENOMEM, "out of memory");
	}
	for (i = 0; seq->kind == NODE_SEQ && i < seq->n; i++)
		if (node_scalar_eq(seq->u.items[i], v))
			return 0;
	return node_seq_push(doc, seq, node_str(doc, v));
}

/* 見本 直子（主任） as a person mapping. */
static struct node *
person(struct ydoc *doc, const char *text, const char *org)
{
	struct node	*p = node_map(doc);
	const char	*open = strstr(text, "（");
	size_t		 n = strlen(text);
	char		*name = NULL, *pos = NULL;

	if (p == NULL)
		return NULL;
	if (open != NULL && n >= 3 && strcmp(text + n - 3, "）") == 0 &&
	    open > text) {
		name = strndup(text, (size_t)(open - text));
		pos = strndup(open + 3, (size_t)(text + n - 3 - open - 3));
	} else
		name = strdup(text);
	if (name == NULL || node_map_set_str(doc, p, "name", name) != 0 ||
	    (org != NULL && node_map_set_str(doc, p, "org", org) != 0) ||
	    (pos != NULL && *pos != '\0' && node_map_set_str(doc, p,
	    "position", pos) != 0))
		p = NULL;
	free(name);
	free(pos);
	return p;
}

static int
has_person(const struct node *seq, const struct node *p)
{
	size_t	i;

	for (i = 0; seq != NULL && seq->kind == NODE_SEQ && i < seq->n; i++)
		if (node_scalar_eq(node_get(seq->u.items[i], "name"),
		    node_get_str(p, "name")))
			return 1;
	return 0;
}

static int
minutes_edit(struct record *r, void *arg)
{
	struct minutes_edit		*e = arg;
	const struct meeting_minutes	*m = e->m;
	struct ydoc			*doc = r->doc;
	struct node			*root = record_root(r), *seq, *p, *ag;
	struct node			*it, *a;
	struct meeting_view		 v;
	const char			*code;
	size_t				 i, k, nstored;
	int				 rc = 0;

	for (i = 0; i < m->nattendees && rc == 0; i++) {
		if ((seq = node_get(root, "attendees")) == NULL) {
			if ((seq = node_seq(doc)) == NULL ||
			    node_map_set(doc, root, "attendees", seq) != 0)
				return error_set(NC_ENOMEM, "out of memory");
		}
		if ((p = person(doc, m->attendees[i], m->attendee_org)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		if (!has_person(seq, p))
			rc = node_seq_push(doc, seq, p);
	}
	for (i = 0; i < m->nmembers && rc == 0; i++) {
		if ((rc = store_member_find(&code, e->st, m->members[i])) == 0)
			rc = seq_add_unique(doc, root, "members", code);
	}
	if (rc != 0)
		return rc;
	/* discussion by the numbers of the 次第; topics get stored */
	if (m->ndiscussion > 0) {
		if ((rc = meeting_agenda_view(&v, e->st, e->cal, root)) != 0)
			return rc;
		ag = node_get(root, "agenda");
		nstored = ag != NULL && ag->kind == NODE_SEQ ? ag->n : 0;
		for (i = 0; i < m->ndiscussion && rc == 0; i++) {
			k = (size_t)m->discussion[i].item - 1;
			if (k >= v.nitems) {
				rc = error_set(NC_EINVALID, "no agenda item %ld",
				    m->discussion[i].item);
				break;
			}
			/* store the topics up to this one, in their order */
			while (rc == 0 && nstored <= k) {
				if ((rc = meeting_add_item(doc, root,
				    v.items[nstored].title, NULL, NULL,
				    0)) != 0)
					break;
				ag = node_get(root, "agenda");
				it = ag->u.items[ag->n - 1];
				if (v.items[nstored].topic != NULL)
					rc = node_map_set_str(doc, it, "topic",
					    v.items[nstored].topic);
				nstored++;
			}
			ag = node_get(root, "agenda");
			if (rc == 0)
				rc = node_map_set_str(doc, ag->u.items[k],
				    "summary", m->discussion[i].text);
		}
		meeting_view_free(&v);
		if (rc != 0)
			return rc;
	}
	for (i = 0; i < m->ndecisions && rc == 0; i++)
		rc = seq_add_unique(doc, root, "decisions", m->decisions[i]);
	for (i = 0; i < m->nactions && rc == 0; i++) {
		if (e->issue_ids[i] == NULL)
			continue;	/* recorded before */
		if ((seq = node_get(root, "actions")) == NULL) {
			if ((seq = node_seq(doc)) == NULL ||
			    node_map_set(doc, root, "actions", seq) != 0)
				return error_set(NC_ENOMEM, "out of memory");
		}
		if ((a = node_map(doc)) == NULL ||
		    node_map_set_str(doc, a, "action", m->actions[i].action) !=
		    0 ||
		    store_member_find(&code, e->st, m->actions[i].owner) != 0 ||
		    node_map_set_str(doc, a, "owner", code) != 0 ||
		    (m->actions[i].due != NULL && node_map_set_str(doc, a,
		    "due", m->actions[i].due) != 0) ||
		    node_map_set_str(doc, a, "issue", e->issue_ids[i]) != 0 ||
		    node_seq_push(doc, seq, a) != 0)
			return error_code() != 0 ? error_code() : NC_ENOMEM;
		rc = seq_add_unique(doc, root, "issues", e->issue_ids[i]);
	}
	if (rc != 0)
		return rc;
	if (m->minutes != NULL &&
	    (rc = node_map_set_str(doc, root, "minutes", m->minutes)) != 0)
		return rc;
	if (m->submitted != NULL) {
		if ((rc = node_map_set_str(doc, root, "minutes_submitted",
		    m->submitted)) != 0 ||
		    (rc = node_map_set_str(doc, root, "status",
		    "minutes-done")) != 0)
			return rc;
	} else if (node_scalar_eq(node_get(root, "status"), "scheduled") &&
	    (rc = node_map_set_str(doc, root, "status", "held")) != 0)
		return rc;
	return 0;
}

/* Add the meeting to an existing issue's meetings (the link back). */
static int
link_issue(struct record *r, void *arg)
{
	const char	*mid = arg;
	int		 rc;

	if (node_get(record_root(r), "meetings") != NULL) {
		const struct node *s = node_get(record_root(r), "meetings");
		size_t i;

		for (i = 0; s->kind == NODE_SEQ && i < s->n; i++)
			if (node_scalar_eq(s->u.items[i], mid))
				return RECORD_EDIT_NOCHANGE;
	}
	if ((rc = seq_add_unique(r->doc, record_root(r), "meetings", mid)) != 0)
		return rc;
	return 0;
}

int
meeting_record_minutes(size_t *created, struct store *st,
    const struct cal *cal, const struct recref *ref,
    const struct meeting_minutes *m, struct diags *d)
{
	struct record		*mt = NULL, *out = NULL;
	struct minutes_edit	 e;
	const struct node	*acts, *root;
	struct recref		 iref;
	struct reclist		 ml = RECLIST_INIT;
	struct issue_new	 in;
	const char		*code;
	char			*rel = NULL;
	size_t			 i, k;
	int			 rc, locked = 0;

	*created = 0;
	memset(&e, 0, sizeof e);
	if (m->nactions > 0 &&
	    (e.issue_ids = calloc(m->nactions, sizeof *e.issue_ids)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = store_lock(st)) != 0)
		goto done;
	locked = 1;
	if ((rc = record_load(&mt, st, ref, d)) != 0)
		goto done;
	root = record_root(mt);
	acts = node_get(root, "actions");
	for (i = 0; i < m->nactions && rc == 0; i++) {
		const struct meeting_action *a = &m->actions[i];

		/* an action recorded before is not made twice */
		for (k = 0; acts != NULL && acts->kind == NODE_SEQ &&
		    k < acts->n; k++)
			if (node_scalar_eq(node_get(acts->u.items[k],
			    "action"), a->action))
				break;
		if (acts != NULL && k < acts->n)
			continue;
		if (a->issue != NULL)
			rc = find_issue(&e.issue_ids[i], st, a->issue);
		else if ((e.issue_ids[i] = issue_titled(st, a->action)) ==
		    NULL) {
			if ((rc = store_member_find(&code, st, a->owner)) != 0)
				break;
			memset(&in, 0, sizeof in);
			in.title = a->action;
			in.owner = code;
			in.due = a->due;
			in.raised = node_get_str(root, "date");
			in.raised_by = node_get_str(root, "title");
			in.raised_in = record_id(mt);
			in.meeting = record_id(mt);
			in.by = code;
			rc = issue_create(&e.issue_ids[i], &rel, st, &in, d);
			free(rel);
			rel = NULL;
			if (rc == 0)
				(*created)++;
			continue;
		}
		if (rc == 0 && e.issue_ids[i] != NULL &&
		    store_find(&iref, &ml, st, mt_kind(st, "issue"),
		    e.issue_ids[i]) == 0) {
			rc = record_edit(NULL, st, &iref, link_issue,
			    (void *)record_id(mt), d);
			if (rc == RECORD_EDIT_NOCHANGE)
				rc = 0;
			free(iref.id);
			free(iref.relpath);
		}
		reclist_free(&ml);
	}
	if (rc != 0)
		goto done;
	e.st = st;
	e.cal = cal;
	e.m = m;
	rc = record_edit(&out, st, ref, minutes_edit, &e, d);
done:
	if (locked)
		store_unlock(st);
	for (i = 0; e.issue_ids != NULL && i < m->nactions; i++)
		free(e.issue_ids[i]);
	free(e.issue_ids);
	record_free(mt);
	record_free(out);
	return rc;
}
