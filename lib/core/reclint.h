/*
 * What lint tells from the schemas' annotations, record by record and
 * across them (issue 18: records a document would be wrong from):
 *
 * x-open-day: true on a date field: the ward acts on that day -- a
 *   receipt, a document's date, a meeting held -- so a day the ward is
 *   closed (土日・祝日・年末年始, closures.yaml) is a warning.  A field
 *   without it (an incident's discovery, a deadline) may fall on any day.
 * x-number-date: PATH on a number field (受付番号, 文書番号): the date,
 *   a dotted path from the record's root, the number was given on.
 *   Numbers are given in order, so within a fiscal year (of that date)
 *   and a series -- the text around the number (相談第N号), and the kind
 *   for a 受付番号; one series across kinds for the ward's document
 *   numbers (docno_fields, read through documents.doc_no_format) -- a
 *   higher number dated before a lower one is a warning.
 *
 * Every field's path is found once per kind; a record costs a walk of
 * its annotated fields, and the numbers one sort at the end.
 */
#ifndef NCIO_RECLINT_H
#define NCIO_RECLINT_H

#include "cal.h"
#include "diag.h"
#include "node.h"
#include "schema.h"

struct reclint;

/*
 * cal (may be NULL: national holidays and the year-end closure only) is
 * kept, not copied; doc_no_format and contractor_no_format are the
 * config's (may be NULL): the ward's numbers and the contractor's own
 * (its 回答書) are two series.
 */
int	reclint_new(struct reclint **out, const struct cal *cal,
	    const char *doc_no_format, const char *contractor_no_format);
void	reclint_free(struct reclint *);
/* A record's closed-day dates now; its numbers for reclint_end(). */
int	reclint_record(struct reclint *, const struct schema *kind,
	    const struct node *root, const char *relpath, struct diags *warns);
/* The numbers out of date order among the records seen. */
int	reclint_end(struct reclint *, struct diags *warns);

/*
 * A date as the messages show it: 令和11年1月1日 when they are in
 * Japanese, 2029-01-01 otherwise.
 */
void	reclint_day(char out[CAL_FMT_MAX], struct cal_date);

#endif
