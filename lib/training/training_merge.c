/*
 * Answers coming back: a cell of an answer sheet, a Microsoft Forms
 * export or an e-learning system's CSV read as the answer to a question,
 * and a file's respondents merged into a training record so that the same
 * file twice changes nothing.  The reading of files is lib/io's; these
 * are the training's rules for what a cell may say.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "node.h"
#include "strmap.h"
#include "text.h"
#include "training.h"
#include "training_int.h"

/* A choice number, ASCII or full-width, alone in s[0..len); else 0. */
static unsigned
choice_number(const char *s, size_t len)
{
	unsigned	v = 0;
	uint32_t	c;
	size_t		k;

	if (len == 0)
		return 0;
	while (len > 0) {
		k = text_utf8_decode(&c, s, len);
		if (c >= 0xFF10 && c <= 0xFF19)
			c -= 0xFF10 - '0';
		if (c < '0' || c > '9' || v > 100)
			return 0;
		v = v * 10 + (c - '0');
		s += k;
		len -= k;
	}
	return v;
}

/* Leading and trailing spaces (and U+3000) off s[0..*len). */
static const char *
trim(const char *s, size_t *len)
{
	while (*len > 0 && (*s == ' ' || *s == '\t' || *s == '\r' ||
	    *s == '\n')) {
		s++;
		(*len)--;
	}
	while (*len >= 3 && strncmp(s, "\xe3\x80\x80", 3) == 0) {
		s += 3;
		*len -= 3;
	}
	while (*len > 0 && (s[*len - 1] == ' ' || s[*len - 1] == '\t' ||
	    s[*len - 1] == '\r' || s[*len - 1] == '\n'))
		(*len)--;
	while (*len >= 3 && strncmp(s + *len - 3, "\xe3\x80\x80", 3) == 0)
		*len -= 3;
	return s;
}

/* One choice, by its label or its number: 1-based, or 0. */
static unsigned
one_choice(const struct tr_question *q, const char *s, size_t len)
{
	unsigned	n;
	size_t		i;

	s = trim(s, &len);
	for (i = 0; i < q->nchoices; i++)
		if (strlen(q->choices[i]) == len &&
		    memcmp(q->choices[i], s, len) == 0)
			return (unsigned)i + 1;
	n = choice_number(s, len);
	return n >= 1 && n <= q->nchoices ? n : 0;
}

static int
refuse(const struct tr_question *q, const char *cell)
{
	struct buf	b = BUF_INIT;
	size_t		i;
	int		rc;

	for (i = 0; i < q->nchoices; i++)
		buf_printf(&b, "%s%zu %s", i > 0 ? ", " : "", i + 1,
		    q->choices[i]);
	if (q->type == TR_Q_MULTIPLE)
		rc = error_set(NC_EINVALID, "'%s' is not among its choices:"
		    " %s", cell, b.data != NULL ? b.data : "");
	else
		rc = error_set(NC_EINVALID, "'%s' is not one of its choices:"
		    " %s", cell, b.data != NULL ? b.data : "");
	buf_free(&b);
	return rc;
}

/*
 * The separators of several choices in one cell: ; , 、 ， -- or, in a
 * cell with a semicolon (Microsoft Forms writes "a;b;"), the semicolon
 * alone, so that a label with a comma in it stays whole.
 */
static size_t
separator(const char *p, int semi)
{
	if (*p == ';' || (!semi && *p == ','))
		return 1;
	if (strncmp(p, "；", 3) == 0 || (!semi && (strncmp(p, "、", 3) ==
	    0 || strncmp(p, "，", 3) == 0)))
		return 3;
	return 0;
}

int
tr_cell_answer(char *tok, size_t size, const char **text,
    const struct tr_question *q, const char *cell)
{
	const char	*s = cell != NULL ? cell : "", *p, *start;
	size_t		 len = strlen(s), k, used = 0;
	unsigned	 n, picked = 0;
	int		 semi;

	*text = NULL;
	if (size < 32)
		return error_set(NC_EINVALID, "answer buffer too small");
	s = trim(s, &len);
	if (len == 0) {
		snprintf(tok, size, "-");
		return 0;
	}
	if (q->type == TR_Q_TEXT) {
		snprintf(tok, size, "*");
		*text = cell;
		return 0;
	}
	if ((n = one_choice(q, s, len)) != 0) {
		snprintf(tok, size, "%u", n);
		return 0;
	}
	if (q->type != TR_Q_MULTIPLE)
		return refuse(q, cell);
	/* several choices: labels or numbers between separators */
	for (semi = 0, k = 0; k < len && !semi; k++)
		semi = s[k] == ';' || (k + 3 <= len && memcmp(s + k, "；",
		    3) == 0);
	for (p = start = s; ; p++) {
		k = p < s + len ? separator(p, semi) : 1;
		if (k == 0)
			continue;
		if (p > start) {
			if ((n = one_choice(q, start, (size_t)(p - start))) ==
			    0)
				return refuse(q, cell);
			picked |= 1u << (n - 1);
		}
		if (p >= s + len)
			break;
		p += k - 1;
		start = p + 1;
	}
	if (picked == 0)
		return refuse(q, cell);
	for (n = 0; n < TR_MAXCHOICES; n++) {
		if (!(picked & (1u << n)))
			continue;
		used += (size_t)snprintf(tok + used, size - used, "%s%u",
		    used > 0 ? "+" : "", n + 1);
	}
	return 0;
}

