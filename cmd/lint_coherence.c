/*
 * lint: records that contradict themselves in a way a reader of the
 * documents sees (issue 18, rev21a M7, rev21b M3, rev21c T9): the same
 * agenda item twice in one meeting, an incident's 報告受理日 on another day
 * than the 第一報 its timeline records, an audit item judged 不適合 that no
 * finding follows from.  Warnings only: the record is valid.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "error.h"
#include "node.h"
#include "lint_coherence.h"
#include "text.h"

static const char *
seq_str(const struct node *seq, size_t i, const char *key)
{
	return node_get_str(seq->u.items[i], key);
}

static int
is_seq(const struct node *n)
{
	return n != NULL && n->kind == NODE_SEQ;
}

/*
 * The 次第 and 議事録 print each agenda item with its own number.  Each
 * title again names its first (text_first_same(): sorted, not every
 * pair).
 */
static void
meeting_coherence(const struct node *rec, const char *path,
    struct diags *w)
{
	const struct node	*ag = node_get(rec, "agenda");
	const char		**t;
	size_t			*first, i;

	if (!is_seq(ag) || ag->n < 2)
		return;
	t = calloc(ag->n, sizeof *t);
	first = calloc(ag->n, sizeof *first);
	for (i = 0; t != NULL && i < ag->n; i++)
		t[i] = seq_str(ag, i, "title");
	if (t == NULL || first == NULL ||
	    text_first_same(first, t, ag->n) != 0) {
		error_clear();	/* a warning only: none, short of memory */
		ag = NULL;
	}
	for (i = 0; ag != NULL && i < ag->n; i++)
		if (first[i] != i)
			diags_add(w, path, ag->u.items[i]->line,
			    ag->u.items[i]->col, "agenda[%zu].title is the "
			    "same as agenda[%zu].title (「%s」): the 次第 and "
			    "議事録 list one item twice; one item, or titles "
			    "that tell them apart, was expected", i, first[i],
			    t[i]);
	free(t);
	free(first);
}

/*
 * 報告受理日 (reported) is the day 情報政策課 received the 第一報: the
 * timeline's 'report: ward-first' entry.  The 事故等報告書 prints both.
 */
static void
incident_coherence(const struct node *rec, const char *path,
    struct diags *w)
{
	const struct node	*tl = node_get(rec, "timeline");
	const struct node	*rp = node_get(rec, "reported");
	const char		*rv = node_get_str(rec, "reported"), *at;
	size_t			 i;

	if (rv == NULL || strlen(rv) < 10)
		return;
	for (i = 0; is_seq(tl) && i < tl->n; i++) {
		if (!node_scalar_eq(node_get(tl->u.items[i], "report"),
		    "ward-first") || (at = seq_str(tl, i, "at")) == NULL ||
		    strlen(at) < 10)
			continue;
		if (strncmp(at, rv, 10) != 0)
			diags_add(w, path, rp->line, rp->col, "reported %s "
			    "is not the day of the 第一報 (timeline[%zu], "
			    "report: ward-first, at %.10s): the 事故等報告書 "
			    "prints both as the day 情報政策課 was told; "
			    "reported %.10s was expected", rv, i, at, at);
		return;
	}
}

/*
 * Once the audit's results are agreed, each item judged 不適合 or 一部
 * 不適合 leads to a finding on it (findings[].item): the 監査調書 shows
 * the judgement, and the findings what is to be corrected.
 */
static void
audit_coherence(const struct node *rec, const char *path, struct diags *w)
{
	static const char *const undone[] = { "planned", "in-progress", NULL };
	const struct node	*items = node_get(rec, "items");
	const struct node	*fs = node_get(rec, "findings"), *it;
	const char		*ref, *res, *st = node_get_str(rec, "status");
	size_t			 i, j, k;

	for (k = 0; st != NULL && undone[k] != NULL; k++)
		if (strcmp(st, undone[k]) == 0)
			return;
	if (st == NULL)
		return;
	for (i = 0; is_seq(items) && i < items->n; i++) {
		it = items->u.items[i];
		res = node_get_str(it, "result");
		if (res == NULL || (strcmp(res, "nonconform") != 0 &&
		    strcmp(res, "partial") != 0) ||
		    (ref = node_get_str(it, "ref")) == NULL)
			continue;
		for (j = 0; is_seq(fs) && j < fs->n; j++)
			if (node_scalar_eq(node_get(fs->u.items[j], "item"),
			    ref))
				break;
		if (!is_seq(fs) || j == fs->n)
			diags_add(w, path, it->line, it->col, "items[%zu] "
			    "(%s) is judged '%s' but no finding is on it "
			    "(findings[].item): the 監査調書 shows a 不適合 "
			    "that leads to nothing to correct; a finding on "
			    "%s, or another result, was expected", i, ref, res,
			    ref);
	}
}

void
lint_coherence(const char *kind, const struct node *rec, const char *path,
    struct diags *w)
{
	if (kind == NULL)
		return;
	if (strcmp(kind, "meeting") == 0)
		meeting_coherence(rec, path, w);
	else if (strcmp(kind, "incident") == 0)
		incident_coherence(rec, path, w);
	else if (strcmp(kind, "audit") == 0)
		audit_coherence(rec, path, w);
}
