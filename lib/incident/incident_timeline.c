/*
 * The timeline of an incident: entries kept in time order whatever order
 * they were typed in, times that cannot be in the future or before the
 * incident, corrections that keep the old time, changes of status and
 * severity logged as they happen, and the runs of the criteria.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "clock.h"
#include "error.h"
#include "incident.h"
#include "incident_int.h"

int
incident_time(long *out, const char *s)
{
	struct cal_date	d;
	char		date[11];
	int		h, m;

	if (s == NULL || strlen(s) < 16 || (s[10] != 'T' && s[10] != ' ') ||
	    s[13] != ':')
		return error_set(NC_EINVALID, "'%s' is not a date and time "
		    "(YYYY-MM-DDTHH:MM)", s != NULL ? s : "");
	memcpy(date, s, 10);
	date[10] = '\0';
	if (cal_parse_iso(&d, date) != 0)
		return NC_EINVALID;
	if (s[11] < '0' || s[11] > '9' || s[12] < '0' || s[12] > '9' ||
	    s[14] < '0' || s[14] > '9' || s[15] < '0' || s[15] > '9')
		return error_set(NC_EINVALID, "'%s' is not a date and time "
		    "(YYYY-MM-DDTHH:MM)", s);
	h = (s[11] - '0') * 10 + (s[12] - '0');
	m = (s[14] - '0') * 10 + (s[15] - '0');
	if (h > 23 || m > 59)
		return error_set(NC_EINVALID, "'%s': no such time of day", s);
	*out = cal_days(d) * 1440 + h * 60 + m;
	return 0;
}

void
incident_now(char out[32])
{
	struct tm	tm;

	clock_now(&tm);
	if (strftime(out, 32, "%Y-%m-%dT%H:%M", &tm) == 0)
		out[0] = '\0';
}

int
incident_time_era(char *out, size_t size, const char *s,
    enum cal_era_style style)
{
	struct cal_date	d;
	char		day[CAL_FMT_MAX], date[11];
	long		t;
	int		rc;

	if ((rc = incident_time(&t, s)) != 0)
		return rc;
	memcpy(date, s, 10);
	date[10] = '\0';
	if ((rc = cal_parse_iso(&d, date)) != 0 ||
	    (rc = cal_format_era(day, sizeof day, d, style)) != 0)
		return rc;
	snprintf(out, size, "%s%s%.5s", day, style == CAL_ERA_LONG ? " " :
	    " ", s + 11);
	return 0;
}

/* "2026-06-10 14:05" for messages. */
static const char *
show(char out[32], const char *s)
{
	snprintf(out, 32, "%.10s %.5s", s, strlen(s) >= 16 ? s + 11 : "");
	return out;
}

struct node *
incident_timeline(const struct node *root)
{
	struct node	*n = node_get(root, "timeline");

	return n != NULL && n->kind == NODE_SEQ ? n : NULL;
}

struct node *
incident_entry(const struct node *root, long seq)
{
	struct node	*tl = incident_timeline(root);
	const char	*s;
	size_t		 i;

	for (i = 0; tl != NULL && i < tl->n; i++) {
		s = node_get_str(tl->u.items[i], "seq");
		if (s != NULL && strtol(s, NULL, 10) == seq)
			return tl->u.items[i];
	}
	return NULL;
}

static long
entry_time(const struct node *e)
{
	long	t;

	if (incident_time(&t, node_get_str(e, "at")) != 0) {
		error_clear();
		return -1;
	}
	return t;
}

static long
entry_seq(const struct node *e)
{
	const char	*s = node_get_str(e, "seq");

	return s != NULL ? strtol(s, NULL, 10) : 0;
}

/* The day the incident started, in minutes; -1 when unknown. */
static long
start_of(const struct node *root, const char *field)
{
	struct cal_date	d;
	const char	*s = node_get_str(root, field);

	if (s == NULL || cal_parse_iso(&d, s) != 0) {
		error_clear();
		return -1;
	}
	return cal_days(d) * 1440;
}

/*
 * The detection: the first detection entry, else the discovered day, else
 * -1.  *which is that entry, or NULL for the day.
 */
