/*
 * Audits a document would be wrong from: a second audit of one unit on
 * one day (a planning slip, or a record entered twice), a status the
 * recorded dates have moved past, a follow-up's copy of a finding that
 * differs from the finding it follows up, a result agreed by a 課長 who
 * is not the audited division's.
 */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "error.h"
#include "record.h"

static void	chief_lint(struct store *, const struct node *, const char *,
		    struct diags *);
static void	history_lint(struct store *, const struct node *,
		    const char *, struct diags *);
static void	risks_lint(const struct node *, const char *, struct diags *);

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL &&
	    strcmp(a, b) == 0);
}

int
audit_same_day(char **out, struct store *st, const char *target_org,
    const char *target_system, const char *date, const char *except)
{
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r;
	size_t			 i;
	int			 found = 0;

	*out = NULL;
	if (date == NULL)
		return 0;
	if (store_kind(&kind, st, "audit") != 0 ||
	    store_scan(&l, st, kind, 0, NULL) != 0) {
		error_clear();
		return 0;
	}
	for (i = 0; i < l.n && !found; i++) {
		if (except != NULL && strcmp(l.v[i].id, except) == 0)
			continue;
		if (record_load(&r, st, &l.v[i], NULL) != 0) {
			error_clear();
			continue;
		}
		if (same(record_field(r, "date"), date) &&
		    same(record_field(r, "target_org"), target_org) &&
		    same(record_field(r, "target_system"), target_system)) {
			found = 1;
			*out = strdup(l.v[i].id);
		}
		record_free(r);
	}
	reclist_free(&l);
	return found;
}

/* The status order of the schema, for a status behind its dates. */
static int
status_rank(const char *s)
{
	static const char *const order[] = { "planned", "in-progress",
	    "agreed", "reported", "following-up", "closed" };
	size_t	i;

	for (i = 0; s != NULL && i < sizeof order / sizeof order[0]; i++)
		if (strcmp(s, order[i]) == 0)
			return (int)i;
	return -1;
}

/*
 * A copied field of a carried finding against the original's: the
 * documents print the original's (audit_origin()).
 */
static void
carried_diff(struct diags *warns, const char *relpath, const char *num,
    const struct node *f, const struct node *of, const char *src,
    const char *key)
{
	const char	*a = node_get_str(of, key), *b = node_get_str(f, key);

	if (a == NULL || b == NULL || strcmp(a, b) == 0)
		return;
	diags_add(warns, relpath, 0, 0, "finding %s differs from finding %s"
	    " of %s it follows up: %s is '%s' there, '%s' here; the documents"
	    " print the original's", num, node_get_str(of, "number"), src,
	    key, a, b);
}

/*
 * A follow-up that checks again findings an earlier follow-up accepted
 * (records made otherwise than by `audit followup`, which leaves them
 * out): its documents would count them as open at its date.
 */
static void
prior_lint(struct store *st, const struct node *root, const char *relpath,
    struct diags *warns, int fy0)
{
	struct diags		 skip = DIAGS_INIT;
	struct record		**all = NULL, **v, **grown;
	struct audit_prior	 p;
	const char		*ref, *s = node_get_str(root, "fy");
	size_t			 nall = 0, n;
	int			 fy, fy1 = s != NULL ? atoi(s) : 0;

	if (!node_scalar_eq(node_get(root, "type"), "followup"))
		return;
	/*
	 * An earlier follow-up falls between the original and this one:
	 * their years only, not every year's audits for each follow-up
	 * (lint at 10 fiscal years took 1.6 × its time, half of it here).
	 * Years unknown: all of them (fy 0).
	 */
	if (fy0 <= 0 || fy1 <= 0 || fy0 > fy1)
		fy0 = fy1 = 0;
	for (fy = fy0; fy <= fy1; fy++) {
		if (audit_load_year(&v, &n, st, fy, &skip) != 0) {
			error_clear();
			goto done;
		}
		if ((grown = realloc(all, (nall + n + 1) *
		    sizeof *all)) == NULL) {
			audit_free_all(v, n);
			goto done;
		}
		all = grown;
		memcpy(all + nall, v, n * sizeof *v);
		nall += n;
		all[nall] = NULL;
		free(v);
	}
	audit_prior(&p, all, nall, root);
	if (p.naccepted > 0) {
		ref = node_get_str(p.accepted_by, "ref_no");
		diags_add(warns, relpath, 0, 0, "%zu of its %zu findings had "
		    "been accepted already by the earlier follow-up %s%s%s%s "
		    "of %s: a follow-up covers only the findings still open "
		    "at its date", p.naccepted, p.n,
		    node_get_str(p.accepted_by, "id"), ref != NULL ? " (" :
		    "", ref != NULL ? ref : "", ref != NULL ? ")" : "",
		    node_get_str(p.accepted_by, "date"));
	}
done:
	diags_free(&skip);
	audit_free_all(all, nall);
}

