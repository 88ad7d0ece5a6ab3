/*
 * The reference data of a data directory, with one owner: the config
 * (nerima-cio.yaml: the ward, the contract, the team's members, the
 * yearly expectations, approval rules, document settings) and the ward's
 * organisations (orgs.yaml: 部 with their 課, facilities and nurseries,
 * the My Number flag, an optional headcount).
 *
 * The store reads both files once, on first use, and frees them with
 * itself (store_refdata()); every module that needs an organisation's
 * name, a 課's 部, whether it handles My Numbers, a member's name or a
 * config value asks here instead of reading the files again.  A file that
 * is missing or broken leaves its part empty and keeps the error, which
 * the accessors that need the file return (lint reports the problems with
 * their positions).
 */
#ifndef NCIO_REFDATA_H
#define NCIO_REFDATA_H

#include <stddef.h>

#include "node.h"

struct refdata;

/* An organisation: a 部 (室, 事務局) or a 課 (所, facility, nursery). */
struct refdata_org {
	const char		 *code;
	const char		 *name;
	/* department, office, secretariat; division, office, facility ... */
	const char		 *kind;
	/* The 部 of a 課; NULL for a 部. */
	const struct refdata_org *dept;
	/* handles_my_number: 個人番号利用事務等を行う組織. */
	int			  my_number;
	/* Staff, from headcount; -1 when orgs.yaml does not say. */
	long			  headcount;
	/* direct, contractor, designated-manager; NULL for a 部. */
	const char		 *operated_by;
	/* Position in file order among the 部, or among the 課. */
	size_t			  index;
};

struct refdata_member {
	const char	*id;
	const char	*name;
	const char	*role;
};

/* Read root/nerima-cio.yaml and root/orgs.yaml; NC_ENOMEM only. */
int		 refdata_load(struct refdata **out, const char *root);
void		 refdata_free(struct refdata *);

/*
 * The config tree (the error of reading nerima-cio.yaml when it could not
 * be read), and one text value by dotted path ("documents.author"), NULL
 * when absent.
 */
int		 refdata_config(const struct node **out, const struct refdata *);
const char	*refdata_config_str(const struct refdata *, const char *path);

/* Whether orgs.yaml was read; its error when not. */
int		 refdata_orgs_ok(const struct refdata *);
/* 部 and 課 in file order. */
size_t		 refdata_ndepts(const struct refdata *);
const struct refdata_org *refdata_dept_at(const struct refdata *, size_t);
size_t		 refdata_ndivisions(const struct refdata *);
const struct refdata_org *refdata_division_at(const struct refdata *,
		    size_t);
/* A 部 or 課 by code; NC_ENOTFOUND with a message naming orgs.yaml. */
int		 refdata_org(const struct refdata_org **out,
		    const struct refdata *, const char *code);
/*
 * The organisation text names: a code, or a 部 or 課 name that only one
 * organisation has.  NC_ENOTFOUND, or NC_EAMBIGUOUS when several share the
 * name (give the code).
 */
int		 refdata_org_find(const struct refdata_org **out,
		    const struct refdata *, const char *text);

/* The team, in the config's order. */
size_t		 refdata_nmembers(const struct refdata *);
const struct refdata_member *refdata_member_at(const struct refdata *,
		    size_t);
/* A member by id, or by id or name; NC_ENOTFOUND with a message. */
int		 refdata_member(const struct refdata_member **out,
		    const struct refdata *, const char *id);
int		 refdata_member_find(const struct refdata_member **out,
		    const struct refdata *, const char *text);

#endif
