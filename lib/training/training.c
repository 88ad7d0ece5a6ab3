/*
 * Trainings as the rest of the module sees them: a training record read
 * into plain fields, its frozen questions and its answers decoded from
 * the compact per-respondent strings ("2 1 3+4 - *").
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "i18n.h"
#include "record.h"
#include "store.h"
#include "training.h"
#include "training_int.h"

static const char *const qtype_names[] = {
	"scale", "single", "multiple", "text"
};

const char *
tr_qtype_name(enum tr_qtype t)
{
	return (unsigned)t < 4 ? qtype_names[t] : "?";
}

int
tr_qtype_parse(enum tr_qtype *out, const char *s)
{
	size_t	i;

	for (i = 0; s != NULL && i < 4; i++) {
		if (strcmp(s, qtype_names[i]) == 0) {
			*out = (enum tr_qtype)i;
			return 0;
		}
	}
	return error_set(NC_EINVALID, "'%s' is not a question type (scale,"
	    " single, multiple or text)", s != NULL ? s : "");
}

int
tr_popcount(unsigned v)
{
	int	n = 0;

	for (; v != 0; v &= v - 1)
		n++;
	return n;
}

/* ---- small readers over the tree ---------------------------------- */

const char *
tr_str(const struct node *map, const char *key)
{
	return map != NULL && map->kind == NODE_MAP ? node_get_str(map, key) :
	    NULL;
}

int
tr_bool(const struct node *map, const char *key)
{
	const char	*s = tr_str(map, key);

	return s != NULL && strcmp(s, "true") == 0;
}

long
tr_long(const struct node *map, const char *key, long def)
{
	const char	*s = tr_str(map, key);
	char		*end;
	long		 v;

	if (s == NULL || *s == '\0')
		return def;
	v = strtol(s, &end, 10);
	return *end == '\0' ? v : def;
}

double
tr_double(const struct node *map, const char *key)
{
	const char	*s = tr_str(map, key);
	char		*end;
	double		 v;

	if (s == NULL || *s == '\0')
		return NAN;
	v = strtod(s, &end);
	return *end == '\0' ? v : NAN;
}

struct cal_date
tr_date(const struct node *map, const char *key)
{
	struct cal_date	 d = { 0, 0, 0 };
	const char	*s = tr_str(map, key);

	if (s == NULL || cal_parse_iso(&d, s) != 0)
		memset(&d, 0, sizeof d);
	return d;
}

const struct node *
tr_seq(const struct node *map, const char *key)
{
	const struct node	*n;

	if (map == NULL || map->kind != NODE_MAP)
		return NULL;
	n = node_get(map, key);
	return n != NULL && n->kind == NODE_SEQ ? n : NULL;
}

