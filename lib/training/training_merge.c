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
	rc = error_set(NC_EINVALID, "'%s' is not %s: %s", cell,
	    q->type == TR_Q_MULTIPLE ? "among its choices" :
	    "one of its choices", b.data != NULL ? b.data : "");
	buf_free(&b);
	return rc;
}

/* The separators of several choices in one cell: ; , 、 ， and ; of Forms. */
static size_t
separator(const char *p)
{
	if (*p == ';' || *p == ',')
		return 1;
	if (strncmp(p, "、", 3) == 0 || strncmp(p, "，", 3) == 0 ||
	    strncmp(p, "；", 3) == 0)
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
	for (p = start = s; ; p++) {
		k = p < s + len ? separator(p) : 1;
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