static long
detection_of(const struct node *root, const struct node **which)
{
	const struct node	*tl = incident_timeline(root), *e;
	const char		*type;
	long			 t, best = -1;
	size_t			 i;

	*which = NULL;
	for (i = 0; tl != NULL && i < tl->n; i++) {
		e = tl->u.items[i];
		type = node_get_str(e, "type");
		if (type == NULL || strcmp(type, "detection") != 0 ||
		    (t = entry_time(e)) < 0)
			continue;
		if (best < 0 || t < best) {
			best = t;
			*which = e;
		}
	}
	if (best < 0)
		best = start_of(root, "discovered");
	return best;
}

long
inc_detection(const struct node *root, const char **at, const char **field)
{
	const struct node	*det;
	long			 t = detection_of(root, &det);

	*at = det != NULL ? node_get_str(det, "at") :
	    node_get_str(root, "discovered");
	*field = det != NULL ? "timeline.at" : "discovered";
	return t;
}

static int
after_detection(const char *type)
{
	static const char *const types[] = { "containment", "isolation",
	    "eradication", "recovery", NULL };
	size_t	i;

	for (i = 0; type != NULL && types[i] != NULL; i++)
		if (strcmp(type, types[i]) == 0)
			return 1;
	return 0;
}

int
incident_timeline_check(const struct node *root)
{
	const struct node	*tl = incident_timeline(root), *e, *det;
	const struct node	*e2;
	const char		*type;
	char			 a[32], b[32];
	long			 t, start, detected;
	size_t			 i, j;

	start = start_of(root, "occurred");
	if (start >= 0 && start_of(root, "discovered") >= 0 &&
	    start_of(root, "discovered") < start)
		return error_set(NC_EINVALID, "the incident was discovered on %s,"
		    " before it occurred on %s (discovered, occurred)",
		    node_get_str(root, "discovered"),
		    node_get_str(root, "occurred"));
	if (tl == NULL)
		return 0;
	detected = detection_of(root, &det);
	for (i = 0; i < tl->n; i++) {
		e = tl->u.items[i];
		for (j = 0; j < i; j++) {
			e2 = tl->u.items[j];
			if (entry_seq(e) != 0 && entry_seq(e) == entry_seq(e2))
				return error_set(NC_EINVALID, "timeline: two "
				    "entries have the number %ld "
				    "(timeline.seq)", entry_seq(e));
		}
		if ((t = entry_time(e)) < 0)
			continue;
		type = node_get_str(e, "type");
		if (start >= 0 && t < start)
			return error_set(NC_EINVALID, "timeline: entry %ld at "
			    "%s is before the day the incident occurred, %s "
			    "(timeline.at, occurred)", entry_seq(e),
			    show(a, node_get_str(e, "at")),
			    node_get_str(root, "occurred"));
		if (detected >= 0 && after_detection(type) && t < detected) {
			if (det != NULL)
				return error_set(NC_EINVALID, "timeline: the %s"
				    " at %s (entry %ld) is before the "
				    "detection at %s (entry %ld) (timeline.at)",
				    type, show(a, node_get_str(e, "at")),
				    entry_seq(e), show(b, node_get_str(det,
				    "at")), entry_seq(det));
			return error_set(NC_EINVALID, "timeline: the %s at %s "
			    "(entry %ld) is before the day it was discovered,"
			    " %s (timeline.at, discovered)", type,
			    show(a, node_get_str(e, "at")), entry_seq(e),
			    node_get_str(root, "discovered"));
		}
	}
	return 0;
}

/* Insert e into the timeline after every entry not later than it. */
static int
insert_sorted(struct ydoc *doc, struct node *tl, struct node *e)
{
	long	t = entry_time(e), u;
	size_t	i, pos = tl->n;
	int	rc;

	for (i = 0; i < tl->n; i++) {
		u = entry_time(tl->u.items[i]);
		if (u > t) {
			pos = i;
			break;
		}
	}
	if ((rc = node_seq_push(doc, tl, e)) != 0)
		return rc;
	memmove(&tl->u.items[pos + 1], &tl->u.items[pos],
	    (tl->n - 1 - pos) * sizeof *tl->u.items);
	tl->u.items[pos] = e;
	return 0;
}

