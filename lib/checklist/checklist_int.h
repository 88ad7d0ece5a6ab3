/*
 * Inside the checklist module: what the form writer and the import share.
 */
#ifndef NCIO_CHECKLIST_INT_H
#define NCIO_CHECKLIST_INT_H

#include <stddef.h>

#include "checklist.h"

enum ck_field_type {
	CK_FIELD_TEXT,
	CK_FIELD_DATE,
	CK_FIELD_COUNT,
	CK_FIELD_CHOICE,	/* label -> value through choices/values */
	CK_FIELD_BOOL,		/* あり / なし */
};

/* A particular of a submission on the 提出情報 sheet. */
struct ck_field {
	const char		*key;		/* the record's field */
	const char		*label;		/* column A of 提出情報 */
	const char		*example;
	enum ck_field_type	 type;
	int			 required;
	const char		*choices[5];	/* labels, NULL-terminated */
	const char		*values[5];	/* what each label stores */
};

const struct ck_field	*ck_fields(enum ck_kind, size_t *n);

#endif
