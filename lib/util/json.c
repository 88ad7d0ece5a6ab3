#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "json.h"
#include "text.h"

void
json_put_string(struct buf *out, const char *s, size_t len)
{
	static const char	 hex[] = "0123456789abcdef";
	uint32_t		 cp;
	size_t			 i = 0, run = 0, n;
	unsigned char		 c;
	char			 esc[7];

	if (s == NULL) {
		s = "";
		len = 0;
	}
	buf_putc(out, '"');
	while (i < len) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			i++;
			continue;
		}
		if (c >= 0x80) {
			n = text_utf8_decode(&cp, s + i, len - i);
			if (cp != TEXT_BADCP) {
				i += n;
				continue;
			}
		}
		/* Flush the plain run before the byte that needs work. */
		buf_add(out, s + run, i - run);
		switch (c) {
		case '"':
			buf_add(out, "\\\"", 2);
			break;
		case '\\':
			buf_add(out, "\\\\", 2);
			break;
		case '\b':
			buf_add(out, "\\b", 2);
			break;
		case '\f':
			buf_add(out, "\\f", 2);
			break;
		case '\n':
			buf_add(out, "\\n", 2);
			break;
		case '\r':
			buf_add(out, "\\r", 2);
			break;
		case '\t':
			buf_add(out, "\\t", 2);
			break;
		default:
			if (c < 0x20) {
				memcpy(esc, "\\u00", 4);
				esc[4] = hex[c >> 4];
				esc[5] = hex[c & 0xF];
				buf_add(out, esc, 6);
			} else {
				/* Not UTF-8: U+FFFD keeps the text valid. */
				buf_add(out, "\xEF\xBF\xBD", 3);
			}
			break;
		}
		run = ++i;
	}
	buf_add(out, s + run, i - run);
	buf_putc(out, '"');
}

static int
json_digit(char c)
{
	return c >= '0' && c <= '9';
}

int
json_number_ok(const char *s)
{
	if (s == NULL)
		return 0;
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9') {
		while (json_digit(*s))
			s++;
	} else
		return 0;
	if (*s == '.') {
		if (!json_digit(*++s))
			return 0;
		while (json_digit(*s))
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!json_digit(*s))
			return 0;
		while (json_digit(*s))
			s++;
	}
	return *s == '\0';
}

struct json_frame {
	char	 kind;		/* '[' or '{' */
	int	 keyed;		/* in an object: a key awaits its value */
	size_t	 count;
};

struct json {
	struct buf		*out;
	struct json_frame	*stack;
	size_t			 depth;
	size_t			 cap;
	int			 done;	/* the top-level value is written */
	int			 err;
};

struct json *
json_new(struct buf *out)
{
	struct json	*j;

	if ((j = calloc(1, sizeof *j)) == NULL) {
		error_set(NC_ENOMEM, "out of memory");
		return NULL;
	}
	j->out = out;
	return j;
}

void
json_free(struct json *j)
{
	if (j == NULL)
		return;
	free(j->stack);
	free(j);
}

static int
json_fail(struct json *j, const char *what)
{
	j->err = error_set(NC_EINVALID, "cannot write JSON: %s", what);
	return j->err;
}

static void
json_newline(struct json *j, size_t depth)
{
	buf_putc(j->out, '\n');
	while (depth-- > 0)
		buf_add(j->out, "  ", 2);
}

/* Everything that goes before a value: a comma, a line, or nothing. */
static int
json_before_value(struct json *j)
{
	struct json_frame	*f;

	if (j->err != 0)
		return j->err;
	if (j->depth == 0) {
		if (j->done)
			return json_fail(j, "a second value after the end");
		return 0;
	}
	f = &j->stack[j->depth - 1];
	if (f->kind == '{') {
		if (!f->keyed)
			return json_fail(j, "a value in an object needs a key");
		f->keyed = 0;
		return 0;
	}
	if (f->count++ > 0)
		buf_putc(j->out, ',');
	json_newline(j, j->depth);
	return 0;
}

