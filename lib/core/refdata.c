/*
 * Reference data: the config and the organisation list, read once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "refdata.h"
#include "store.h"
#include "strmap.h"

struct refdata {
	struct ydoc		*conf;
	int			 conf_rc;
	char			*conf_msg;
	struct ydoc		*orgdoc;
	int			 orgs_rc;
	char			*orgs_msg;
	struct refdata_org	*depts;
	size_t			 ndepts;
	struct refdata_org	*divs;
	size_t			 ndivs;
	struct strmap		*bycode;
	struct strmap		*byname;	/* name -> org, or &ambiguous */
	struct refdata_member	*members;
	size_t			 nmembers;
};

/* Stands for a name two organisations share. */
static const char	ambiguous;

/* Load root/name; on failure keep the code and the message. */
static int
load(struct ydoc **out, char **msg, const char *root, const char *name)
{
	struct buf	path = BUF_INIT;
	int		rc;

	*out = NULL;
	buf_printf(&path, "%s/%s", root, name);
	if ((rc = buf_ok(&path)) != 0)
		return rc;
	if ((rc = ydoc_load_as(out, path.data, name, NULL)) != 0 &&
	    (*msg = strdup(error_last())) == NULL)
		rc = NC_ENOMEM;
	buf_free(&path);
	return rc;
}

static int
index_org(struct refdata *rd, struct refdata_org *o)
{
	void	*prev;

	if (strmap_put(rd->bycode, o->code, o) != 0)
		return NC_ENOMEM;
	if (o->name == NULL)
		return 0;
	prev = strmap_get(rd->byname, o->name);
	return strmap_put(rd->byname, o->name, prev != NULL ?
	    (void *)&ambiguous : o);
}

static void
read_org(struct refdata_org *o, const struct node *n, const char *kind)
{
	const char	*s;

	o->code = node_get_str(n, "code");
	o->name = node_get_str(n, "name");
	o->kind = (s = node_get_str(n, "kind")) != NULL ? s : kind;
	s = node_get_str(n, "handles_my_number");
	o->my_number = s != NULL && strcmp(s, "true") == 0;
	s = node_get_str(n, "headcount");
	o->headcount = s != NULL ? strtol(s, NULL, 10) : -1;
}