/* Checks of a time given for an entry (field names the input). */
static int
check_time(const struct node *root, const char *at, const char *now)
{
	char	a[32], b[32];
	long	t, n, start;
	int	rc;

	if ((rc = incident_time(&t, at)) != 0)
		return rc;
	if (now != NULL && incident_time(&n, now) == 0 && t > n)
		return error_set(NC_EINVALID, "timeline: %s is in the future "
		    "(now %s); the timeline records what has happened "
		    "(timeline.at)", show(a, at), show(b, now));
	start = start_of(root, "occurred");
	if (start >= 0 && t < start)
		return error_set(NC_EINVALID, "timeline: %s is before the day "
		    "the incident occurred, %s (timeline.at, occurred)",
		    show(a, at), node_get_str(root, "occurred"));
	return 0;
}

static long
next_seq(const struct node *tl)
{
	long	max = 0;
	size_t	i;

	for (i = 0; tl != NULL && i < tl->n; i++)
		if (entry_seq(tl->u.items[i]) > max)
			max = entry_seq(tl->u.items[i]);
	return max + 1;
}

/* A new entry with seq, at, type, text, by and logged, inserted. */
static int
new_entry(struct node **out, struct ydoc *doc, struct node *root,
    const char *at, const char *type, const char *text, const char *by,
    const char *now, long *seq_out)
{
	struct node	*tl, *e;
	char		 seq[24];
	long		 n;
	int		 rc;

	*out = NULL;
	if ((rc = check_time(root, at, now)) != 0)
		return rc;
	if ((tl = inc_child_seq(doc, root, "timeline")) == NULL ||
	    (e = node_map(doc)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	n = next_seq(tl);
	snprintf(seq, sizeof seq, "%ld", n);
	if ((rc = inc_set(doc, e, "seq", seq)) != 0 ||
	    (rc = inc_set(doc, e, "at", at)) != 0 ||
	    (rc = inc_set(doc, e, "type", type)) != 0 ||
	    (rc = inc_set(doc, e, "text", text)) != 0 ||
	    (by != NULL && (rc = inc_set(doc, e, "by", by)) != 0) ||
	    (now != NULL && (rc = inc_set(doc, e, "logged", now)) != 0) ||
	    (rc = insert_sorted(doc, tl, e)) != 0)
		return rc;
	if (seq_out != NULL)
		*seq_out = n;
	*out = e;
	return 0;
}

int
incident_log(struct ydoc *doc, struct node *root,
    const struct incident_entry_in *in, const char *now, long *seq_out)
{
	static const char *const tool_types[] = { "status", "triage",
	    "recovery-check", NULL };
	struct node	*e;
	size_t		 i;
	int		 rc;

	if (in->type == NULL || in->text == NULL || *in->text == '\0')
		return error_set(NC_EINVALID, "a timeline entry needs its type"
		    " and text (timeline.type, timeline.text)");
	for (i = 0; tool_types[i] != NULL; i++)
		if (strcmp(in->type, tool_types[i]) == 0)
			return error_set(NC_EINVALID, "entries of type '%s' "
			    "are written by the tool (timeline.type): change"
			    " the status with --status, run the criteria "
			    "with triage or recover", in->type);
	if ((rc = new_entry(&e, doc, root, in->at, in->type, in->text,
	    in->by, now, seq_out)) != 0)
		return rc;
	if (in->report != NULL && (rc = inc_set(doc, e, "report",
	    in->report)) != 0)
		return rc;
	return incident_timeline_check(root);
}

int
incident_correct(struct ydoc *doc, struct node *root, long seq,
    const char *at, const char *reason, const char *by, const char *now)
{
	struct node	*tl = incident_timeline(root), *e, *cs, *c;
	const char	*was;
	size_t		 i;
	int		 rc;

	if ((e = incident_entry(root, seq)) == NULL)
		return error_set(NC_EINVALID, "the timeline has no entry %ld "
		    "(timeline.seq; see 'nerima-cio incident show')", seq);
	if ((was = node_get_str(e, "at")) == NULL)
		return error_set(NC_EINVALID, "entry %ld has no time", seq);
	if (strcmp(was, at) == 0)
		return error_set(NC_EINVALID, "entry %ld is already at %s",
		    seq, at);
	if ((rc = check_time(root, at, now)) != 0)
		return rc;
	if ((cs = inc_child_seq(doc, e, "corrections")) == NULL ||
	    (c = node_map(doc)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = inc_set(doc, c, "was", was)) != 0 ||
	    (rc = inc_set(doc, c, "corrected", now)) != 0 ||
	    (reason != NULL && *reason != '\0' &&
	    (rc = inc_set(doc, c, "reason", reason)) != 0) ||
	    (by != NULL && (rc = inc_set(doc, c, "by", by)) != 0) ||
	    (rc = node_seq_push(doc, cs, c)) != 0 ||
	    (rc = inc_set(doc, e, "at", at)) != 0)
		return rc;
	/* Take it out and put it back in its new place. */
	for (i = 0; i < tl->n; i++)
		if (tl->u.items[i] == e)
			break;
	memmove(&tl->u.items[i], &tl->u.items[i + 1],
	    (tl->n - i - 1) * sizeof *tl->u.items);
	tl->n--;
	if ((rc = insert_sorted(doc, tl, e)) != 0)
		return rc;
	return incident_timeline_check(root);
}

int
incident_set(struct ydoc *doc, struct node *root, const struct schema *kind,
    const char *field, const char *value, const char *by, const char *now,
    int *changed)
{
	const struct schema	*fs = schema_at(kind, field);
	const char		*v, *old, *title;
	struct node		*e, *ch;
	struct buf		 b = BUF_INIT, list = BUF_INIT;
	char			 day[11];
	size_t			 i;
	int			 rc;

	*changed = 0;
	if (fs == NULL || schema_nenum(schema_resolve(fs)) == 0)
		return error_set(NC_EINVALID, "'%s' is not a field that "
		    "changes with the timeline", field);
	fs = schema_resolve(fs);
	if ((v = schema_enum_find(fs, value)) == NULL) {
		for (i = 0; i < schema_nenum(fs); i++) {
			v = schema_enum_at(fs, i);
			buf_printf(&list, "%s%s (%s)", i > 0 ? ", " : "", v,
			    inc_label(kind, field, v));
		}
		rc = error_set(NC_EINVALID, "'%s' is not a %s (%s): %s", value,
		    field, field, list.data != NULL ? list.data : "");
		buf_free(&list);
		return rc;
	}
	old = node_get_str(root, field);
	if (old != NULL && strcmp(old, v) == 0)
		return 0;
	title = schema_title(schema_prop(kind, field));
	buf_printf(&b, "%s：%s → %s", title != NULL ? title : field,
	    old != NULL ? inc_label(kind, field, old) : "（なし）",
	    inc_label(kind, field, v));
	if ((rc = buf_ok(&b)) != 0)
		goto done;
	if ((rc = inc_set(doc, root, field, v)) != 0 ||
	    (rc = new_entry(&e, doc, root, now, "status", b.data, by, now,
	    NULL)) != 0)
		goto done;
	if ((ch = node_map(doc)) == NULL ||
	    node_map_set(doc, e, "change", ch) != 0) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = inc_set(doc, ch, "field", field)) != 0 ||
	    (rc = inc_set(doc, ch, "from", old)) != 0 ||
	    (rc = inc_set(doc, ch, "to", v)) != 0)
		goto done;
	if (strcmp(field, "status") == 0 && strcmp(v, "closed") == 0) {
		snprintf(day, sizeof day, "%.10s", now);
		if ((rc = inc_set(doc, root, "closed", day)) != 0)
			goto done;
	}
	*changed = 1;
	rc = incident_timeline_check(root);
done:
	buf_free(&b);
	return rc;
}

