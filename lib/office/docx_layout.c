/*
 * Layouts of the ward's documents on the public docx API: the official
 * notice (通知) and the cover lines of a report (EXAMPLES.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "docx.h"
#include "docx_priv.h"
#include "error.h"
#include "textfit.h"

/* Up to the next newline; *next is after it, or NULL at the end. */
static char *
line_dup(const char *s, const char **next)
{
	const char	*nl = strchr(s, '\n');
	size_t		 n = nl != NULL ? (size_t)(nl - s) : strlen(s);
	char		*p;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	if ((p = malloc(n + 1)) != NULL) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	*next = nl != NULL ? nl + 1 : NULL;
	return p;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t	n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static unsigned
round_up(unsigned v, unsigned unit)
{
	return (v + unit - 1) / unit * unit;
}

/* Widest line of text with newlines, hundredths of a character. */
static unsigned
widest_line(const char *s)
{
	const char	*next;
	char		*line;
	unsigned	 w, max = 0;

	for (; s != NULL; s = next) {
		if ((line = line_dup(s, &next)) == NULL)
			return max;
		w = docx_measure(line);
		if (w > max)
			max = w;
		free(line);
	}
	return max;
}

static int
check_notice(const struct docx_notice *n)
{
	const char *const	*sub;
	size_t			 i;
	int			 rc;

	if ((rc = docx_check_text(n->number, "document number")) != 0 ||
	    (rc = docx_check_text(n->date, "date")) != 0 ||
	    (rc = docx_check_text(n->addressee, "addressee")) != 0 ||
	    (rc = docx_check_text(n->sender, "sender")) != 0 ||
	    (rc = docx_check_text(n->title, "title")) != 0 ||
	    (rc = docx_check_text(n->body, "body")) != 0 ||
	    (rc = docx_check_text(n->note, "note")) != 0 ||
	    (rc = docx_check_text(n->contact, "contact")) != 0)
		return rc;
	if (n->nitems > 0 && n->items == NULL)
		return error_set(NC_EINVALID, "notice has %zu items but no "
		    "item list", n->nitems);
	for (i = 0; i < n->nitems; i++) {
		if ((rc = docx_check_text(n->items[i].label, "item label")) != 0 ||
		    (rc = docx_check_text(n->items[i].value, "item value")) != 0)
			return rc;
		for (sub = n->items[i].subs; sub != NULL && *sub != NULL; sub++)
			if ((rc = docx_check_text(*sub, "sub-item")) != 0)
				return rc;
	}
	return 0;
}

/* Each line of s a paragraph of its own in style ps. */
static int
add_lines(struct docx *d, const char *s, const struct docx_para_style *ps)
{
	const char	*next;
	char		*line;
	int		 rc = 0;

	for (; s != NULL && rc == 0; s = next) {
		if ((line = line_dup(s, &next)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		rc = docx_add_para(d, line, ps);
		free(line);
	}
	return rc;
}

/*
 * A notice's title (docx.h), centred at 14 points: where it is wider than the
 * line, broken where it reads best (before its （情報提供）), each line
 * centred, not left to the application, which cut （情報提／供） and
 * left 供） alone (review13, a 回答書 of a long subject).
 */
int
docx_add_title(struct docx *d, const char *s, const struct docx_para_style *ps)
{
	struct docx_para_style	 next;
	unsigned		 room;
	char			*w, *nl;
	int			 rc;

	/* the line in characters of the title's size, not the body's */
	room = docx_text_width(d) * 21 / (unsigned)ps->size;
	if (textfit_width(s) <= room)
		return docx_add_para(d, s, ps);
	if ((w = textfit_wrap(s, room)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	/* the space before the title, not between its lines */
	next = *ps;
	if ((nl = strchr(w, '\n')) != NULL) {
		*nl = '\0';
		next.space_before = 0;
	}
	rc = docx_add_para(d, w, ps);
	if (rc == 0 && nl != NULL)
		rc = add_lines(d, nl + 1, &next);
	free(w);
	return rc;
}

/*
 * The 記 items: "1<tab>件　　名<tab>value", the label spread over the
 * widest label (at least four characters, 件名 → 件　　名), the value
 * and its wrapped lines starting at one column, sub-items (1), (2) under
 * it with their own text aligned after the number.
 */
static int
add_items(struct docx *d, const struct docx_notice *n)
{
	struct docx_para_style	 ps;
	struct docx_run_style	 label;
	const struct docx_notice_item *it;
	const char *const	*sub;
	unsigned		 label_x, label_w = 400, value_x, sub_x, w;
	char			 num[32];
	size_t			 i, k;
	int			 rc = 0;

	label_x = n->nitems < 10 ? 150 : 200;
	for (i = 0; i < n->nitems; i++)
		if ((w = docx_measure(n->items[i].label)) > label_w)
			label_w = w;
	label_w = round_up(label_w, 100);
	value_x = label_x + label_w + 200;
	sub_x = value_x + 200;
	memset(&label, 0, sizeof label);
	label.spread = label_w;

	for (i = 0; i < n->nitems && rc == 0; i++) {
		it = &n->items[i];
		sub = it->subs != NULL && *it->subs != NULL ? it->subs : NULL;
		memset(&ps, 0, sizeof ps);
		ps.tabs[0] = label_x;
		ps.tabs[1] = value_x;
		if (it->value == NULL && sub != NULL) {
			/* The first sub-item takes the value's place. */
			ps.tabs[2] = sub_x;
			ps.indent_left = (int)sub_x;
		} else
			ps.indent_left = (int)value_x;
		ps.indent_first = -ps.indent_left;
		snprintf(num, sizeof num, "%zu", i + 1);
		if ((rc = docx_para_begin(d, &ps)) != 0)
			break;
		if ((rc = docx_run(d, num, NULL)) != 0 ||
		    (rc = docx_run_tab(d)) != 0 ||
		    (rc = docx_run(d, it->label, &label)) != 0 ||
		    (rc = docx_run_tab(d)) != 0)
			goto end;
		k = 1;
		if (it->value != NULL)
			rc = docx_run(d, it->value, NULL);
		else if (sub != NULL) {
			snprintf(num, sizeof num, "(%zu)", k++);
			if ((rc = docx_run(d, num, NULL)) != 0 ||
			    (rc = docx_run_tab(d)) != 0 ||
			    (rc = docx_run(d, *sub++, NULL)) != 0)
				goto end;
		}
end:
		if (rc != 0) {
			docx_para_end(d);
			break;
		}
		if ((rc = docx_para_end(d)) != 0)
			break;
		for (; sub != NULL && *sub != NULL && rc == 0; sub++, k++) {
			memset(&ps, 0, sizeof ps);
			ps.tabs[0] = sub_x;
			ps.indent_left = (int)sub_x;
			ps.indent_first = -200;
			snprintf(num, sizeof num, "(%zu)", k);
			if ((rc = docx_para_begin(d, &ps)) != 0)
				break;
			if ((rc = docx_run(d, num, NULL)) == 0 &&
			    (rc = docx_run_tab(d)) == 0)
				rc = docx_run(d, *sub, NULL);
			if (rc != 0)
				docx_para_end(d);
			else
				rc = docx_para_end(d);
		}
	}
	return rc;
}

static int
notice_impl(struct docx *d, const struct docx_notice *n)
{
	struct docx_para_style	 right, title, body, centre, contact;
	struct buf		 b = BUF_INIT;
	unsigned		 tw, cw;
	int			 rc;

	if ((rc = check_notice(n)) != 0)
		return rc;
	memset(&right, 0, sizeof right);
	right.align = DOCX_RIGHT;
	memset(&title, 0, sizeof title);
	title.align = DOCX_CENTER;
	title.size = 28;
	memset(&body, 0, sizeof body);
	body.indent_first = 100;
	memset(&centre, 0, sizeof centre);
	centre.align = DOCX_CENTER;

	if (n->number != NULL && (rc = docx_add_para(d, n->number, &right)) != 0)
		goto done;
	if (n->date != NULL && (rc = docx_add_para(d, n->date, &right)) != 0)
		goto done;
	if (n->addressee != NULL) {
		buf_puts(&b, n->addressee);
		/* An addressee already ending in 様 or 殿 keeps it. */
		if (!ends_with(n->addressee, "様") &&
		    !ends_with(n->addressee, "殿"))
			buf_puts(&b, "　様");
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = docx_add_blank(d)) != 0 ||
		    (rc = docx_add_para(d, b.data, NULL)) != 0)
			goto done;
	}
	if (n->sender != NULL &&
	    ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_para(d, n->sender, &right)) != 0))
		goto done;
	if (n->title != NULL &&
	    ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_title(d, n->title, &title)) != 0 ||
	    (rc = docx_add_blank(d)) != 0))
		goto done;
	if ((rc = add_lines(d, n->body, &body)) != 0)
		goto done;
	if (n->nitems > 0 &&
	    ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_para(d, "記", &centre)) != 0 ||
	    (rc = docx_add_blank(d)) != 0 ||
	    (rc = add_items(d, n)) != 0))
		goto done;
	if (n->note != NULL &&
	    ((rc = docx_add_blank(d)) != 0 ||
	    (rc = add_lines(d, n->note, &body)) != 0))
		goto done;
	if (n->nitems > 0 &&
	    ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_para(d, "以上", &right)) != 0))
		goto done;
	if (n->contact != NULL) {
		/*
		 * A block at the right whose lines start together, one
		 * character in from the margin, as the contact of a notice
		 * is set; it moves left only as far as its longest line needs.
		 */
		tw = docx_text_width(d);
		cw = round_up(widest_line(n->contact), 100) + 100;
		memset(&contact, 0, sizeof contact);
		contact.align = DOCX_LEFT;
		contact.indent_left = cw < tw / 2 ? (int)(tw / 2) :
		    cw < tw ? (int)(tw - cw) : 0;
		if ((rc = docx_add_blank(d)) != 0 ||
		    (rc = add_lines(d, n->contact, &contact)) != 0)
			goto done;
	}
