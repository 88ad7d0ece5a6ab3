/*
 * Meetings: the calendar, closed days, document deadlines, the year's
 * plan, moving a meeting, the reporting period; and the helpers of the
 * module.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "i18n.h"
#include "meeting.h"
#include "meeting_int.h"
#include "schema.h"

/* --- helpers ---------------------------------------------------------- */

const struct schema *
mt_kind(struct store *st, const char *kind)
{
	const struct schema	*k = NULL;

	if (store_kind(&k, st, kind) != 0)
		return NULL;
	return k;
}

int
mt_recs_load(struct recset *out, struct store *st, const char *kind, int fy)
{
	const struct schema	*ks;

	memset(out, 0, sizeof *out);
	if ((ks = mt_kind(st, kind)) == NULL)
		return error_code();
	return recset_load(out, st, ks, fy);
}

int
mt_date(struct cal_date *out, const struct node *map, const char *key)
{
	const char	*s = node_get_str(map, key);

	if (s == NULL)
		return NC_ENOTFOUND;
	/* a date-time's date part */
	if (strlen(s) > 10 && s[10] == 'T') {
		char	d[11];

		memcpy(d, s, 10);
		d[10] = '\0';
		return cal_parse_iso(out, d);
	}
	return cal_parse_iso(out, s);
}

void
mt_era(char out[CAL_FMT_MAX], struct cal_date d, enum cal_era_style style)
{
	out[0] = '\0';
	if (d.y == 0)
		return;
	if (cal_format_era(out, CAL_FMT_MAX, d, style) != 0) {
		cal_format_iso(out, CAL_FMT_MAX, d);
		error_clear();
	}
}

void
mt_era_wday(char out[CAL_FMT_MAX], struct cal_date d)
{
	static const char *const wd[] = { "日", "月", "火", "水", "木", "金",
	    "土" };
	size_t	n;

	mt_era(out, d, CAL_ERA_LONG);
	n = strlen(out);
	if (d.y != 0 && n + 16 < CAL_FMT_MAX)
		snprintf(out + n, CAL_FMT_MAX - n, "（%s）",
		    wd[cal_weekday(d)]);
}

const char *
mt_config(struct store *st, const char *a, const char *b)
{
	const struct node	*conf;

	if (store_config(&conf, st) != 0) {
		error_clear();
		return NULL;
	}
	return b != NULL ? node_get_str(node_get(conf, a), b) :
	    node_get_str(conf, a);
}

static const struct node *
member(struct store *st, const char *id)
{
	const struct node	*conf, *ms;
	size_t			 i;

	if (id == NULL || store_config(&conf, st) != 0) {
		error_clear();
		return NULL;
	}
	ms = node_get(conf, "members");
	for (i = 0; ms != NULL && ms->kind == NODE_SEQ && i < ms->n; i++)
		if (node_scalar_eq(node_get(ms->u.items[i], "id"), id))
			return ms->u.items[i];
	return NULL;
}

const char *
mt_member_name(struct store *st, const char *id)
{
	const struct node	*m = member(st, id);
	const char		*n = m != NULL ? node_get_str(m, "name") : NULL;

	return n != NULL ? n : id != NULL ? id : "";
}

const char *
mt_member_role(struct store *st, const char *id)
{
	const struct schemaset	*set;
	const struct schema	*cs;
	const struct node	*m = member(st, id);

	if (m == NULL || store_schemas(&set, st, NULL) != 0 ||
	    (cs = schemaset_kind(set, "config")) == NULL) {
		error_clear();
		return NULL;
	}
	return schema_label(cs, "members.role", node_get_str(m, "role"));
}

const char *
mt_member_with_role(struct store *st, const char *role)
{
	const struct node	*conf, *ms;
	size_t			 i;

	if (store_config(&conf, st) != 0) {
		error_clear();
		return NULL;
	}
	ms = node_get(conf, "members");
	for (i = 0; ms != NULL && ms->kind == NODE_SEQ && i < ms->n; i++)
		if (node_scalar_eq(node_get(ms->u.items[i], "role"), role))
			return node_get_str(ms->u.items[i], "id");
	return NULL;
}