/* --- the state on a day ---------------------------------------------- */

/*
 * The changes of field the timeline logged (incident_set()): *out is the
 * value after the last one before end (minutes), else the value before
 * the first one from end on; *out untouched when none says.  1 when a
 * change is logged from end on.
 */
static int
changed_before(const char **out, const struct node *root, const char *field,
    long end)
{
	const struct node	*tl = incident_timeline(root), *e, *ch;
	const struct node	*before = NULL, *after = NULL;
	long			 t, tb = 0, ta = 0;
	size_t			 i;

	for (i = 0; tl != NULL && i < tl->n; i++) {
		e = tl->u.items[i];
		ch = node_get(e, "change");
		if (!node_scalar_eq(node_get(e, "type"), "status") ||
		    !node_scalar_eq(node_get(ch, "field"), field) ||
		    (t = entry_time(e)) < 0)
			continue;
		/* of one time, the later seq (logged after) */
		if (t < end && (before == NULL || t > tb || (t == tb &&
		    entry_seq(e) > entry_seq(before)))) {
			before = e;
			tb = t;
		} else if (t >= end && (after == NULL || t < ta || (t == ta &&
		    entry_seq(e) < entry_seq(after)))) {
			after = e;
			ta = t;
		}
	}
	if (before != NULL)
		*out = node_get_str(node_get(before, "change"), "to");
	else if (after != NULL)
		*out = node_get_str(node_get(after, "change"), "from");
	return after != NULL;
}