done:
	buf_free(&b);
	return rc;
}

/* 情報政策課長　様, at the left. */
static int
addressee_para(struct docx *d, const char *to)
{
	struct docx_para_style	 left;
	char			*line;
	size_t			 n = strlen(to) + sizeof "　様";
	int			 rc;

	if ((line = malloc(n)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	snprintf(line, n, "%s　様", to);
	memset(&left, 0, sizeof left);
	left.align = DOCX_LEFT;
	rc = docx_add_para(d, line, &left);
	free(line);
	return rc;
}

static int
cover_impl(struct docx *d, const struct docx_report *r)
{
	struct docx_para_style	title, right;
	int			rc;

	if ((rc = docx_check_text(r->title, "title")) != 0 ||
	    (rc = docx_check_text(r->date, "date")) != 0 ||
	    (rc = docx_check_text(r->addressee, "addressee")) != 0 ||
	    (rc = docx_check_text(r->author, "author")) != 0)
		return rc;
	memset(&title, 0, sizeof title);
	title.align = DOCX_CENTER;
	title.gothic = 1;
	title.bold = 1;
	title.size = 32;
	title.space_after = 12;
	memset(&right, 0, sizeof right);
	right.align = DOCX_RIGHT;
	if (r->title != NULL && (rc = docx_add_para(d, r->title, &title)) != 0)
		return rc;
	if (r->date != NULL && (rc = docx_add_para(d, r->date, &right)) != 0)
		return rc;
	if (r->addressee != NULL && r->addressee[0] != '\0' &&
	    (rc = addressee_para(d, r->addressee)) != 0)
		return rc;
	if (r->author != NULL &&
	    (rc = docx_add_para(d, r->author, &right)) != 0)
		return rc;
	return docx_add_blank(d);
}

/* Sticky like every call: nothing after an error, and its own kept. */
int
docx_add_notice(struct docx *d, const struct docx_notice *n)
{
	int	rc;

	if ((rc = docx_sticky(d)) != 0)
		return rc;
	return docx_keep(d, notice_impl(d, n));
}

int
docx_add_report_cover(struct docx *d, const struct docx_report *r)
{
	int	rc;

	if ((rc = docx_sticky(d)) != 0)
		return rc;
	return docx_keep(d, cover_impl(d, r));
}
