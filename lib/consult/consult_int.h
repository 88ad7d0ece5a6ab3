/*
 * Inside the consult module: helpers shared by consult.c, consult_doc.c
 * and consult_sheet.c.
 */
#ifndef NCIO_CONSULT_INT_H
#define NCIO_CONSULT_INT_H

#include <stddef.h>

#include "consult.h"
#include "recset.h"
#include "schema.h"

/* Strings made while building one document, freed together. */
struct cs_strs {
	char	**v;
	size_t	  n;
	size_t	  cap;
	int	  failed;
};

const char	*cs_keep(struct cs_strs *, char *);
const char	*cs_fmt(struct cs_strs *, const char *, ...) NC_PRINTF(2, 3);
void		 cs_strs_free(struct cs_strs *);

/* The consult schema; NULL with the error set. */
const struct schema *cs_kind(struct store *);
/* The date under key; NC_ENOTFOUND when absent, NC_EINVALID when bad. */
int		 cs_date(struct cal_date *out, const struct node *map,
		    const char *key);
/* YYYY-MM-DD into a static-free buffer of CAL_FMT_MAX. */
void		 cs_iso(char out[CAL_FMT_MAX], struct cal_date);
/* 令和8年4月1日, or the text as given when it is not a date. */
void		 cs_era(char out[CAL_FMT_MAX], const char *iso);
/* A config value by path ("documents", "author"); NULL when absent. */
const char	*cs_config(struct store *, const char *a, const char *b);
/*
 * An expectation from the config, else the config schema's default;
 * -1 when neither.
 */
long		 cs_expected(struct store *, const char *key);
/* 情報政策課 (the 課 name; for a 部 its own name); the code if unknown. */
const char	*cs_org_name(struct store *, const char *code);
/* こども家庭部保育課. */
const char	*cs_org_full(struct cs_strs *, struct store *,
		    const char *code);


#endif