/* The date under path is after d (1), by d (0), or none (-1). */
static int
day_after(const struct node *root, const char *path, struct cal_date d)
{
	struct cal_date	day;
	const char	*s = inc_path_str(root, path);

	if (s == NULL || cal_parse_iso(&day, s) != 0) {
		error_clear();
		return -1;
	}
	return cal_cmp(day, d) > 0;
}

/* Reported (else discovered, occurred) after d. */
static int
not_yet(const struct node *root, struct cal_date d)
{
	static const char *const start[] = { "reported", "discovered",
	    "occurred" };
	size_t	i;
	int	a;

	for (i = 0; i < sizeof start / sizeof start[0]; i++)
		if ((a = day_after(root, start[i], d)) >= 0)
			return a;
	return 0;
}

/* The incident was being dealt with by end: an action of the timeline. */
static int
responded(const struct node *root, long end)
{
	static const char *const types[] = { "containment", "isolation",
	    "eradication", "recovery", "notification", "decision", "triage",
	    "recovery-check" };
	const struct node	*tl = incident_timeline(root), *e;
	long			 t;
	size_t			 i, k;

	for (i = 0; tl != NULL && i < tl->n; i++) {
		e = tl->u.items[i];
		for (k = 0; k < sizeof types / sizeof types[0]; k++)
			if (node_scalar_eq(node_get(e, "type"), types[k]))
				break;
		if (k < sizeof types / sizeof types[0] &&
		    (t = entry_time(e)) >= 0 && t < end)
			return 1;
	}
	if (incident_time(&t, inc_path_str(root, "isolation.decided")) != 0) {
		error_clear();
		return 0;
	}
	return t < end;
}

const char *
incident_status_on(const struct node *root, struct cal_date d)
{
	const char	*status = node_get_str(root, "status"), *was = NULL;
	long		 end = (cal_days(d) + 1) * 1440L;
	int		 later;

	if (not_yet(root, d))
		return NULL;
	if (status == NULL)
		status = "reported";	/* the schema's default */
	later = changed_before(&was, root, "status", end);
	if (day_after(root, "closed", d) == 1 ||
	    day_after(root, "prevention.received", d) == 1 ||
	    day_after(root, "prevention.reviewed", d) == 1)
		later = 1;
	if (!later)
		return status;
	if (was != NULL)
		return was;
	/* no change logged: the step the record's dates show on d */
	if (day_after(root, "closed", d) == 0)
		return "closed";
	if (day_after(root, "prevention.received", d) == 0 ||
	    day_after(root, "prevention.reviewed", d) == 0)
		return "prevention";
	return responded(root, end) ? "responding" : "reported";
}

const char *
incident_severity_on(const struct node *root, struct cal_date d)
{
	const char	*sev = NULL;
	long		 end = (cal_days(d) + 1) * 1440L;
	int		 later;

	if (not_yet(root, d))
		return NULL;
	later = changed_before(&sev, root, "severity", end);
	/* a first change after d from none: no severity then */
	return later ? sev : node_get_str(root, "severity");
}

/* --- runs of the criteria ------------------------------------------------ */

static const char *
phase_title(const char *phase)
{
	return strcmp(phase, INCIDENT_TRIAGE) == 0 ? "遮断の判断" :
	    "復旧の判断";
}

/*
 * A fired rule as the 対応基準提案書 numbers it, 基準2: its place among
 * the rules of its phase in the catalog.  The catalog's ref (tr-02) is
 * an id of ours the ward never reads; 0 when the rule is not found.
 */