/* ---- merging a file's respondents into a training ------------------ */

static int
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL &&
	    strcmp(a, b) == 0);
}

static int
same_texts(const struct node *a, const struct node *b)
{
	size_t	i;

	if (a == NULL || b == NULL)
		return (a == NULL || a->n == 0) && (b == NULL || b->n == 0);
	if (a->kind != NODE_SEQ || b->kind != NODE_SEQ || a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (!same_str(tr_str(a->u.items[i], "question"),
		    tr_str(b->u.items[i], "question")) ||
		    !same_str(tr_str(a->u.items[i], "text"),
		    tr_str(b->u.items[i], "text")))
			return 0;
	return 1;
}

static int
same_row(const struct node *a, const struct node *b)
{
	return same_str(tr_str(a, "org"), tr_str(b, "org")) &&
	    same_str(tr_str(a, "answers"), tr_str(b, "answers")) &&
	    same_str(tr_str(a, "correct"), tr_str(b, "correct")) &&
	    same_texts(node_get(a, "texts"), node_get(b, "texts"));
}

/* A sub-mapping or sequence, made when absent. */
static struct node *
child(struct ydoc *doc, struct node *map, const char *key, int seq)
{
	struct node	*n = node_get(map, key);

	if (n != NULL && n->kind == (seq ? NODE_SEQ : NODE_MAP))
		return n;
	if ((n = seq ? node_seq(doc) : node_map(doc)) == NULL ||
	    node_map_set(doc, map, key, n) != 0)
		return NULL;
	return n;
}

static struct node *
row_node(struct ydoc *doc, const struct tr_in_row *r, int part)
{
	struct node	*m, *seq, *t;
	char		 q[32];
	size_t		 i;

	if ((m = node_map(doc)) == NULL ||
	    node_map_set_str(doc, m, "respondent", r->code) != 0 ||
	    (r->org != NULL && node_map_set_str(doc, m, "org", r->org) != 0) ||
	    node_map_set_str(doc, m, "answers", r->tok[part]) != 0)
		return NULL;
	if (part != TR_SURVEY || r->texts == NULL)
		return m;
	seq = NULL;
	for (i = 0; i < r->ntexts; i++) {
		if (r->texts[i] == NULL)
			continue;
		if (seq == NULL && ((seq = node_seq(doc)) == NULL ||
		    node_map_set(doc, m, "texts", seq) != 0))
			return NULL;
		snprintf(q, sizeof q, "%zu", i + 1);
		if ((t = node_map(doc)) == NULL ||
		    node_map_set_str(doc, t, "question", q) != 0 ||
		    node_map_set_str(doc, t, "text", r->texts[i]) != 0 ||
		    node_seq_push(doc, seq, t) != 0)
			return NULL;
		node_get(t, "question")->style = NODE_STYLE_PLAIN;
	}
	return m;
}

int
tr_merge(struct tr_merged *out, struct ydoc *doc, struct node *root,
    const struct tr_in_row *rows, size_t n)
{
	static const char *const part_key[2] = { "survey", "test" };
	static const char *const rows_key[2] = { "responses", "results" };
	struct strmap	*at = NULL;
	struct node	*seq, *nn;
	size_t		 i, j, *idx = NULL;
	int		 p, rc = 0, *changed = NULL, *added = NULL;

	memset(out, 0, sizeof *out);
	if ((changed = calloc(n + 1, sizeof *changed)) == NULL ||
	    (added = calloc(n + 1, sizeof *added)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (p = 0; p < 2; p++) {
		for (i = 0; i < n && rows[i].tok[p] == NULL; i++)
			;
		if (i == n)
			continue;
		if ((seq = child(doc, child(doc, root, part_key[p], 0),
		    rows_key[p], 1)) == NULL || (at = strmap_new()) == NULL ||
		    (idx = calloc(seq->n + 1, sizeof *idx)) == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		for (j = 0; j < seq->n; j++) {
			const char *code = tr_str(seq->u.items[j],
			    "respondent");

			idx[j] = j;
			if (code != NULL && (rc = strmap_put(at, code,
			    &idx[j])) != 0)
				goto done;
		}
		for (i = 0; i < n; i++) {
			size_t	*k;

			if (rows[i].tok[p] == NULL)
				continue;
			if ((nn = row_node(doc, &rows[i], p)) == NULL) {
				rc = error_set(NC_ENOMEM, "out of memory");
				goto done;
			}
			if ((k = strmap_get(at, rows[i].code)) == NULL) {
				if ((rc = node_seq_push(doc, seq, nn)) != 0)
					goto done;
				added[i] = 1;
			} else if (!same_row(seq->u.items[*k], nn)) {
				seq->u.items[*k] = nn;
				changed[i] = 1;
			}
		}
		strmap_free(at);
		at = NULL;
		free(idx);
		idx = NULL;
	}
	for (i = 0; i < n; i++) {
		if (added[i])
			out->added++;
		else if (changed[i])
			out->updated++;
		else
			out->unchanged++;
	}
done:
	strmap_free(at);
	free(idx);
	free(changed);
	free(added);
	return rc;
}
