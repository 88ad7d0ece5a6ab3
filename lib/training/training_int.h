/*
 * Inside the training module: readers over record trees and what the
 * files share.
 */
#ifndef NCIO_TRAINING_INT_H
#define NCIO_TRAINING_INT_H

#include <stdarg.h>
#include <stdio.h>

#include "cal.h"
#include "node.h"
#include "strmap.h"
#include "training.h"

/* Fields of a mapping: NULL, 0, def or NAN when absent or not a number. */
const char	*tr_str(const struct node *map, const char *key);
int		 tr_bool(const struct node *map, const char *key);
long		 tr_long(const struct node *map, const char *key, long def);
double		 tr_double(const struct node *map, const char *key);
/* A date field; y == 0 when absent or not a date. */
struct cal_date	 tr_date(const struct node *map, const char *key);
const struct node *tr_seq(const struct node *map, const char *key);
int		 tr_strs(const char ***out, size_t *nout, const struct node *);
/* A problem at a node's position. */
void		 tr_diag(struct diags *, const char *path, const struct node *at,
		    const char *fmt, ...) NC_PRINTF(4, 5);

/* The Japanese label of an enum value of the training schema, or value. */
const char	*tr_label(struct store *, const char *path, const char *value);
/* 令和8年4月3日, or "" for a zero date. */
const char	*tr_era(char *out, size_t size, struct cal_date);
/* 令和8年4月3日（金） ～ 令和8年4月28日（火）, with the time when one day. */
void		 tr_when(struct buf *out, const struct training *);
/* An organisation's name from orgs.yaml (保育課), or the code. */
const char	*tr_org_name(struct store *, const char *code);
/* A member's name from the config, or the id. */
const char	*tr_member_name(struct store *, const char *id);

/* Catalog kinds of the banks, by enum tr_part. */
extern const char *const tr_bank_kind[2];

/* The check against a pool of trainings already loaded (with items). */
int		 tr_check_with(struct tr_check **out, const struct training *,
		    const struct tr_list *pool, const struct tr_bank *);

/*
 * The charts of a training's results (chart.h models): the share of the
 * best two answers of each scale question, the distribution of scores,
 * each test item's correct rate.  *out NULL when there is nothing to draw.
 */
struct chart;
int		 tr_chart_survey(struct chart **out, const struct tr_results *);
int		 tr_chart_scores(struct chart **out, const struct tr_results *);
int		 tr_chart_items(struct chart **out, const struct tr_results *);

/* Free texts are guarded again on the way out: a match becomes ＊. */
char		*tr_guarded(const char *text);

#endif