/* A 課長's position: 課長 in it, but not 課長補佐 or 課長代理. */
static int
is_kacho(const char *pos)
{
	const char	*p;

	for (p = pos; p != NULL && (p = strstr(p, "課長")) != NULL; p += 6)
		if (strncmp(p + 6, "補佐", 6) != 0 &&
		    strncmp(p + 6, "代理", 6) != 0)
			return 1;
	return 0;
}

/* Two names alike but for spaces, ASCII or full-width (例示 和夫). */
static int
same_name(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ' || strncmp(a, "　", 3) == 0)
			a += *a == ' ' ? 1 : 3;
		while (*b == ' ' || strncmp(b, "　", 3) == 0)
			b += *b == ' ' ? 1 : 3;
		if (*a != *b)
			return 0;
		if (*a == '\0')
			return 1;
		a++;
		b++;
	}
}

/*
 * 3(2)エ: the results are agreed with the audited unit's 情報セキュリティ
 * 責任者, its 課長.  An agreement.by in a 課長's position who is not the
 * 課長 among the auditees (of the audited organisation, when they name
 * one) is someone else's signature on the 概要報告書's 結果の合意.
 */
static void
agreement_lint(const struct node *root, const char *relpath,
    struct diags *warns)
{
	const struct node	*ag = node_get(root, "agreement"), *by, *as, *a;
	const char		*org = node_get_str(root, "target_org");
	const char		*pos = node_get_str(ag, "position"), *p, *o, *nm;
	const char		*head = NULL;
	size_t			 i, ihead = 0;

	if ((by = node_get(ag, "by")) == NULL || by->kind != NODE_SCALAR ||
	    pos == NULL || !is_kacho(pos))
		return;
	as = node_get(root, "auditees");
	for (i = 0; as != NULL && as->kind == NODE_SEQ && i < as->n; i++) {
		a = as->u.items[i];
		if ((p = node_get_str(a, "position")) == NULL ||
		    !is_kacho(p) || (nm = node_get_str(a, "name")) == NULL)
			continue;
		if ((o = node_get_str(a, "org")) != NULL && org != NULL &&
		    strcmp(o, org) != 0)
			continue;
		if (same_name(nm, by->u.s.str))
			return;
		if (head == NULL) {
			head = nm;
			ihead = i;
		}
	}
	if (head != NULL)
		diags_add(warns, relpath, by->line, by->col, "agreement.by "
		    "'%s' (%s) is not the audited division's 課長 among the "
		    "auditees ('%s', auditees[%zu]): the results are agreed "
		    "with the auditee's 情報セキュリティ責任者, its 課長",
		    by->u.s.str, pos, head, ihead);
}

void
audit_lint(struct store *st, const struct node *root, const char *relpath,
    struct diags *warns)
{
	static const char *const keys[] = { "grade", "item", "finding",
	    "correction" };
	const struct node	*fs, *f, *of;
	struct record		*or = NULL;
	const char		*status = node_get_str(root, "status");
	const char		*s, *num, *orid = NULL, *id, *src;
	char			*end;
	size_t			 i, k;
	int			 rank = status_rank(status), found, fy0 = 0;