/* A sequence of scalars as a NULL-terminated array (the strings borrowed). */
int
tr_strs(const char ***out, size_t *nout, const struct node *seq)
{
	const char	**v;
	size_t		  i, n = 0;

	*out = NULL;
	*nout = 0;
	if (seq == NULL)
		return 0;
	if ((v = calloc(seq->n + 1, sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < seq->n; i++)
		if (seq->u.items[i]->kind == NODE_SCALAR)
			v[n++] = seq->u.items[i]->u.s.str;
	*out = v;
	*nout = n;
	return 0;
}

void
tr_diag(struct diags *d, const char *path, const struct node *at,
    const char *fmt, ...)
{
	va_list	ap;
	char	msg[1024];

	if (d == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, _(fmt), ap);
	va_end(ap);
	diags_add(d, path, at != NULL ? at->line : 0, at != NULL ? at->col : 0,
	    "%s", msg);
}

/* ---- questions ---------------------------------------------------- */

int
tr_question_read(struct tr_question *q, const struct node *m)
{
	const struct node	*ch, *key;
	const char		*s;
	size_t			 i;
	long			 k;
	int			 r;

	memset(q, 0, sizeof *q);
	q->node = m;
	q->ref = tr_str(m, "ref");
	q->bank = tr_str(m, "bank");
	q->type = TR_Q_SINGLE;
	if ((s = tr_str(m, "type")) != NULL &&
	    tr_qtype_parse(&q->type, s) != 0)
		q->type = TR_Q_SINGLE;
	error_clear();
	q->topic = tr_str(m, "topic");
	q->clause = tr_str(m, "clause");
	q->text = tr_str(m, "text");
	q->explanation = tr_str(m, "explanation");
	q->satisfaction = tr_bool(m, "satisfaction");
	q->fixed = tr_bool(m, "fixed");
	if ((ch = tr_seq(m, "choices")) != NULL) {
		for (i = 0; i < ch->n && q->nchoices < TR_MAXCHOICES; i++)
			if (ch->u.items[i]->kind == NODE_SCALAR)
				q->choices[q->nchoices++] =
				    ch->u.items[i]->u.s.str;
	}
	if ((key = tr_seq(m, "key")) != NULL) {
		for (i = 0; i < key->n; i++) {
			if (key->u.items[i]->kind != NODE_SCALAR)
				continue;
			k = strtol(key->u.items[i]->u.s.str, NULL, 10);
			/* out of range keys are reported by the check */
			if (k >= 1 && k <= 16)
				q->key |= 1u << (k - 1);
			else
				q->key |= 0x10000u;
		}
	}
	if ((r = tr_strs(&q->audiences, &q->naudiences,
	    tr_seq(m, "audiences"))) != 0)
		return r;
	return 0;
}

void
tr_question_free(struct tr_question *q)
{
	if (q == NULL)
		return;
	free(q->audiences);
	q->audiences = NULL;
}

size_t
tr_question_check(const struct tr_question *q, enum tr_part part,
    const char *path, struct diags *d)
{
	const struct node	*at = q->node;
	const struct node	*key = tr_seq(at, "key");
	const char		*ref = q->ref != NULL ? q->ref : "?";
	size_t			 bad = 0, i, j;
	int			 nk = tr_popcount(q->key & 0xffffu);

	if (key != NULL)
		at = key;
	if (part == TR_TEST) {
		if (q->type != TR_Q_SINGLE && q->type != TR_Q_MULTIPLE) {
			tr_diag(d, path, q->node, "test item '%s': a test item"
			    " is single or multiple choice, not %s", ref,
			    tr_qtype_name(q->type));
			bad++;
		}
		if (q->nchoices < 2) {
			tr_diag(d, path, q->node, "test item '%s': %zu choice%s;"
			    " a test item needs two or more", ref, q->nchoices,
			    q->nchoices == 1 ? "" : "s");
			bad++;
		}
		if (key == NULL || key->n == 0) {
			tr_diag(d, path, q->node, "test item '%s' has no key:"
			    " say which choice is correct (key: [N])", ref);
			bad++;
		} else if (q->type == TR_Q_SINGLE && key->n > 1) {
			tr_diag(d, path, at, "test item '%s' is single choice"
			    " but has %zu keys; give one, or make it multiple"
			    " choice", ref, key->n);
			bad++;
		}
		if (key != NULL && (size_t)nk != key->n && !(q->key &
		    0x10000u)) {
			tr_diag(d, path, at, "test item '%s': a key is given"
			    " twice", ref);
			bad++;
		}
		if (key != NULL && ((q->key & 0x10000u) ||
		    (q->key & ~((1u << q->nchoices) - 1u)) != 0)) {
			tr_diag(d, path, at, "test item '%s': a key is not one"
			    " of its %zu choices", ref, q->nchoices);
			bad++;
		}
		if (key != NULL && q->type == TR_Q_MULTIPLE && q->nchoices >
		    0 && (size_t)nk >= q->nchoices && key->n > 0) {
			tr_diag(d, path, at, "test item '%s': every choice is a"
			    " key; leave at least one wrong choice", ref);
			bad++;
		}
	} else {
		if (key != NULL) {
			tr_diag(d, path, at, "survey question '%s' has a key;"
			    " survey questions have no right answer", ref);
			bad++;
		}
		switch (q->type) {
		case TR_Q_SCALE:
			if (q->nchoices != 5) {
				tr_diag(d, path, q->node, "survey question '%s'"
				    " is a 5-point scale but has %zu labels;"
				    " give five, best first", ref, q->nchoices);
				bad++;
			}
			break;
		case TR_Q_SINGLE:
		case TR_Q_MULTIPLE:
			if (q->nchoices < 2) {
				tr_diag(d, path, q->node, "survey question '%s'"
				    " needs two or more choices", ref);
				bad++;
			}
			break;
		case TR_Q_TEXT:
			if (q->nchoices > 0) {
				tr_diag(d, path, q->node, "survey question '%s'"
				    " is free text but has choices", ref);
				bad++;
			}
			break;
		}
		if (q->satisfaction && q->type != TR_Q_SCALE) {
			tr_diag(d, path, q->node, "survey question '%s': only"
			    " a 5-point scale can be the satisfaction question",
			    ref);
			bad++;
		}
	}
	for (i = 0; i < q->nchoices; i++) {
		for (j = 0; j < i; j++) {
			if (strcmp(q->choices[i], q->choices[j]) == 0) {
				tr_diag(d, path, q->node, "question '%s':"
				    " choices %zu and %zu are the same ('%s')",
				    ref, j + 1, i + 1, q->choices[i]);
				bad++;
			}
		}
	}
	return bad;
}

/* ---- answers ------------------------------------------------------ */

/*
 * Decode one answers string against the questions: into sel[0..nq).
 * Problems go to d at the node.
 */
static int
decode(uint16_t *sel, const char *s, const struct tr_question *q, size_t nq,
    const char *who, const char *path, const struct node *at,
    struct diags *d)
{
	const char	*p = s;
	size_t		 i = 0;
	unsigned	 v, c;
	int		 bad = 0;

	while (*p != '\0') {
		if (i >= nq) {
			tr_diag(d, path, at, "%s: more answers than the %zu"
			    " questions", who, nq);
			return -1;
		}
		v = 0;
		if (*p == ' ') {
			tr_diag(d, path, at, "%s: answers are separated by"
			    " single spaces", who);
			return -1;
		}
		if (*p == '-') {
			p++;
		} else if (*p == '*') {
			v = TR_SEL_TEXT;
			p++;
		} else {
			for (;;) {
				if (*p < '1' || *p > '9') {
					tr_diag(d, path, at, "%s: answer %zu is"
					    " not a choice number", who, i + 1);
					return -1;
				}
				c = (unsigned)(*p - '1');
				if (v & (1u << c)) {
					tr_diag(d, path, at, "%s: question %zu:"
					    " choice %u given twice", who,
					    i + 1, c + 1);
					bad = 1;
				}
				v |= 1u << c;
				p++;
				if (*p != '+')
					break;
				p++;
			}
		}
		if (*p == ' ')
			p++;
		else if (*p != '\0') {
			tr_diag(d, path, at, "%s: answers are separated by"
			    " single spaces", who);
			return -1;
		}
		if (v == TR_SEL_TEXT && q[i].type != TR_Q_TEXT) {
			tr_diag(d, path, at, "%s: question %zu is not free"
			    " text, but the answer is '*'", who, i + 1);
			bad = 1;
		} else if (v != 0 && v != TR_SEL_TEXT) {
			if (q[i].type == TR_Q_TEXT) {
				tr_diag(d, path, at, "%s: question %zu is free"
				    " text, but the answer is a choice", who,
				    i + 1);
				bad = 1;
			} else if ((v >> q[i].nchoices) != 0) {
				tr_diag(d, path, at, "%s: question %zu has %zu"
				    " choices; the answer is outside them",
				    who, i + 1, q[i].nchoices);
				bad = 1;
			} else if (q[i].type != TR_Q_MULTIPLE &&
			    tr_popcount(v) > 1) {
				tr_diag(d, path, at, "%s: question %zu takes"
				    " one choice, the answer has %d", who,
				    i + 1, tr_popcount(v));
				bad = 1;
			}
		}
		sel[i++] = (uint16_t)v;
	}
	if (i != nq) {
		tr_diag(d, path, at, "%s: %zu answer%s for %zu questions", who,
		    i, i == 1 ? "" : "s", nq);
		return -1;
	}
	return bad ? -1 : 0;
}

static int
read_sheet(struct training *t, enum tr_part part, const struct node *seq,
    const char *path, struct diags *d)
{
	struct tr_sheet		*sh = &t->answers[part];
	const struct tr_question *q = t->items[part];
	const struct node	*row, *texts, *tx;
	struct strmap		*seen = NULL;
	const char		*ans, *txt;
	char			 who[96];
	size_t			 i, j, nq = t->nitems[part];
	long			 qn;
	int			 bad = 0, rc = 0;

	sh->nq = nq;
	if (seq == NULL || seq->n == 0)
		return 0;
	sh->who = calloc(seq->n, sizeof *sh->who);
	sh->sel = calloc(seq->n * (nq > 0 ? nq : 1), sizeof *sh->sel);
	if (part == TR_SURVEY)
		sh->text = calloc(seq->n * (nq > 0 ? nq : 1),
		    sizeof *sh->text);
	if (sh->who == NULL || sh->sel == NULL || (part == TR_SURVEY &&
	    sh->text == NULL) || (seen = strmap_new()) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < seq->n; i++) {
		struct tr_resp	*w = &sh->who[sh->n];

		row = seq->u.items[i];
		w->node = row;
		w->code = tr_str(row, "respondent");
		w->org = tr_str(row, "org");
		w->correct = (int)tr_long(row, "correct", -1);
		snprintf(who, sizeof who, "%s '%s'", part == TR_SURVEY ?
		    "respondent" : "examinee", w->code != NULL ? w->code : "?");
		if (w->code == NULL) {
			bad = 1;
			continue;
		}
		if (strmap_get(seen, w->code) != NULL) {
			tr_diag(d, path, row, "%s is listed twice", who);
			bad = 1;
		} else if ((rc = strmap_put(seen, w->code, w)) != 0)
			goto done;
		if ((ans = tr_str(row, "answers")) != NULL) {
			w->answered = 1;
			if (nq == 0) {
				tr_diag(d, path, row, "%s has answers but the"
				    " training has no %s", who, part ==
				    TR_SURVEY ? "survey_items" : "test_items");
				bad = 1;
			} else if (decode(&sh->sel[sh->n * nq], ans, q, nq,
			    who, path, node_get(row, "answers"), d) != 0)
				bad = 1;
		}
		if (part == TR_TEST && w->answered && w->correct >= 0) {
			int	 c = 0;

			for (j = 0; j < nq; j++)
				c += sh->sel[sh->n * nq + j] != 0 &&
				    sh->sel[sh->n * nq + j] == q[j].key;
			if (c != w->correct) {
				tr_diag(d, path, node_get(row, "correct"),
				    "%s: correct is %d but the answers score %d",
				    who, w->correct, c);
				bad = 1;
			}
		}
		texts = tr_seq(row, "texts");
		for (j = 0; part == TR_SURVEY && texts != NULL &&
		    j < texts->n; j++) {
			tx = texts->u.items[j];
			qn = tr_long(tx, "question", 0);
			txt = tr_str(tx, "text");
			if (qn < 1 || (size_t)qn > nq || txt == NULL) {
				tr_diag(d, path, tx, "%s: text for question %ld,"
				    " which is not one of the %zu", who, qn,
				    nq);
				bad = 1;
				continue;
			}
			if (!w->answered || sh->sel[sh->n * nq + (size_t)qn -
			    1] != TR_SEL_TEXT) {
				tr_diag(d, path, tx, "%s: a text for question"
				    " %ld, whose answer is not '*'", who, qn);
				bad = 1;
				continue;
			}
			sh->text[sh->n * nq + (size_t)qn - 1] = txt;
		}
		for (j = 0; part == TR_SURVEY && w->answered && j < nq; j++) {
			if (sh->sel[sh->n * nq + j] == TR_SEL_TEXT &&
			    sh->text[sh->n * nq + j] == NULL) {
				tr_diag(d, path, row, "%s: question %zu is"
				    " answered '*' but has no text", who,
				    j + 1);
				bad = 1;
			}
		}
		if (part == TR_TEST && !w->answered && w->correct < 0) {
			tr_diag(d, path, row, "%s has neither answers nor"
			    " correct", who);
			bad = 1;
		}
		if (part == TR_SURVEY && !w->answered) {
			tr_diag(d, path, row, "%s has no answers", who);
			bad = 1;
		}
		sh->n++;
	}
	if (bad)
		rc = error_set(NC_EINVALID, "'%s': the answers do not fit the"
		    " questions", path);
done:
	strmap_free(seen);
	return rc;
}

static int
read_items(struct training *t, enum tr_part part, const struct node *seq)
{
	size_t	i;
	int	r;

	if (seq == NULL || seq->n == 0)
		return 0;
	if ((t->items[part] = calloc(seq->n, sizeof *t->items[part])) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < seq->n; i++) {
		if ((r = tr_question_read(&t->items[part][i],
		    seq->u.items[i])) != 0)
			return r;
		t->nitems[part]++;
	}
	return 0;
}

int
training_read(struct training **out, const struct node *root,
    const char *path, struct diags *d)
{
	struct training		*t;
	const struct node	*n, *sv, *ts;
	size_t			 i;
	int			 r;

	*out = NULL;
	if (root == NULL || root->kind != NODE_MAP)
		return error_set(NC_EINVALID, "'%s' is not a training record",
		    path);
	if ((t = calloc(1, sizeof *t)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	t->root = root;
	t->relpath = path;
	t->id = tr_str(root, "id");
	t->fy = (int)tr_long(root, "fy", 0);
	t->title = tr_str(root, "title");
	if (t->title == NULL)
		t->title = "";
	t->kind = tr_str(root, "kind");
	t->audience = tr_str(root, "audience");
	t->status = tr_str(root, "status");
	if (t->status == NULL)
		t->status = "planned";
	t->plan_key = tr_str(root, "plan_key");
	t->session = (int)tr_long(root, "session", 0);
	t->org = tr_str(root, "org");
	t->survey_org = tr_str(root, "survey_org");
	t->method = tr_str(root, "method");
	t->date = tr_date(root, "date");
	t->end_date = tr_date(root, "end_date");
	t->start_time = tr_str(root, "start_time");
	t->end_time = tr_str(root, "end_time");
	t->place = tr_str(root, "place");
	t->makes_material = tr_bool(root, "makes_material");
	t->makes_survey = tr_bool(root, "makes_survey");
	t->makes_test = tr_bool(root, "makes_test");
	t->sends_instructor = tr_bool(root, "sends_instructor");
	t->purpose = tr_str(root, "purpose");
	t->outline = tr_str(root, "outline");
	t->exercise = tr_str(root, "exercise");
	t->material_due = tr_date(root, "material_due");
	t->material_submitted = tr_date(root, "material_submitted");
	t->report_due = tr_date(root, "report_due");
	t->report_submitted = tr_date(root, "report_submitted");
	t->target = tr_long(root, "target_count", -1);
	t->attended = tr_long(root, "attended", -1);
	t->pass_mark = tr_double(root, "pass_mark");
	t->discussion = tr_str(root, "discussion");
	t->next_steps = tr_str(root, "next_steps");
	t->rep_satisfaction = NAN;
	t->rep_average = NAN;
	if ((n = tr_seq(root, "imports")) != NULL)
		t->nimports = n->n;
	if ((r = tr_strs(&t->instructors, &t->ninstructors,
	    tr_seq(root, "instructors"))) != 0 ||
	    (r = tr_strs(&t->general, &t->ngeneral,
	    tr_seq(root, "general_audiences"))) != 0)
		goto fail;
	if ((n = tr_seq(root, "participation")) != NULL && n->n > 0) {
		if ((t->participation = calloc(n->n,
		    sizeof *t->participation)) == NULL) {
			r = error_set(NC_ENOMEM, "out of memory");
			goto fail;
		}
		for (i = 0; i < n->n; i++) {
			const struct node *p = n->u.items[i];

			if (tr_str(p, "org") == NULL)
				continue;
			t->participation[t->nparticipation].org =
			    tr_str(p, "org");
			t->participation[t->nparticipation].target =
			    tr_long(p, "target", -1);
			t->participation[t->nparticipation].attended =
			    tr_long(p, "attended", -1);
			t->nparticipation++;
		}
	}
	if ((r = read_items(t, TR_SURVEY, tr_seq(root, "survey_items"))) != 0 ||
	    (r = read_items(t, TR_TEST, tr_seq(root, "test_items"))) != 0)
		goto fail;
	sv = node_get(root, "survey");
	ts = node_get(root, "test");
	t->rep_questions[TR_SURVEY] = tr_long(sv, "questions", -1);
	t->rep_respondents[TR_SURVEY] = tr_long(sv, "respondents", -1);
	t->rep_satisfaction = tr_double(sv, "satisfaction");
	t->summary[TR_SURVEY] = tr_str(sv, "summary");
	t->rep_questions[TR_TEST] = tr_long(ts, "questions", -1);
	t->rep_respondents[TR_TEST] = tr_long(ts, "examinees", -1);
	t->rep_average = tr_double(ts, "average");
	t->summary[TR_TEST] = tr_str(ts, "summary");
	{
		int	r1, r2;

		r1 = read_sheet(t, TR_SURVEY, tr_seq(sv, "responses"), path, d);
		if (r1 == NC_ENOMEM) {
			r = r1;
			goto fail;
		}
		r2 = read_sheet(t, TR_TEST, tr_seq(ts, "results"), path, d);
		if (r2 == NC_ENOMEM) {
			r = r2;
			goto fail;
		}
		if (r1 != 0 || r2 != 0) {
			r = error_set(NC_EINVALID, "'%s': the answers do not"
			    " fit the questions", path);
			goto fail;
		}
	}
	*out = t;
	return 0;
fail:
	training_free(t);
	return r;
}

int
training_load(struct training **out, struct store *st,
    const struct recref *ref, struct diags *d)
{
	struct record	*rec = NULL;
	struct ydoc	*doc;
	int		 r;

	*out = NULL;
	if ((r = record_load(&rec, st, ref, d)) != 0)
		return r;
	doc = rec->doc;
	rec->doc = NULL;
	record_free(rec);
	if ((r = training_read(out, ydoc_root(doc), ref->relpath, d)) != 0) {
		ydoc_free(doc);
		return r;
	}
	(*out)->doc = doc;
	/* the path must outlive the caller's ref */
	if (((*out)->own_path = strdup(ref->relpath)) == NULL) {
		training_free(*out);
		*out = NULL;
		return error_set(NC_ENOMEM, "out of memory");
	}
	(*out)->relpath = (*out)->own_path;
	return 0;
}

void
training_free(struct training *t)
{
	size_t	i;
	int	p;

	if (t == NULL)
		return;
	for (p = 0; p < 2; p++) {
		for (i = 0; i < t->nitems[p]; i++)
			tr_question_free(&t->items[p][i]);
		free(t->items[p]);
		free(t->answers[p].who);
		free(t->answers[p].sel);
		free(t->answers[p].text);
	}
	free(t->instructors);
	free(t->general);
	free(t->participation);
	free(t->own_path);
	ydoc_free(t->doc);
	free(t);
}

int
training_needs_report(const struct training *t)
{
	return t->makes_survey || t->makes_test || t->survey_org != NULL ||
	    t->nitems[TR_SURVEY] > 0 || t->nitems[TR_TEST] > 0;
}

const char *
training_spec_item(const char *kind)
{
	if (kind != NULL && strcmp(kind, "digital") == 0)
		return "4(1)イ";
	if (kind != NULL && strcmp(kind, "mynumber") == 0)
		return "4(1)ウ";
	return "4(2)イ";
}

struct cal_date
training_last_day(const struct training *t)
{
	return t->end_date.y != 0 ? t->end_date : t->date;
}

struct cal_date
training_doc_date(const struct training *t, int report, struct cal_date today)
{
	if (report)
		return t->report_submitted.y != 0 ? t->report_submitted : today;
	/*
	 * The アンケート and テスト（案） are drafts the ward approves before
	 * the training, sent with the material: dated the day they were
	 * (material_submitted), else the day they are due; dated the
	 * training's own day, they read as made on the day of use.
	 */
	if (t->material_submitted.y != 0)
		return t->material_submitted;
	if (t->material_due.y != 0)
		return t->material_due;
	return t->date.y != 0 ? t->date : today;
}

int
training_form_final(const struct training *t)
{
	/* the forms the training used are no longer proposals */
	return t->material_submitted.y != 0 || (t->status != NULL &&
	    (strcmp(t->status, "held") == 0 ||
	    strcmp(t->status, "reported") == 0));
}