static int
build_orgs(struct refdata *rd)
{
	const struct node	*deps, *dep, *divs, *div;
	struct refdata_org	*o;
	const char		*s;
	size_t			 i, j, n = 0;
	int			 rc;

	deps = node_get(ydoc_root(rd->orgdoc), "departments");
	if (deps == NULL || deps->kind != NODE_SEQ)
		return 0;
	for (i = 0; i < deps->n; i++) {
		divs = node_get(deps->u.items[i], "divisions");
		if (divs != NULL && divs->kind == NODE_SEQ)
			n += divs->n;
	}
	if ((rd->depts = calloc(deps->n + 1, sizeof *rd->depts)) == NULL ||
	    (rd->divs = calloc(n + 1, sizeof *rd->divs)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < deps->n; i++) {
		dep = deps->u.items[i];
		if (node_get_str(dep, "code") == NULL)
			continue;
		o = &rd->depts[rd->ndepts];
		read_org(o, dep, "department");
		o->index = rd->ndepts++;
		if ((rc = index_org(rd, o)) != 0)
			return rc;
		divs = node_get(dep, "divisions");
		for (j = 0; divs != NULL && divs->kind == NODE_SEQ &&
		    j < divs->n; j++) {
			div = divs->u.items[j];
			if (node_get_str(div, "code") == NULL)
				continue;
			o = &rd->divs[rd->ndivs];
			read_org(o, div, "division");
			o->dept = &rd->depts[rd->ndepts - 1];
			o->operated_by = (s = node_get_str(div,
			    "operated_by")) != NULL ? s : "direct";
			o->index = rd->ndivs++;
			if ((rc = index_org(rd, o)) != 0)
				return rc;
		}
	}
	return 0;
}

static int
build_members(struct refdata *rd)
{
	const struct node	*ms, *m;
	size_t			 i;

	ms = node_get(ydoc_root(rd->conf), "members");
	if (ms == NULL || ms->kind != NODE_SEQ)
		return 0;
	if ((rd->members = calloc(ms->n + 1, sizeof *rd->members)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < ms->n; i++) {
		m = ms->u.items[i];
		if (node_get_str(m, "id") == NULL)
			continue;
		rd->members[rd->nmembers].id = node_get_str(m, "id");
		rd->members[rd->nmembers].name = node_get_str(m, "name");
		rd->members[rd->nmembers++].role = node_get_str(m, "role");
	}
	return 0;
}

int
refdata_load(struct refdata **out, const char *root)
{
	struct refdata	*rd;
	int		 rc;

	*out = NULL;
	if ((rd = calloc(1, sizeof *rd)) == NULL ||
	    (rd->bycode = strmap_new()) == NULL ||
	    (rd->byname = strmap_new()) == NULL) {
		refdata_free(rd);
		return error_set(NC_ENOMEM, "out of memory");
	}
	rd->conf_rc = load(&rd->conf, &rd->conf_msg, root, STORE_MARKER);
	rd->orgs_rc = load(&rd->orgdoc, &rd->orgs_msg, root, STORE_ORGS);
	if (rd->conf_rc == NC_ENOMEM || rd->orgs_rc == NC_ENOMEM) {
		refdata_free(rd);
		return error_set(NC_ENOMEM, "out of memory");
	}
	if ((rd->conf != NULL && (rc = build_members(rd)) != 0) ||
	    (rd->orgdoc != NULL && (rc = build_orgs(rd)) != 0)) {
		refdata_free(rd);
		return rc;
	}
	*out = rd;
	return 0;
}

void
refdata_free(struct refdata *rd)
{
	if (rd == NULL)
		return;
	ydoc_free(rd->conf);
	ydoc_free(rd->orgdoc);
	free(rd->conf_msg);
	free(rd->orgs_msg);
	free(rd->depts);
	free(rd->divs);
	free(rd->members);
	strmap_free(rd->bycode);
	strmap_free(rd->byname);
	free(rd);
}

int
refdata_config(const struct node **out, const struct refdata *rd)
{
	*out = NULL;
	if (rd->conf == NULL)
		return error_set(rd->conf_rc, "%s", rd->conf_msg != NULL ?
		    rd->conf_msg : "no " STORE_MARKER);
	*out = ydoc_root(rd->conf);
	return 0;
}

const char *
refdata_config_str(const struct refdata *rd, const char *path)
{
	const struct node	*n = rd->conf != NULL ? ydoc_root(rd->conf) :
				    NULL;
	const char		*p = path, *dot;
	char			 key[64];
	size_t			 len;

	while (n != NULL && (dot = strchr(p, '.')) != NULL) {
		len = (size_t)(dot - p);
		if (len >= sizeof key)
			return NULL;
		memcpy(key, p, len);
		key[len] = '\0';
		n = node_get(n, key);
		p = dot + 1;
	}
	return n != NULL ? node_get_str(n, p) : NULL;
}

int
refdata_orgs_ok(const struct refdata *rd)
{
	if (rd->orgdoc == NULL)
		return error_set(rd->orgs_rc, "%s", rd->orgs_msg != NULL ?
		    rd->orgs_msg : "no " STORE_ORGS);
	return 0;
}

size_t
refdata_ndepts(const struct refdata *rd)
{
	return rd->ndepts;
}

const struct refdata_org *
refdata_dept_at(const struct refdata *rd, size_t i)
{
	return i < rd->ndepts ? &rd->depts[i] : NULL;
}

size_t
refdata_ndivisions(const struct refdata *rd)
{
	return rd->ndivs;
}

const struct refdata_org *
refdata_division_at(const struct refdata *rd, size_t i)
{
	return i < rd->ndivs ? &rd->divs[i] : NULL;
}

int
refdata_org(const struct refdata_org **out, const struct refdata *rd,
    const char *code)
{
	if (code != NULL && (*out = strmap_get(rd->bycode, code)) != NULL)
		return 0;
	*out = NULL;
	return error_set(NC_ENOTFOUND, "'%s' is not an organisation code in "
	    "%s", code != NULL ? code : "", STORE_ORGS);
}

int
refdata_org_find(const struct refdata_org **out, const struct refdata *rd,
    const char *text)
{
	const struct refdata_org	*o;

	*out = NULL;
	if ((o = strmap_get(rd->bycode, text)) != NULL) {
		*out = o;
		return 0;
	}
	if ((o = strmap_get(rd->byname, text)) == NULL)
		return error_set(NC_ENOTFOUND, "'%s' is neither an "
		    "organisation code nor a name in %s", text, STORE_ORGS);
	if (o == (const void *)&ambiguous)
		return error_set(NC_EAMBIGUOUS, "'%s' names several "
		    "organisations in %s; give the code", text, STORE_ORGS);
	*out = o;
	return 0;
}

size_t
refdata_nmembers(const struct refdata *rd)
{
	return rd->nmembers;
}

const struct refdata_member *
refdata_member_at(const struct refdata *rd, size_t i)
{
	return i < rd->nmembers ? &rd->members[i] : NULL;
}

int
refdata_member(const struct refdata_member **out, const struct refdata *rd,
    const char *id)
{
	size_t	i;

	*out = NULL;
	for (i = 0; id != NULL && i < rd->nmembers; i++) {
		if (strcmp(rd->members[i].id, id) == 0) {
			*out = &rd->members[i];
			return 0;
		}
	}
	return error_set(NC_ENOTFOUND, "'%s' is not a team member id in %s",
	    id != NULL ? id : "", STORE_MARKER);
}

int
refdata_member_find(const struct refdata_member **out,
    const struct refdata *rd, const char *text)
{
	size_t	i;

	if (refdata_member(out, rd, text) == 0)
		return 0;
	for (i = 0; i < rd->nmembers; i++) {
		if (rd->members[i].name != NULL &&
		    strcmp(rd->members[i].name, text) == 0) {
			*out = &rd->members[i];
			error_clear();
			return 0;
		}
	}
	return error_set(NC_ENOTFOUND, "'%s' is not a team member id or name"
	    " in %s", text, STORE_MARKER);
}