static size_t
rule_no(const struct node *catalog, const char *phase,
    const struct node *rule)
{
	const struct node	*rules = node_get(catalog, "rules"), *r;
	size_t			 i, no = 0;

	for (i = 0; rules != NULL && rules->kind == NODE_SEQ &&
	    i < rules->n; i++) {
		r = rules->u.items[i];
		if (!node_scalar_eq(node_get(r, "phase"), phase))
			continue;
		no++;
		if (r == rule)
			return no;
	}
	return 0;
}

/* 基準1、3, or the refs where a rule is not in the catalog. */
static void
rules_text(struct buf *b, const struct node *catalog, const char *phase,
    const struct incident_eval *ev, const char *action)
{
	size_t	i, no, n = 0;

	for (i = 0; i < ev->nfired; i++) {
		if (action != NULL && strcmp(ev->fired[i].action, action) != 0)
			continue;
		no = rule_no(catalog, phase, ev->fired[i].node);
		buf_puts(b, n++ > 0 ? "、" : "基準");
		if (no > 0)
			buf_printf(b, "%zu", no);
		else
			buf_puts(b, ev->fired[i].rule);
	}
}

int
incident_log_run(struct ydoc *doc, struct node *root,
    const struct incident_run *run, const struct incident_eval *ev,
    const char *now, long *seq_out)
{
	struct incident_question *qs = NULL;
	struct node		*e, *chk, *as, *a, *fs, *f;
	const char		*id = node_get_str(run->catalog, "id");
	const char		*ver = node_get_str(run->catalog, "version");
	const char		*title = NULL, *v;
	struct buf		 b = BUF_INIT;
	size_t			 nq, i, k;
	int			 rc;

	if ((rc = incident_questions(&qs, &nq, run->catalog,
	    run->phase)) != 0)
		return rc;
	if (ev->action_node != NULL)
		title = node_get_str(ev->action_node, "title");
	buf_printf(&b, "%s（判断基準による確認）：", phase_title(run->phase));
	if (ev->action != NULL) {
		buf_printf(&b, "推奨する対応は「%s」。該当した基準は",
		    title != NULL ? title : ev->action);
		rules_text(&b, run->catalog, run->phase, ev, NULL);
		buf_puts(&b, "。");
	} else
		buf_puts(&b, "該当する基準はない。");
	if ((rc = buf_ok(&b)) != 0)
		goto done;
	if ((rc = new_entry(&e, doc, root, run->at, strcmp(run->phase,
	    INCIDENT_TRIAGE) == 0 ? "triage" : "recovery-check", b.data,
	    run->by, now, seq_out)) != 0)
		goto done;
	if ((chk = node_map(doc)) == NULL ||
	    node_map_set(doc, e, "check", chk) != 0 ||
	    (as = node_seq(doc)) == NULL || (fs = node_seq(doc)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = inc_set(doc, chk, "phase", run->phase)) != 0 ||
	    (rc = inc_set(doc, chk, "catalog", id)) != 0 ||
	    (rc = inc_set(doc, chk, "version", ver)) != 0 ||
	    (rc = node_map_set(doc, chk, "answers", as)) != 0)
		goto done;
	/* In the catalog's order, each with the question as it reads now. */
	for (k = 0; k < nq; k++) {
		for (i = 0, v = NULL; i < run->nanswers; i++)
			if (strcmp(run->answers[i].key, qs[k].key) == 0)
				v = run->answers[i].value;
		if (v == NULL)
			continue;
		if ((a = node_map(doc)) == NULL ||
		    node_seq_push(doc, as, a) != 0 ||
		    (rc = inc_set(doc, a, "question", qs[k].key)) != 0 ||
		    (rc = inc_set(doc, a, "text", qs[k].text)) != 0 ||
		    (rc = inc_set(doc, a, "answer", v)) != 0 ||
		    (rc = inc_set(doc, a, "label",
		    incident_answer_label(&qs[k], v))) != 0) {
			if (rc == 0)
				rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
	}
	if (as->n == 0)
		node_map_remove(chk, "answers");
	if (ev->nfired > 0 &&
	    (rc = node_map_set(doc, chk, "fired", fs)) != 0)
		goto done;
	for (i = 0; i < ev->nfired; i++) {
		if ((f = node_map(doc)) == NULL ||
		    node_seq_push(doc, fs, f) != 0 ||
		    (rc = inc_set(doc, f, "rule", ev->fired[i].rule)) != 0 ||
		    (rc = inc_set(doc, f, "action",
		    ev->fired[i].action)) != 0) {
			if (rc == 0)
				rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
	}
	if (ev->action != NULL &&
	    ((rc = inc_set(doc, chk, "recommendation", ev->action)) != 0 ||
	    (title != NULL && (rc = inc_set(doc, chk, "recommendation_title",
	    title)) != 0)))
		goto done;
	rc = incident_timeline_check(root);
done:
	free(qs);
	buf_free(&b);
	return rc;
}

int
incident_decide(struct ydoc *doc, struct node *root,
    const struct incident_run *run, const struct incident_eval *ev)
{
	struct node	*iso;
	const char	*decision, *reason;
	struct buf	 b = BUF_INIT;
	size_t		 i, no;
	int		 rc;

	if (ev->action == NULL || ev->action_node == NULL)
		return error_set(NC_EINVALID, "no rule of the criteria applies;"
		    " there is no recommendation to record as the decision");
	if ((decision = node_get_str(ev->action_node, "decision")) == NULL)
		return error_set(NC_EINVALID, "action '%s' of the catalog says "
		    "no isolation decision (actions.decision)", ev->action);
	for (i = 0; i < ev->nfired; i++) {
		if (strcmp(ev->fired[i].action, ev->action) != 0)
			continue;
		reason = node_get_str(ev->fired[i].node, "reason");
		if (reason == NULL)
			continue;
		/* （基準2）, as the 対応基準提案書 numbers it */
		no = rule_no(run->catalog, run->phase, ev->fired[i].node);
		buf_printf(&b, "%s%s（", b.len > 0 ? "\n" : "", reason);
		if (no > 0)
			buf_printf(&b, "基準%zu）", no);
		else
			buf_printf(&b, "%s）", ev->fired[i].rule);
	}
	if ((rc = buf_ok(&b)) != 0)
		goto done;
	if ((iso = inc_child_map(doc, root, "isolation")) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = inc_set(doc, iso, "decision", decision)) != 0 ||
	    (rc = inc_set(doc, iso, "decided", run->at)) != 0 ||
	    (rc = inc_set(doc, iso, "criteria", node_get_str(run->catalog,
	    "id"))) != 0 ||
	    (b.len > 0 && (rc = inc_set(doc, iso, "reason", b.data)) != 0))
		goto done;
done:
	buf_free(&b);
	return rc;
}

void
incident_durations(double *to_contain, double *to_recover,
    const struct node *root)
{
	const struct node	*tl = incident_timeline(root), *e, *det, *iso;
	const char		*type;
	long			 d, t, contain = -1, recover = -1;
	size_t			 i;

	*to_contain = *to_recover = -1;
	if ((d = detection_of(root, &det)) < 0)
		return;
	for (i = 0; tl != NULL && i < tl->n; i++) {
		e = tl->u.items[i];
		type = node_get_str(e, "type");
		if (type == NULL || (t = entry_time(e)) < 0)
			continue;
		if (contain < 0 && (strcmp(type, "containment") == 0 ||
		    strcmp(type, "isolation") == 0))
			contain = t;
		if (recover < 0 && strcmp(type, "recovery") == 0)
			recover = t;
	}
	/*
	 * Without such entries, the record's network cut: a cut decided
	 * (isolate, partial) contains the incident, its 復旧日時 recovers
	 * it.  Records kept without a timeline but with both times gave
	 * 対応時間 no row at all.
	 */
	iso = node_get(root, "isolation");
	if (contain < 0 && (node_scalar_eq(node_get(iso, "decision"),
	    "isolate") || node_scalar_eq(node_get(iso, "decision"),
	    "partial")) && incident_time(&t, node_get_str(iso,
	    "decided")) == 0)
		contain = t;
	error_clear();
	if (recover < 0 && incident_time(&t, node_get_str(iso,
	    "restored")) == 0)
		recover = t;
	error_clear();
	if (contain >= d)
		*to_contain = (double)(contain - d) / 60.0;
	if (recover >= d)
		*to_recover = (double)(recover - d) / 60.0;
}