	/* the dates are the history; the documents follow them */
	if (rank >= 0 && rank < 3 &&
	    (s = node_get_str(root, "reported")) != NULL)
		diags_add(warns, relpath, 0, 0, "status is '%s' but the report"
		    " is dated %s (reported): 'reported' or later was expected;"
		    " the documents follow the date", status, s);
	else if (rank >= 0 && rank < 2 &&
	    (s = node_get_str(node_get(root, "agreement"), "date")) != NULL)
		diags_add(warns, relpath, 0, 0, "status is '%s' but the"
		    " agreement is dated %s (agreement.date): 'agreed' or later"
		    " was expected; the documents follow the date", status, s);
	agreement_lint(root, relpath, warns);
	fs = audit_findings(root);
	for (i = 0; fs != NULL && i < fs->n; i++) {
		f = fs->u.items[i];
		if ((num = node_get_str(f, "number")) == NULL)
			num = "?";
		/*
		 * The original audit loaded once for its findings (a
		 * follow-up's twelve loaded it twelve times: lint 1.4 ×)
		 */
		id = node_get_str(f, "from_audit");
		of = NULL;
		found = -2;
		if (id != NULL && or != NULL && strcmp(id, orid) == 0) {
			s = node_get_str(f, "from_finding");
			found = s == NULL ? 0 : (of = audit_finding(
			    record_root(or), strtol(s, &end, 10))) != NULL &&
			    *end == '\0' ? 1 : -1;
			/* a copy in a follow-up: the chain goes on */
			if (found == 1 && node_get_str(of, "from_audit"))
				found = -2;
		}
		if (found == -2) {
			record_free(or);
			or = NULL;
			orid = NULL;
			if ((found = audit_origin(&or, &of, st, f)) == 1) {
				orid = record_id(or);
				/* the earliest original's year */
				if ((s = record_field(or, "fy")) != NULL &&
				    (fy0 == 0 || atoi(s) < fy0))
					fy0 = atoi(s);
			}
		}
		switch (found) {
		case 0:
			continue;
		case -1:
			diags_add(warns, relpath, 0, 0, "finding %s follows up"
			    " finding %s of %s (from_audit, from_finding),"
			    " which is not in the data directory", num,
			    node_get_str(f, "from_finding"),
			    node_get_str(f, "from_audit"));
			continue;
		}
		src = record_id(or);
		/* `audit followup` names the audit that made the finding */
		if (strcmp(src, id) != 0)
			diags_add(warns, relpath, 0, 0, "finding %s follows up"
			    " finding %s of %s (from_audit, from_finding), a"
			    " follow-up; the finding was made by %s%s%s%s as"
			    " its finding %s: from_audit and from_finding name"
			    " that audit, as `audit followup` writes them",
			    num, node_get_str(f, "from_finding"), id, src,
			    record_field(or, "ref_no") ? " (" : "",
			    record_field(or, "ref_no") ? record_field(or,
			    "ref_no") : "", record_field(or, "ref_no") ? ")" :
			    "", node_get_str(of, "number"));
		for (k = 0; k < sizeof keys / sizeof keys[0]; k++)
			carried_diff(warns, relpath, num, f, of, src, keys[k]);
		/*
		 * `audit finding` copies a status back; the later one
		 * counts: a follow-up followed up again keeps what it found
		 * (the second one's accepted warned on the first: gen18)
		 */
		if (node_get_str(root, "followup") == NULL &&
		    (s = node_get_str(f, "status")) != NULL &&
		    node_get_str(of, "status") != NULL &&
		    strcmp(s, node_get_str(of, "status")) != 0)
			diags_add(warns, relpath, 0, 0, "finding %s is '%s' but"
			    " finding %s of %s it follows up is '%s': the"
			    " documents take the follow-up's", num, s,
			    node_get_str(of, "number"), src,
			    node_get_str(of, "status"));
	}
	record_free(or);
	history_lint(st, root, relpath, warns);
	prior_lint(st, root, relpath, warns, fy0);
	chief_lint(st, root, relpath, warns);
	risks_lint(root, relpath, warns);
}

/*
 * The team as the 作業実施計画書 gives it: its 3 実施体制 names the
 * 最高情報セキュリティアドバイザー (members, role ciso-advisor) for the
 * security work 「（主任監査員）」, so an audit led by anyone else
 * contradicts the plan the ward approved (rev19a M8).  A directory with
 * no ciso-advisor has nothing to compare with.
 */
static void
chief_lint(struct store *st, const struct node *root, const char *relpath,
    struct diags *warns)
{
	const struct node	*conf = NULL, *ms, *m;
	const char		*chief = node_get_str(root, "chief_auditor");
	const char		*role = NULL, *id, *ciso = NULL;
	size_t			 i;

