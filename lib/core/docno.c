/*
 * Document numbers from the config's format (docno.h).
 */
#include <stdlib.h>
#include <string.h>

#include "docno.h"

const struct docno_field docno_fields[] = {
	{ "review", "decision.notice_no", "doc_no_format" },
	/* the contractor's 回答書: its own numbers, not the ward's */
	{ "consult", "answer_no", "contractor_no_format" },
	{ "audit", "ref_no", "doc_no_format" },
	{ NULL, NULL, NULL }
};

static int
all_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

char *
docno_format(const char *format, const char *number)
{
	const char	*p, *fill;
	char		*out;
	size_t		 pre, fl, post;

	if (format == NULL || (p = strstr(format, "%s")) == NULL)
		return number != NULL ? strdup(number) : NULL;
	if (number != NULL && !all_digits(number))
		return strdup(number);
	fill = number != NULL ? number : "　　";
	pre = (size_t)(p - format);
	fl = strlen(fill);
	post = strlen(p + 2);
	if ((out = malloc(pre + fl + post + 1)) == NULL)
		return NULL;
	memcpy(out, format, pre);
	memcpy(out + pre, fill, fl);
	memcpy(out + pre + fl, p + 2, post + 1);
	return out;
}

const char *
docno_get(const struct node *root, const char *path)
{
	const struct node	*n = root;
	const char		*dot;
	char			 key[64];
	size_t			 l;

	while ((dot = strchr(path, '.')) != NULL) {
		l = (size_t)(dot - path);
		if (l >= sizeof key)
			return NULL;
		memcpy(key, path, l);
		key[l] = '\0';
		n = node_get(n, key);
		path = dot + 1;
	}
	return node_get_str(n, path);
}
