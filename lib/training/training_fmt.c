/*
 * What documents and lists say about a training: labels from the
 * schema, era dates, members' names, the calendar, guarded free text.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "guard.h"
#include "schema.h"
#include "store.h"
#include "training.h"
#include "training_int.h"

const char *
tr_label(struct store *st, const char *path, const char *value)
{
	const struct schema	*k;
	const char		*s;

	if (value == NULL)
		return "";
	if (st == NULL || store_kind(&k, st, "training") != 0) {
		error_clear();
		return value;
	}
	s = schema_label(k, path, value);
	return s != NULL ? s : value;
}

const char *
tr_era(char *out, size_t size, struct cal_date d)
{
	if (d.y == 0 || cal_format_era(out, size, d, CAL_ERA_LONG) != 0) {
		error_clear();
		if (size > 0)
			out[0] = '\0';
	}
	return out;
}

static const char *const wdays[] = { "日", "月", "火", "水", "木", "金",
    "土" };

void
tr_when(struct buf *out, const struct training *t)
{
	char	a[CAL_FMT_MAX];

	if (t->date.y == 0) {
		buf_puts(out, "未定");
		return;
	}
	buf_printf(out, "%s（%s）", tr_era(a, sizeof a, t->date),
	    wdays[cal_weekday(t->date)]);
	if (t->end_date.y != 0 && cal_cmp(t->end_date, t->date) != 0) {
		buf_printf(out, "～%s（%s）", tr_era(a, sizeof a, t->end_date),
		    wdays[cal_weekday(t->end_date)]);
	} else if (t->start_time != NULL) {
		buf_printf(out, "　%s～%s", t->start_time, t->end_time != NULL ?
		    t->end_time : "");
	}
}

const char *
tr_member_name(struct store *st, const char *id)
{
	const struct node	*conf, *ms, *m;
	const char		*mid, *name;
	size_t			 i;

	if (st == NULL || store_config(&conf, st) != 0) {
		error_clear();
		return id;
	}
	ms = node_get(conf, "members");
	for (i = 0; ms != NULL && ms->kind == NODE_SEQ && i < ms->n; i++) {
		m = ms->u.items[i];
		mid = node_get_str(m, "id");
		name = node_get_str(m, "name");
		if (mid != NULL && name != NULL && strcmp(mid, id) == 0)
			return name;
	}
	return id;
}

const char *
tr_org_name(struct store *st, const char *code)
{
	const char	*name = NULL, *dept = NULL;

	if (code == NULL)
		return "";
	if (st == NULL || store_org(&name, &dept, st, code) != 0) {
		error_clear();
		return code;
	}
	return name;
}

char *
tr_guarded(const char *text)
{
	struct buf	 b = BUF_INIT;
	size_t		 len = strlen(text), from = 0, off, mlen;

	while (guard_find_mynumber_from(text, len, from, &off, &mlen)) {
		buf_add(&b, text + from, off - from);
		buf_puts(&b, "＊＊＊＊（個人番号の可能性があるため伏せた）");
		from = off + mlen;
	}
	buf_add(&b, text + from, len - from);
	if (buf_ok(&b) != 0)
		return NULL;
	return buf_detach(&b, NULL);
}

int
tr_cal_load(struct cal **out, struct store *st)
{
	struct cal	*c;
	char		*path;
	int		 rc;

	*out = NULL;
	if ((c = cal_new()) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((path = store_path(st, CAL_CLOSURES_FILE)) == NULL) {
		cal_free(c);
		return error_set(NC_ENOMEM, "out of memory");
	}
	rc = cal_load_closures(c, path, NULL);
	free(path);
	if (rc != 0 && rc != NC_ENOTFOUND) {
		cal_free(c);
		return rc;
	}
	error_clear();
	*out = c;
	return 0;
}