	if (chief == NULL || store_config(&conf, st) != 0) {
		error_clear();
		return;
	}
	ms = node_get(conf, "members");
	for (i = 0; ms != NULL && ms->kind == NODE_SEQ && i < ms->n; i++) {
		m = ms->u.items[i];
		if ((id = node_get_str(m, "id")) == NULL)
			continue;
		if (same(node_get_str(m, "role"), "ciso-advisor")) {
			if (strcmp(id, chief) == 0)
				return;
			if (ciso == NULL)
				ciso = id;
		}
		if (strcmp(id, chief) == 0)
			role = node_get_str(m, "role");
	}
	if (ciso != NULL)
		diags_add(warns, relpath, 0, 0, "chief_auditor is %s (%s), but"
		    " the 作業実施計画書 names the ciso-advisor (%s) 主任監査員:"
		    " the 概要報告書 and 監査一覧 would contradict the plan",
		    chief, role != NULL ? role : "not a member", ciso);
}

/*
 * One risk written twice in one audit (risks[].risk): the リスク一覧 and
 * the 最終報告書 show the row twice (rev19b T2).
 */
static void
risks_lint(const struct node *root, const char *relpath, struct diags *warns)
{
	const struct node	*rs = node_get(root, "risks");
	const char		*a, *b;
	size_t			 i, j;

	if (rs == NULL || rs->kind != NODE_SEQ)
		return;
	for (i = 1; i < rs->n; i++) {
		if ((a = node_get_str(rs->u.items[i], "risk")) == NULL)
			continue;
		for (j = 0; j < i; j++)
			if ((b = node_get_str(rs->u.items[j], "risk")) !=
			    NULL && strcmp(a, b) == 0)
				break;
		if (j < i)
			diags_add(warns, relpath, 0, 0, "risks[%zu].risk is the"
			    " same as risks[%zu].risk (「%s」): one risk listed"
			    " twice in one audit", i, j, a);
	}
}

/*
 * Findings' status histories (status_history: date, from, to), which the
 * documents of an earlier day read (audit_hist_status()): each change
 * dated no earlier than the one above it and than the audit that made the
 * finding, from the status the one above it left, to a 是正状況; the last
 * change the finding's status; and none after a follow-up's 是正確認済
 * that says otherwise.
 */
static int
is_fstatus(const char *s)
{
	return strcmp(s, "open") == 0 || strcmp(s, "in-progress") == 0 ||
	    strcmp(s, "corrected") == 0 || strcmp(s, "accepted") == 0;
}

/* The records of the follow-ups of an audit, its followup's chain. */
struct fus {
	struct record	*rec[8];
	size_t		 n;
};

static void
fus_load(struct fus *l, struct store *st, const struct node *root)
{
	const struct schema	*kind;
	struct recref		 ref;
	struct reclist		 m = RECLIST_INIT;
	struct record		*r;
	const char		*id = node_get_str(root, "followup");
	size_t			 i;

	memset(l, 0, sizeof *l);
	if (store_kind(&kind, st, "audit") != 0) {
		error_clear();
		return;
	}
	while (id != NULL && l->n < sizeof l->rec / sizeof l->rec[0]) {
		for (i = 0; i < l->n; i++)	/* a loop by hand */
			if (strcmp(record_id(l->rec[i]), id) == 0)
				return;
		memset(&ref, 0, sizeof ref);
		r = NULL;
		if (store_find(&ref, &m, st, kind, id) != 0 ||
		    record_load(&r, st, &ref, NULL) != 0)
			r = NULL;
		error_clear();
		reclist_free(&m);
		free(ref.id);
		free(ref.relpath);
		if (r == NULL)
			return;
		l->rec[l->n++] = r;
		id = record_field(r, "followup");
	}
}

/*
 * The earliest follow-up carried out (not 計画) of l that accepts finding
 * num of audit id: its date, the follow-up in *by.
 */
static const char *
fus_accepted(const struct fus *l, const char *id, const char *num,
    const char **by)
{
	const struct node	*fs, *g;
	const char		*d, *best = NULL;
	size_t			 i, k;

	for (i = 0; i < l->n; i++) {
		const struct node *fu = record_root(l->rec[i]);

		if ((d = node_get_str(fu, "date")) == NULL ||
		    node_scalar_eq(node_get(fu, "status"), "planned"))
			continue;
		fs = audit_findings(fu);
		for (k = 0; fs != NULL && k < fs->n; k++) {
			g = fs->u.items[k];
			if (node_scalar_eq(node_get(g, "from_audit"), id) &&
			    node_scalar_eq(node_get(g, "from_finding"), num) &&
			    node_scalar_eq(node_get(g, "status"), "accepted") &&
			    (best == NULL || strcmp(d, best) < 0)) {
				best = d;
				*by = record_id(l->rec[i]);
			}
		}
	}
	return best;
}

