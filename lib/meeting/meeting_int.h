/*
 * Inside the meeting module (meetings, issues, the iCalendar writer):
 * helpers the files share.
 */
#ifndef NCIO_MEETING_INT_H
#define NCIO_MEETING_INT_H

#include <stddef.h>

#include "issue.h"
#include "meeting.h"
#include "recset.h"
#include "schema.h"

/* Every record of a kind (of fiscal year fy, or all when 0), loaded. */
int		 mt_recs_load(struct recset *out, struct store *,
		    const char *kind, int fy);

/* The schema of a record kind; NULL with the error set. */
const struct schema *mt_kind(struct store *, const char *kind);
/* The date under key: 0, NC_ENOTFOUND, or NC_EINVALID. */
int		 mt_date(struct cal_date *out, const struct node *map,
		    const char *key);
/* 令和8年5月14日 (long) or R8.5.14 (short); "" for a zero date. */
void		 mt_era(char out[CAL_FMT_MAX], struct cal_date,
		    enum cal_era_style);
/* 令和8年5月14日（木） */
void		 mt_era_wday(char out[CAL_FMT_MAX], struct cal_date);
/* A config value (section, key) or (key, NULL); NULL when absent. */
const char	*mt_config(struct store *, const char *a, const char *b);
/* A member's name from the config, or the id itself. */
const char	*mt_member_name(struct store *, const char *id);
/* A member's role label (業務責任者), or NULL. */
const char	*mt_member_role(struct store *, const char *id);
/* The id of the first member with role, or NULL. */
const char	*mt_member_with_role(struct store *, const char *role);
/* The 課 (or 部) name of an org code, or the code. */
const char	*mt_org_name(struct store *, const char *code);
/* A malloc'ed copy, NULL-safe ("" for NULL); sets *bad on failure. */
char		*mt_dup(const char *, int *bad);
/* Append a malloc'ed copy of s to a string array. */
int		 mt_push(char ***v, size_t *n, const char *s);
void		 mt_strv_free(char **v, size_t n);
/*
 * A record's title and date as a reader knows it: "第3回 定例会
 * （R8.5.14）", from the kind's title field and date (fy) field, sep
 * between them.
 */
char		*mt_record_label(struct store *, const char *id,
		    const char *sep);

#endif