/* After a value: the top-level one ends the text. */
static int
json_after_value(struct json *j)
{
	if (j->depth == 0) {
		j->done = 1;
		buf_putc(j->out, '\n');
	}
	return buf_ok(j->out);
}

static int
json_begin(struct json *j, char kind)
{
	struct json_frame	*v;
	size_t			 cap;
	int			 r;

	if ((r = json_before_value(j)) != 0)
		return r;
	if (j->depth == j->cap) {
		cap = j->cap != 0 ? j->cap * 2 : 8;
		if ((v = realloc(j->stack, cap * sizeof *v)) == NULL) {
			j->err = error_set(NC_ENOMEM, "out of memory");
			return j->err;
		}
		j->stack = v;
		j->cap = cap;
	}
	v = &j->stack[j->depth++];
	v->kind = kind;
	v->keyed = 0;
	v->count = 0;
	buf_putc(j->out, kind);
	return buf_ok(j->out);
}

static int
json_end(struct json *j, char kind)
{
	struct json_frame	*f;

	if (j->err != 0)
		return j->err;
	if (j->depth == 0)
		return json_fail(j, kind == '[' ? "an array ends that did "
		    "not begin" : "an object ends that did not begin");
	f = &j->stack[j->depth - 1];
	if (f->kind != kind)
		return json_fail(j, kind == '[' ? "an array ends inside an "
		    "object" : "an object ends inside an array");
	if (f->keyed)
		return json_fail(j, "a key has no value");
	j->depth--;
	if (f->count > 0)
		json_newline(j, j->depth);
	buf_putc(j->out, kind == '[' ? ']' : '}');
	return json_after_value(j);
}

int
json_begin_array(struct json *j)
{
	return json_begin(j, '[');
}

int
json_end_array(struct json *j)
{
	return json_end(j, '[');
}

int
json_begin_object(struct json *j)
{
	return json_begin(j, '{');
}

int
json_end_object(struct json *j)
{
	return json_end(j, '{');
}

int
json_key(struct json *j, const char *key)
{
	struct json_frame	*f;

	if (j->err != 0)
		return j->err;
	if (key == NULL)
		return json_fail(j, "a key is missing");
	if (j->depth == 0 || j->stack[j->depth - 1].kind != '{')
		return json_fail(j, "a key outside an object");
	f = &j->stack[j->depth - 1];
	if (f->keyed)
		return json_fail(j, "a key has no value");
	if (f->count++ > 0)
		buf_putc(j->out, ',');
	json_newline(j, j->depth);
	json_put_string(j->out, key, strlen(key));
	buf_add(j->out, ": ", 2);
	f->keyed = 1;
	return buf_ok(j->out);
}

int
json_value_string(struct json *j, const char *s, size_t len)
{
	int	r;

	if ((r = json_before_value(j)) != 0)
		return r;
	json_put_string(j->out, s, len);
	return json_after_value(j);
}

int
json_value_raw(struct json *j, const char *text)
{
	int	r;

	if (j->err != 0)
		return j->err;
	if (text == NULL)
		return json_fail(j, "a literal value is missing");
	if (!json_number_ok(text) && strcmp(text, "true") != 0 &&
	    strcmp(text, "false") != 0 && strcmp(text, "null") != 0) {
		j->err = error_set(NC_EINVALID, "cannot write JSON: '%s' is "
		    "not a number, true, false or null", text);
		return j->err;
	}
	if ((r = json_before_value(j)) != 0)
		return r;
	buf_puts(j->out, text);
	return json_after_value(j);
}

int
json_finish(struct json *j)
{
	if (j->err != 0)
		return j->err;
	if (!j->done)
		return json_fail(j, j->depth > 0 ? "an array or object is "
		    "not closed" : "nothing was written");
	return buf_ok(j->out);
}