static void
history_lint(struct store *st, const struct node *root, const char *relpath,
    struct diags *warns)
{
	const struct node	*fs = audit_findings(root), *f, *h, *e, *prev;
	const char		*id = node_get_str(root, "id");
	const char		*start, *status, *num, *d, *pd, *from, *to;
	const char		*pto, *acc, *by = NULL;
	struct fus		 l;
	size_t			 i, k;
	int			 loaded = 0;

	memset(&l, 0, sizeof l);
	for (i = 0; fs != NULL && fs->kind == NODE_SEQ && i < fs->n; i++) {
		f = fs->u.items[i];
		h = node_get(f, "status_history");
		if (h == NULL || h->kind != NODE_SEQ || h->n == 0)
			continue;
		num = node_get_str(f, "number");
		/* a copy's changes follow the audit that made it, not its
		 * follow-up (the auditee may answer before that) */
		start = node_get_str(f, "from_audit") == NULL ?
		    node_get_str(root, "date") : NULL;
		acc = NULL;
		if (node_get_str(f, "from_audit") == NULL && id != NULL &&
		    num != NULL) {
			if (!loaded) {
				fus_load(&l, st, root);
				loaded = 1;
			}
			acc = fus_accepted(&l, id, num, &by);
		}
		for (k = 0, prev = NULL; k < h->n; k++, prev = e) {
			e = h->u.items[k];
			d = node_get_str(e, "date");
			from = node_get_str(e, "from");
			to = node_get_str(e, "to");
			pd = prev != NULL ? node_get_str(prev, "date") : NULL;
			if (d != NULL && pd != NULL && strcmp(d, pd) < 0)
				diags_add(warns, relpath, e->line, e->col,
				    "findings[%zu].status_history[%zu].date %s"
				    " is before the change above it (%s): the"
				    " changes are logged in the order they were"
				    " made, and the documents of an earlier day"
				    " read them", i, k, d, pd);
			if (d != NULL && start != NULL && strcmp(d, start) < 0)
				diags_add(warns, relpath, e->line, e->col,
				    "findings[%zu].status_history[%zu].date %s"
				    " is before the audit's date (%s), when the"
				    " finding was made", i, k, d, start);
			if (from != NULL && !is_fstatus(from))
				diags_add(warns, relpath, e->line, e->col,
				    "findings[%zu].status_history[%zu].from"
				    " '%s' is not a 是正状況 (open, in-progress,"
				    " corrected or accepted)", i, k, from);
			if (to != NULL && !is_fstatus(to))
				diags_add(warns, relpath, e->line, e->col,
				    "findings[%zu].status_history[%zu].to '%s'"
				    " is not a 是正状況 (open, in-progress,"
				    " corrected or accepted)", i, k, to);
			pto = prev != NULL ? node_get_str(prev, "to") : NULL;
			if (pto != NULL && from != NULL && strcmp(from, pto) !=
			    0)
				diags_add(warns, relpath, e->line, e->col,
				    "findings[%zu].status_history[%zu] changes"
				    " from '%s', but the change before it left"
				    " '%s'", i, k, from, pto);
			if (acc != NULL && d != NULL && to != NULL &&
			    strcmp(d, acc) > 0 && strcmp(to, "accepted") != 0)
				diags_add(warns, relpath, e->line, e->col,
				    "findings[%zu].status_history[%zu] makes"
				    " finding %s '%s' on %s, after the follow-up"
				    " %s accepted it (是正確認済) on %s: a"
				    " finding confirmed corrected is so from then"
				    " on in the documents", i, k, num, to, d, by,
				    acc);
		}
		e = h->u.items[h->n - 1];
		to = node_get_str(e, "to");
		if ((status = node_get_str(f, "status")) == NULL)
			status = "open";
		if (to != NULL && strcmp(status, to) != 0)
			diags_add(warns, relpath, e->line, e->col,
			    "findings[%zu].status '%s' is not the last change "
			    "logged in its status_history ('%s'): a status "
			    "changed without its change logged, of a day the "
			    "documents cannot know", i, status, to);
	}
	for (i = 0; i < l.n; i++)
		record_free(l.rec[i]);
}