const char *
mt_org_name(struct store *st, const char *code)
{
	const char	*name = NULL, *dept = NULL;

	if (code == NULL)
		return "";
	if (store_org(&name, &dept, st, code) != 0 || name == NULL) {
		error_clear();
		return code;
	}
	return name;
}

char *
mt_dup(const char *s, int *bad)
{
	char	*p = strdup(s != NULL ? s : "");

	if (p == NULL)
		*bad = 1;
	return p;
}

int
mt_push(char ***v, size_t *n, const char *s)
{
	char	**nv, *p;

	if ((p = strdup(s != NULL ? s : "")) == NULL ||
	    (nv = realloc(*v, (*n + 1) * sizeof **v)) == NULL) {
		free(p);
		return error_set(NC_ENOMEM, "out of memory");
	}
	nv[(*n)++] = p;
	*v = nv;
	return 0;
}

void
mt_strv_free(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

char *
mt_record_label(struct store *st, const char *id, const char *sep)
{
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct reclist		 m = RECLIST_INIT;
	struct record		*r = NULL;
	const char		*want[2], *title;
	struct cal_date		 d;
	char			 era[CAL_FMT_MAX], *out = NULL;
	struct buf		 b = BUF_INIT;

	if (id == NULL || store_find(&ref, &m, st, NULL, id) != 0) {
		reclist_free(&m);
		error_clear();
		return NULL;
	}
	want[0] = schema_title_field(ref.kind);
	want[1] = schema_fy_field(ref.kind);
	if (want[0] != NULL && record_load_fields(&r, st, &ref, NULL, want,
	    want[1] != NULL ? 2 : 1) == 0) {
		title = record_field(r, want[0]);
		buf_puts(&b, title != NULL ? title : "");
		if (want[1] != NULL &&
		    mt_date(&d, record_root(r), want[1]) == 0) {
			mt_era(era, d, CAL_ERA_SHORT);
			buf_printf(&b, "%s（%s）", sep, era);
		}
		if (buf_ok(&b) == 0 && b.data != NULL)
			out = buf_detach(&b, NULL);
	}
	error_clear();
	buf_free(&b);
	record_free(r);
	free(ref.id);
	free(ref.relpath);
	return out;
}

/* --- the calendar --------------------------------------------------------- */

int
meeting_cal(struct cal **out, struct store *st)
{
	char	*path;
	int	 rc;

	if ((*out = cal_new()) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((path = store_path(st, CAL_CLOSURES_FILE)) == NULL) {
		cal_free(*out);
		*out = NULL;
		return NC_ENOMEM;
	}
	rc = cal_load_closures(*out, path, NULL);
	free(path);
	if (rc == NC_ENOTFOUND) {
		error_clear();
		rc = 0;
	}
	if (rc != 0) {
		cal_free(*out);
		*out = NULL;
	}
	return rc;
}

/* translated where they are put into a message (cmd/ marks them) */
static const char *const wday_en[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
    "Fri", "Sat" };

int
meeting_check_day(const struct cal *c, struct cal_date d)
{
	struct cal_date	 prev, next;
	const char	*why;
	char		 a[CAL_FMT_MAX], b[CAL_FMT_MAX], s[CAL_FMT_MAX];
	int		 r;

	if ((r = cal_closed_reason(&why, c, d)) < 0)
		return r;
	if (r == 0)
		return 0;
	if ((r = cal_prev_business_day(&prev, c, d)) != 0 ||
	    (r = cal_next_business_day(&next, c, d)) != 0)
		return r;
	cal_format_iso(s, sizeof s, d);
	cal_format_iso(a, sizeof a, prev);
	cal_format_iso(b, sizeof b, next);
	return error_set(NC_EINVALID, "%s is a closed day (%s); the nearest "
	    "business days are %s (%s) and %s (%s)", s, why, a,
	    _(wday_en[cal_weekday(prev)]), b, _(wday_en[cal_weekday(next)]));
}

int
meeting_materials_due(char out[MEETING_DUE_MAX], const struct cal *c,
    struct cal_date meeting)
{
	struct cal_due	due;
	int		r;

	/* 4(3)ア(ウ)(エ): by 10:00 one ward business day before */
	if ((r = cal_due_meeting(&due, c, meeting)) != 0)
		return r;
	snprintf(out, MEETING_DUE_MAX, "%04d-%02d-%02dT%02d:%02d+09:00",
	    due.date.y, due.date.m, due.date.d, due.hour, due.minute);
	return 0;
}

int
meeting_date(struct cal_date *out, const struct node *rec)
{
	if (mt_date(out, rec, "date") != 0)
		return error_set(NC_EINVALID, "the meeting has no date");
	return 0;
}

/* --- the year's plan ------------------------------------------------------ */

/* The config's value at path, else the config schema's default. */
static const struct node *
pattern_value(struct store *st, const char *path)
{
	const struct schemaset	*set;
	const struct schema	*cs, *ps;
	const struct node	*conf, *n;
	char			 buf[128], *p, *s;

	if (store_config(&conf, st) == 0) {
		snprintf(buf, sizeof buf, "%s", path);
		n = conf;
		for (s = buf; n != NULL && s != NULL; s = p) {
			if ((p = strchr(s, '.')) != NULL)
				*p++ = '\0';
			n = node_get(n, s);
		}
		if (n != NULL && !node_is_null(n))
			return n;
	}
	error_clear();
	if (store_schemas(&set, st, NULL) != 0 ||
	    (cs = schemaset_kind(set, "config")) == NULL ||
	    (ps = schema_at(cs, path)) == NULL) {
		error_clear();
		return NULL;
	}
	return schema_default(ps);
}

static int
weekday_of(const struct node *n)
{
	static const char *const names[] = { "sun", "mon", "tue", "wed",
	    "thu", "fri", "sat" };
	int	i;

	for (i = 0; n != NULL && i < 7; i++)
		if (node_scalar_eq(n, names[i]))
			return i;
	return -1;
}

/* The n-th weekday wd of a month; zero when the month has no such day. */
static struct cal_date
nth_weekday(int y, int m, int wd, int n)
{
	struct cal_date	d = { y, m, 1 };
	int		day;

	day = 1 + (wd - cal_weekday(d) + 7) % 7 + 7 * (n - 1);
	if (n < 1 || day > cal_days_in_month(y, m))
		return (struct cal_date){ 0, 0, 0 };
	d.d = day;
	return d;
}

/*
 * The meeting day for a pattern day: itself when the ward is open, else
 * the next business day of the same month, else the one before.
 */
static int
open_day(struct cal_date *out, const char **why, const struct cal *c,
    struct cal_date d)
{
	int	r;

	*why = NULL;
	if ((r = cal_closed_reason(why, c, d)) < 0)
		return r;
	if (r == 0) {
		*out = d;
		return 0;
	}
	if ((r = cal_next_business_day(out, c, d)) != 0)
		return r;
	if (out->m == d.m)
		return 0;
	return cal_prev_business_day(out, c, d);
}

static int
add_slot(struct meeting_slot **v, size_t *n, struct meeting_slot *s)
{
	struct meeting_slot	*nv;

	if ((nv = realloc(*v, (*n + 1) * sizeof **v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	nv[(*n)++] = *s;
	*v = nv;
	return 0;
}

static void
slot_times(struct meeting_slot *s, struct store *st, const char *type)
{
	char		 path[64];
	const struct node *n;

	snprintf(path, sizeof path, "meetings.%s.start_time", type);
	n = pattern_value(st, path);
	snprintf(s->start, sizeof s->start, "%s", n != NULL &&
	    n->kind == NODE_SCALAR ? n->u.s.str : "");
	snprintf(path, sizeof path, "meetings.%s.end_time", type);
	n = pattern_value(st, path);
	snprintf(s->end, sizeof s->end, "%s", n != NULL &&
	    n->kind == NODE_SCALAR ? n->u.s.str : "");
	snprintf(path, sizeof path, "meetings.%s.place", type);
	n = pattern_value(st, path);
	s->place = n != NULL && n->kind == NODE_SCALAR ? n->u.s.str : NULL;
}

/* By date; on one day the 進捗報告会 (morning) before the 定例会. */
static int
slot_cmp(const void *a, const void *b)
{
	const struct meeting_slot	*x = a, *y = b;
	int				 c;

	if ((c = cal_cmp(x->date, y->date)) != 0)
		return c;
	return strcmp(x->start, y->start);
}

int
meeting_slots(struct meeting_slot **out, size_t *nout, struct store *st,
    const struct cal *c, int fy)
{
	const struct node	*weeks, *months, *wdn, *wkn;
	struct meeting_slot	 s, *v = NULL;
	struct cal_date		 p;
	size_t			 n = 0, i, k;
	int			 wd, m, y, month, num = 0, rc = 0;

	*out = NULL;
	*nout = 0;
	/* 3(3)ア(エ): 定例会 twice a month */
	wdn = pattern_value(st, "meetings.regular.weekday");
	weeks = pattern_value(st, "meetings.regular.weeks");
	if ((wd = weekday_of(wdn)) < 0 || weeks == NULL ||
	    weeks->kind != NODE_SEQ)
		return error_set(NC_EINVALID, "%s: meetings.regular needs a "
		    "weekday and weeks", STORE_MARKER);
	for (month = 0; month < 12 && rc == 0; month++) {
		m = (month + 3) % 12 + 1;
		y = m >= 4 ? fy : fy + 1;
		for (k = 0; k < weeks->n && rc == 0; k++) {
			p = nth_weekday(y, m, wd, atoi(weeks->u.items[k]->kind ==
			    NODE_SCALAR ? weeks->u.items[k]->u.s.str : "0"));
			if (p.y == 0)
				continue;
			memset(&s, 0, sizeof s);
			s.type = "regular";
			snprintf(s.slot, sizeof s.slot, "%04d-%02d-%d", y, m,
			    (int)k % 9 + 1);
			s.number = ++num;
			s.pattern = p;
			if ((rc = open_day(&s.date, &s.closed, c, p)) != 0)
				break;
			slot_times(&s, st, "regular");
			rc = add_slot(&v, &n, &s);
		}
	}
	/* 3(3)ア(オ): 進捗報告会 every two months */
	wdn = pattern_value(st, "meetings.progress.weekday");
	months = pattern_value(st, "meetings.progress.months");
	wkn = pattern_value(st, "meetings.progress.week");
	if (rc == 0 && ((wd = weekday_of(wdn)) < 0 || months == NULL ||
	    months->kind != NODE_SEQ || wkn == NULL ||
	    wkn->kind != NODE_SCALAR))
		rc = error_set(NC_EINVALID, "%s: meetings.progress needs "
		    "months, a weekday and a week", STORE_MARKER);
	num = 0;
	for (month = 0; month < 12 && rc == 0; month++) {
		m = (month + 3) % 12 + 1;
		y = m >= 4 ? fy : fy + 1;
		for (i = 0; i < months->n; i++)
			if (months->u.items[i]->kind == NODE_SCALAR &&
			    atoi(months->u.items[i]->u.s.str) == m)
				break;
		if (i == months->n)
			continue;
		p = nth_weekday(y, m, wd, atoi(wkn->u.s.str));
		if (p.y == 0)
			continue;
		memset(&s, 0, sizeof s);
		s.type = "progress";
		snprintf(s.slot, sizeof s.slot, "%04d-%02d-1", y, m);
		s.number = ++num;
		s.pattern = p;
		if ((rc = open_day(&s.date, &s.closed, c, p)) != 0)
			break;
		slot_times(&s, st, "progress");
		rc = add_slot(&v, &n, &s);
	}
	if (rc != 0) {
		free(v);
		return rc;
	}
	if (n > 1)
		qsort(v, n, sizeof *v, slot_cmp);
	*out = v;
	*nout = n;
	return 0;
}

void
meeting_planned_free(struct meeting_planned *v, size_t n)
{
	size_t	i;

	for (i = 0; v != NULL && i < n; i++) {
		free(v[i].id);
		free(v[i].title);
	}
	free(v);
}

static int
new_meeting(char **id, char **rel, struct store *st, const struct cal *c,
    const struct meeting_slot *s, const char *title, struct diags *d)
{
	const struct schema	*kind;
	struct ydoc		*doc;
	struct node		*root;
	char			 date[CAL_FMT_MAX], num[16];
	char			 due[MEETING_DUE_MAX];
	int			 rc;

	if ((kind = mt_kind(st, "meeting")) == NULL)
		return error_code();
	if ((doc = ydoc_new()) == NULL || (root = node_map(doc)) == NULL) {
		ydoc_free(doc);
		return error_set(NC_ENOMEM, "out of memory");
	}
	ydoc_set_root(doc, root);
	cal_format_iso(date, sizeof date, s->date);
	snprintf(num, sizeof num, "%d", s->number);
	if ((rc = meeting_materials_due(due, c, s->date)) != 0)
		goto done;
	if ((rc = node_map_set_str(doc, root, "type", s->type)) != 0 ||
	    (rc = node_map_set_str(doc, root, "title", title)) != 0 ||
	    (rc = node_map_set_str(doc, root, "number", num)) != 0 ||
	    (rc = node_map_set_str(doc, root, "date", date)) != 0 ||
	    (rc = node_map_set_str(doc, root, "slot", s->slot)) != 0 ||
	    (*s->start != '\0' && (rc = node_map_set_str(doc, root,
	    "start_time", s->start)) != 0) ||
	    (*s->end != '\0' && (rc = node_map_set_str(doc, root,
	    "end_time", s->end)) != 0) ||
	    (s->place != NULL && (rc = node_map_set_str(doc, root, "place",
	    s->place)) != 0) ||
	    (rc = node_map_set_str(doc, root, "status", "scheduled")) != 0 ||
	    (rc = node_map_set_str(doc, root, "materials_due", due)) != 0)
		goto done;
	rc = record_create(id, rel, st, kind, doc, d);
done:
	ydoc_free(doc);
	return rc;
}

int
meeting_plan(struct meeting_planned **out, size_t *nout, struct store *st,
    const struct cal *c, int fy, int dry_run, struct diags *d)
{
	const struct schema	*kind;
	struct meeting_slot	*slots = NULL;
	struct meeting_planned	*v = NULL;
	struct recset		 rs = { NULL, 0 };
	const struct node	*root;
	char			 title[128], *rel = NULL;
	size_t			 n = 0, i, k;
	int			 rc, bad = 0;

	*out = NULL;
	*nout = 0;
	if ((kind = mt_kind(st, "meeting")) == NULL)
		return error_code();
	if ((rc = store_lock(st)) != 0)
		return rc;
	if ((rc = meeting_slots(&slots, &n, st, c, fy)) != 0 ||
	    (rc = mt_recs_load(&rs, st, "meeting", fy)) != 0)
		goto done;
	if (n > 0 && (v = calloc(n, sizeof *v)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < n && rc == 0; i++) {
		v[i].slot = slots[i];
		v[i].date = slots[i].date;
		for (k = 0; k < rs.n; k++) {
			root = record_root(rs.v[k]);
			if (node_scalar_eq(node_get(root, "type"),
			    slots[i].type) && node_scalar_eq(node_get(root,
			    "slot"), slots[i].slot))
				break;
		}
		if (k < rs.n) {
			root = record_root(rs.v[k]);
			v[i].id = mt_dup(record_id(rs.v[k]), &bad);
			v[i].title = mt_dup(node_get_str(root, "title"), &bad);
			if (mt_date(&v[i].date, root, "date") != 0)
				error_clear();
			continue;
		}
		snprintf(title, sizeof title, "第%d回 %s", slots[i].number,
		    schema_label(kind, "type", slots[i].type));
		v[i].title = mt_dup(title, &bad);
		v[i].created = 1;
		if (dry_run)
			continue;
		rc = new_meeting(&v[i].id, &rel, st, c, &slots[i], title, d);
		free(rel);
		rel = NULL;
	}
	if (rc == 0 && bad)
		rc = error_set(NC_ENOMEM, "out of memory");
done:
	store_unlock(st);
	recset_free(&rs);
	free(slots);
	if (rc != 0) {
		meeting_planned_free(v, n);
		return rc;
	}
	*out = v;
	*nout = n;
	return 0;
}

int
meeting_default_title(char **out, int *number, struct store *st,
    const char *type, struct cal_date date)
{
	const struct schema	*kind;
	struct recset		 rs = { NULL, 0 };
	const struct node	*root;
	struct cal_date		 d;
	char			 fyl[CAL_FMT_MAX], era[CAL_FMT_MAX], buf[256];
	const char		*label;
	size_t			 i;
	int			 rc, n = 1;

	*out = NULL;
	if ((kind = mt_kind(st, "meeting")) == NULL)
		return error_code();
	if ((rc = mt_recs_load(&rs, st, "meeting", cal_fy(date))) != 0)
		return rc;
	for (i = 0; i < rs.n; i++) {
		root = record_root(rs.v[i]);
		if (node_scalar_eq(node_get(root, "type"), type) &&
		    !node_scalar_eq(node_get(root, "status"), "cancelled") &&
		    mt_date(&d, root, "date") == 0 && cal_cmp(d, date) <= 0)
			n++;
	}
	error_clear();
	recset_free(&rs);
	label = schema_label(kind, "type", type);
	cal_fy_label(fyl, sizeof fyl, cal_fy(date));
	if (strcmp(type, "regular") == 0 || strcmp(type, "progress") == 0)
		snprintf(buf, sizeof buf, "第%d回 %s", n, label);
	else if (strcmp(type, "other") == 0) {
		mt_era(era, date, CAL_ERA_LONG);
		snprintf(buf, sizeof buf, "打合せ（%s）", era);
	} else
		snprintf(buf, sizeof buf, "%s 第%d回 %s", fyl, n, label);
	*number = n;
	if ((*out = strdup(buf)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	return 0;
}

int
meeting_move(struct ydoc *doc, struct node *root, const struct cal *c,
    struct cal_date date)
{
	struct cal_date	 old;
	const char	*fy = node_get_str(root, "fy");
	char		 iso[CAL_FMT_MAX], was[CAL_FMT_MAX];
	char		 due[MEETING_DUE_MAX];
	int		 rc;

	if ((rc = meeting_date(&old, root)) != 0)
		return rc;
	cal_format_iso(iso, sizeof iso, date);
	if (fy != NULL && cal_fy(date) != atoi(fy))
		return error_set(NC_EINVALID, "%s is in fiscal year %d, and "
		    "the meeting in %s: a meeting cannot move to another year"
		    " (cancel it and add one there)", iso, cal_fy(date), fy);
	cal_format_iso(was, sizeof was, old);
	if (node_get_str(root, "moved_from") == NULL &&
	    (rc = node_map_set_str(doc, root, "moved_from", was)) != 0)
		return rc;
	if (node_scalar_eq(node_get(root, "moved_from"), iso))
		node_map_remove(root, "moved_from");
	if ((rc = node_map_set_str(doc, root, "date", iso)) != 0)
		return rc;
	/* the deadline moves with the meeting (4(3)ア(ウ)(エ)) */
	if (node_get(root, "materials_due") != NULL ||
	    node_scalar_eq(node_get(root, "type"), "regular") ||
	    node_scalar_eq(node_get(root, "type"), "progress")) {
		if ((rc = meeting_materials_due(due, c, date)) != 0 ||
		    (rc = node_map_set_str(doc, root, "materials_due",
		    due)) != 0)
			return rc;
	}
	return 0;
}

/*
 * The day of the last meeting of the type in fiscal year fy before the
 * day before (not the meeting id), or { 0 } when there is none.
 */
static int
last_before(struct cal_date *out, struct store *st, const char *type,
    const char *id, int fy, struct cal_date before)
{
	struct recset		 rs = { NULL, 0 };
	const struct node	*root;
	struct cal_date		 d;
	size_t			 i;
	int			 rc;

	*out = (struct cal_date){ 0, 0, 0 };
	if ((rc = mt_recs_load(&rs, st, "meeting", fy)) != 0)
		return rc;
	for (i = 0; i < rs.n; i++) {
		root = record_root(rs.v[i]);
		if (!node_scalar_eq(node_get(root, "type"), type) ||
		    (id != NULL && node_scalar_eq(node_get(root, "id"), id)) ||
		    node_scalar_eq(node_get(root, "status"), "cancelled") ||
		    mt_date(&d, root, "date") != 0 || cal_cmp(d, before) >= 0)
			continue;
		if (out->y == 0 || cal_cmp(d, *out) > 0)
			*out = d;
	}
	error_clear();
	recset_free(&rs);
	return 0;
}

/*
 * The day after the one a meeting's documents are dated: due 10:00 one
 * business day before it (cal_due_meeting()).
 */
static int
day_after_due(struct cal_date *out, const struct cal *cal,
    struct cal_date meeting)
{
	struct cal_due	due;
	int		rc;

	if ((rc = cal_due_meeting(&due, cal, meeting)) == 0)
		*out = cal_add_days(due.date, 1);
	return rc;
}

int
meeting_report_period(struct cal_date *from, struct cal_date *to,
    struct cal_date *as_of, struct store *st, const struct node *rec)
{
	struct cal		*cal = NULL;
	struct cal_date		 date, fy0, fy1, prev;
	int			 rc;

	if ((rc = meeting_date(&date, rec)) != 0)
		return rc;
	cal_fy_bounds(&fy0, &fy1, cal_fy(date));
	if ((rc = last_before(&prev, st, node_get_str(rec, "type"),
	    node_get_str(rec, "id"), cal_fy(date), date)) != 0)
		return rc;
	if ((rc = meeting_cal(&cal, st)) != 0)
		return rc;
	/*
	 * From the day after the previous meeting's documents were dated to
	 * the day this one's are: a report dated 9月18日 for a meeting on
	 * 9月24日 counted to 9月23日, days that had not come (rev43b B13),
	 * and the next began on 9月24日, so every day is in one report.
	 */
	*from = fy0;
	if (prev.y != 0 && (rc = day_after_due(from, cal, prev)) != 0)
		goto done;
	if (cal_cmp(*from, fy0) < 0)
		*from = fy0;
	if ((rc = day_after_due(to, cal, date)) != 0)
		goto done;
	*to = cal_add_days(*to, -1);
	if (as_of != NULL)
		*as_of = *to;
	if (cal_cmp(*to, *from) < 0)
		*to = *from;
done:
	cal_free(cal);
	return rc;
}

int
meeting_yearend_period(struct cal_date *from, struct cal_date *to,
    struct cal_date *as_of, struct store *st, int fy)
{
	struct cal		*cal = NULL;
	struct cal_date		 fy0, fy1, last;
	int			 rc;

	cal_fy_bounds(&fy0, &fy1, fy);
	if ((rc = last_before(&last, st, "progress", NULL, fy,
	    cal_add_days(fy1, 1))) != 0)
		return rc;
	/* the last meeting's own report ended the day it was dated */
	if ((rc = meeting_cal(&cal, st)) != 0)
		return rc;
	*from = fy0;
	if (last.y != 0 && (rc = day_after_due(from, cal, last)) != 0) {
		cal_free(cal);
		return rc;
	}
	if (cal_cmp(*from, fy0) < 0)
		*from = fy0;
	/*
	 * 4(3)イ: by the end of the contract, its last business day, the
	 * day the reports are dated and the last day they count: a report
	 * dated 3月29日 that counted to 3月31日 gave as done what was not
	 * yet (rev18a).  The days after it are closed days, when the ward
	 * records no work (lint warns of a date acted on then).
	 */
	*to = fy1;
	if (!cal_is_business_day(cal, fy1))
		rc = cal_prev_business_day(to, cal, fy1);
	cal_free(cal);
	if (rc == 0 && cal_cmp(*to, *from) < 0)
		*to = *from;
	if (as_of != NULL)
		*as_of = *to;
	return rc;
}

int
meeting_add_item(struct ydoc *doc, struct node *root, const char *title,
    const char *presenter, const char *const *materials, size_t nmaterials)
{
	struct node	*ag, *it, *ms;
	size_t		 i;
	int		 rc;

	if ((ag = node_get(root, "agenda")) == NULL) {
		if ((ag = node_seq(doc)) == NULL ||
		    (rc = node_map_set(doc, root, "agenda", ag)) != 0)
			return error_set(NC_ENOMEM, "out of memory");
	}
	if ((it = node_map(doc)) == NULL ||
	    node_map_set_str(doc, it, "title", title) != 0 ||
	    (presenter != NULL && node_map_set_str(doc, it, "presenter",
	    presenter) != 0))
		return error_set(NC_ENOMEM, "out of memory");
	if (nmaterials > 0) {
		if ((ms = node_seq(doc)) == NULL ||
		    node_map_set(doc, it, "materials", ms) != 0)
			return error_set(NC_ENOMEM, "out of memory");
		for (i = 0; i < nmaterials; i++)
			if (node_seq_push(doc, ms, node_str(doc,
			    materials[i])) != 0)
				return error_set(NC_ENOMEM, "out of memory");
	}
	return node_seq_push(doc, ag, it);
}
