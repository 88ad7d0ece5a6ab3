/*
 * The 相談シート (3(3)ア(イ)a): the form a division fills in, and the
 * import of a returned one as a consultation.
 *
 * The form is locked except for the answer cells (sheet protection
 * without a password, so nobody is locked out, but nothing moves by
 * accident).  A hidden sheet _form names the template and where each
 * answer is, so the import reads the cells the form put there and
 * refuses a workbook of another template with a message that says so.
 * The import is idempotent: the SHA-256 of what was filled in is kept in
 * the record, so the same sheet imported twice changes nothing, whatever
 * Excel did to the bytes of the file in between.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cal.h"
#include "clock.h"
#include "consult.h"
#include "consult_int.h"
#include "sha256.h"
#include "error.h"
#include "guard.h"
#include "parse.h"
#include "schema.h"
#include "text.h"
#include "xlsx.h"
#include "xlsxread.h"

#define SHEET_NAME	"相談シート"
#define QUESTION_EXAMPLE \
	"相談したいことを具体的に記入してください。\n" \
	"・現状と、困っていること\n" \
	"・事業者からの提案や見積りがあればその内容\n" \
	"・関係する情報システムの名称\n" \
	"（セル内の改行は Alt+Enter）\n\n\n"

/* The fields of the form, in the order of its rows. */
enum {
	F_TYPE,
	F_ORG,
	F_REQUESTER,
	F_TITLE,
	F_QUESTION,
	F_RECEIVED,
	F_DUE,
	NFIELDS
};

static const struct field {
	const char	*key;		/* in the marker sheet */
	const char	*label;
	const char	*example;
	int		 required;
} fields[NFIELDS] = {
	{ "type", "相談の種別", "一覧から選んでください。", 1 },
	{ "org", "相談課（部・課）",
	    "例：こども家庭部 保育課（部と課の間は空白）", 1 },
	{ "requester", "記入者の職名",
	    "例：庶務係長。氏名は記入しないでください。", 0 },
	{ "title", "件名", "例：保護者向け連絡アプリでの写真共有の可否", 1 },
	{ "question", "相談内容", QUESTION_EXAMPLE, 1 },
	/* dates of the sheet's fiscal year (example_date()) */
	{ "received", "提出日", "例：%s（%d/5/11と入力）", 1 },
	{ "due", "回答希望日", "任意。例：%s（%d/5/22と入力）", 0 },
};

/* --- the form ----------------------------------------------------------- */

/*
 * A date's example in the sheet's fiscal year, 令和12年5月11日 in a sheet
 * of 令和12年度: it said 令和8年 whatever the year (rev43b B9).
 */
static const char *
example_date(char *out, size_t size, const char *fmt, int day)
{
	struct cal_date	d;
	char		e[CAL_FMT_MAX];

	d.y = cal_fy(cal_today());
	d.m = 5;
	d.d = day;
	if (cal_format_era(e, sizeof e, d, CAL_ERA_LONG) != 0)
		snprintf(e, sizeof e, "%d年5月%d日", d.y, day);
	snprintf(out, size, fmt, e, d.y);
	return out;
}

int
consult_sheet_write(struct store *st, const char *org, const char *path,
    time_t created)
{
	static const struct xlsx_column	 cols[] = {
		{ "項目", 0, 20 },
		{ "記入欄", XLSX_COL_INPUT, 56 },
		/*
		 * broken by the writer: a row of two lines printed its
		 * example on one (例：庶務係長。氏名は記入しないでください。);
		 * in 44 every line of the examples is one (in 40 the writer
		 * broke the question's list after its ・)
		 */
		{ "記入例・説明", XLSX_COL_BREAK, 44 },
	};
	const struct schema	*kind;
	struct xlsx		*x = NULL;
	struct xlsx_props	 props;
	struct xlsx_sheet	*sh, *mk;
	const char		*types[3], *name = NULL, *dept = NULL;
	const char		*to = cs_config(st, "client", "division");
	char			 ref[16], orgtext[256], ex[128];
	uint32_t		 row, first;
	size_t			 i;
	int			 rc;

	if ((kind = cs_kind(st)) == NULL)
		return error_code();
	orgtext[0] = '\0';
	if (org != NULL) {
		if ((rc = store_org(&name, &dept, st, org)) != 0)
			return rc;
		snprintf(orgtext, sizeof orgtext, "%s%s%s", dept != NULL ?
		    dept : "", dept != NULL ? " " : "", name);
	}
	types[0] = schema_label(kind, "type", "department");
	types[1] = schema_label(kind, "type", "division");
	types[2] = schema_label(kind, "type", "dx");
	memset(&props, 0, sizeof props);
	props.title = "相談シート";
	props.subject = "情報化に関する相談（質問票）";
	props.created = created;
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		return rc;
	xlsx_add_sheet(&sh, x, SHEET_NAME, XLSX_PROTECT);
	xlsx_title(sh, "相談シート（情報化・情報セキュリティに関する相談）",
	    "色の付いた記入欄に記入し、このファイルのまま提出してください。");
	xlsx_table(&row, sh, cols, 3);
	first = row;
	for (i = 0; i < NFIELDS; i++, row++) {
		xlsx_write_text(sh, row, 0, fields[i].label);
		if (i == F_TYPE)
			xlsx_write_text(sh, row, 1, types[0]);
		else if (i == F_ORG && org != NULL)
			xlsx_write_text(sh, row, 1, orgtext);
		else
			xlsx_write_blank(sh, row, 1);
		/*
		 * The question's row is made tall by its example (the
		 * module sizes rows by their text), so there is room to
		 * write in it.
		 */
		if (i == F_QUESTION)
			xlsx_write_text(sh, row, 2, QUESTION_EXAMPLE);
		else if (i == F_RECEIVED || i == F_DUE)
			xlsx_write_text(sh, row, 2, example_date(ex, sizeof ex,
			    fields[i].example, i == F_RECEIVED ? 11 : 22));
		else
			xlsx_write_text(sh, row, 2, fields[i].example);
	}
	xlsx_validation_list(sh, first + F_TYPE, 1, first + F_TYPE, 1,
	    types, 3);
	row++;
	xlsx_note(sh, row++, "※ 個人番号（マイナンバー）その他の個人情報は記入し"
	    "ないでください。記入されたシートは受け付けません。");
	xlsx_note(sh, row++, "※ 行や列、シートの追加・削除はしないでください。");
	if (to != NULL) {
		snprintf(orgtext, sizeof orgtext, "※ 提出先：%s%s",
		    cs_config(st, "client", "department") != NULL ?
		    cs_config(st, "client", "department") : "", to);
		xlsx_note(sh, row++, orgtext);
	}

	/* the marker: which template, and where each answer is */
	xlsx_add_sheet(&mk, x, CONSULT_SHEET_MARKER, XLSX_HIDDEN |
	    XLSX_PROTECT);
	xlsx_write_text(mk, 0, 0, "format");
	xlsx_write_text(mk, 0, 1, CONSULT_SHEET_FORMAT);
	xlsx_write_text(mk, 1, 0, "sheet");
	xlsx_write_text(mk, 1, 1, SHEET_NAME);
	xlsx_write_text(mk, 2, 0, "form_org");
	xlsx_write_text(mk, 2, 1, org != NULL ? org : "");
	for (i = 0; i < NFIELDS; i++) {
		xlsxread_ref_format(ref, first + (uint32_t)i, 1);
		xlsx_write_text(mk, (uint32_t)(3 + i), 0, fields[i].key);
		xlsx_write_text(mk, (uint32_t)(3 + i), 1, ref);
	}
	rc = xlsx_save(x);
	xlsx_free(x);
	return rc;
}

/* --- reading a returned sheet ------------------------------------------- */

void
consult_sheet_free(struct consult_sheet *s)
{
	free(s->type);
	free(s->org);
	free(s->requester);
	free(s->title);
	free(s->question);
	free(s->received);
	free(s->due);
	free(s->sha256);
	memset(s, 0, sizeof *s);
}

/* The marker's value under key (column A), or NULL. */
static const char *
marker(const struct xlsxread_sheet *m, const char *key)
{
	struct xlsxread_cell	c;
	uint32_t		r;

	for (r = 0; r < xlsxread_nrows(m); r++) {
		c = xlsxread_cell(m, r, 0);
		if (strcmp(c.text, key) == 0)
			return xlsxread_cell(m, r, 1).text;
	}
	return NULL;
}

/* The text with spaces and line ends trimmed at both ends; CR LF as LF. */
static char *
trimmed(const char *s)
{
	struct buf	 b = BUF_INIT;

	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if (strncmp(s, "\xe3\x80\x80", 3) == 0)
			s += 3;
		else
			break;
	}
	for (; *s != '\0'; s++)
		if (*s != '\r')
			buf_putc(&b, *s);
	while (b.len > 0 && (b.data[b.len - 1] == ' ' ||
	    b.data[b.len - 1] == '\n' || b.data[b.len - 1] == '\t'))
		b.data[--b.len] = '\0';
	while (b.len >= 3 && strcmp(b.data + b.len - 3, "\xe3\x80\x80") == 0)
		b.data[b.len -= 3] = '\0';
	if (b.data == NULL)
		return strdup("");
	return buf_detach(&b, NULL);
}

/* A date cell: an Excel date (serial) or text in any form parse_date() knows. */
static int
cell_date(char out[CAL_FMT_MAX], struct xlsxread_cell c)
{
	struct cal_date	d;
	int		y, m, dd;

	if (c.type == XLSXREAD_NUMBER) {
		if (xlsxread_serial_date(&y, &m, &dd, c.num) != 0)
			return NC_EINVALID;
		d.y = y;
		d.m = m;
		d.d = dd;
	} else if (parse_date(&d, c.text) != 0)
		return NC_EINVALID;
	return cal_format_iso(out, CAL_FMT_MAX, d);
}

/*
 * The organisation a division wrote: a code, a 課 name only one 課 has,
 * or the 部 and the 課 ("こども家庭部 保育課", "こども家庭部保育課").
 */
static int
find_org(const char **code, struct store *st, const char *text)
{
	const char	*name, *dept, *p, *ends[] = { "部", "室", "局", NULL };
	char		 left[256], right[256];
	size_t		 i, n;
	int		 rc;

	if (store_org_find(code, st, text) == 0)
		return 0;
	for (i = 0; ends[i] != NULL; i++) {
		if ((p = strstr(text, ends[i])) == NULL)
			continue;
		n = (size_t)(p - text) + strlen(ends[i]);
		if (n >= sizeof left || strlen(text + n) >= sizeof right)
			continue;
		memcpy(left, text, n);
		left[n] = '\0';
		p = text + n;
		while (*p == ' ' || strncmp(p, "\xe3\x80\x80", 3) == 0)
			p += *p == ' ' ? 1 : 3;
		snprintf(right, sizeof right, "%s", p);
		if (*right == '\0')
			continue;
		if ((rc = store_org_find(code, st, right)) != 0) {
			if (rc == NC_EAMBIGUOUS)
				return error_set(rc, "'%s' is the name of "
				    "several divisions in %s; write the "
				    "division's code instead", right,
				    STORE_ORGS);
			continue;
		}
		if (store_org(&name, &dept, st, *code) == 0 && dept != NULL &&
		    strcmp(dept, left) != 0)
			return error_set(NC_EINVALID, "'%s' is a division of "
			    "%s, not of %s", right, dept, left);
		return 0;
	}
	return error_set(NC_ENOTFOUND, "'%s' is not a division in %s: "
	    "write the 部 and the 課 as they are called there", text,
	    STORE_ORGS);
}

static void
problem(struct diags *d, const char *name, uint32_t row, uint32_t col,
    const char *label, const char *msg)
{
	char	ref[16];

	xlsxread_ref_format(ref, row, col);
	diags_add(d, name, row + 1, col + 1, "%s (%s): %s", ref, label, msg);
}

int
consult_sheet_read(struct consult_sheet *out, struct store *st,
    const char *path, const char *name, struct diags *d)
{
	const struct schema		*kind;
	struct xlsxread			*x = NULL;
	const struct xlsxread_sheet	*m, *sh;
	struct xlsxread_cell		 c;
	const char			*fmt, *ref, *code, *type;
	char				*val[NFIELDS] = { NULL };
	char				 iso[CAL_FMT_MAX], msg[512];
	struct buf			 all = BUF_INIT;
	uint32_t			 rows[NFIELDS], cols[NFIELDS];
	size_t				 i, idx, off, len, n0 = d->n;
	int				 rc;

	memset(out, 0, sizeof *out);
	if (name == NULL)
		name = path;
	if ((kind = cs_kind(st)) == NULL)
		return error_code();
	if ((rc = xlsxread_open(&x, path, name)) != 0)
		return rc;
	if (xlsxread_sheet_find(&idx, x, CONSULT_SHEET_MARKER) != 0) {
		rc = error_set(NC_EINVALID, "'%s' is not a 相談シート: it has no"
		    " hidden sheet '%s' naming its template (send the form"
		    " made by 'nerima-cio consult export sheet')", name,
		    CONSULT_SHEET_MARKER);
		goto done;
	}
	if ((rc = xlsxread_sheet(&m, x, idx)) != 0)
		goto done;
	fmt = marker(m, "format");
	if (fmt == NULL || strcmp(fmt, CONSULT_SHEET_FORMAT) != 0) {
		rc = error_set(NC_EINVALID, "'%s' is a form of another template"
		    " ('%s'), not a 相談シート ('%s')", name, fmt != NULL ?
		    fmt : "unknown", CONSULT_SHEET_FORMAT);
		goto done;
	}
	if (marker(m, "sheet") == NULL ||
	    xlsxread_sheet_find(&idx, x, marker(m, "sheet")) != 0 ||
	    (rc = xlsxread_sheet(&sh, x, idx)) != 0) {
		rc = error_set(NC_EINVALID, "'%s': the sheet '%s' of the form"
		    " is missing; were sheets deleted or renamed?", name,
		    marker(m, "sheet") != NULL ? marker(m, "sheet") : "");
		goto done;
	}
	for (i = 0; i < NFIELDS; i++) {
		ref = marker(m, fields[i].key);
		if (ref == NULL ||
		    xlsxread_ref_parse(&rows[i], &cols[i], ref) != 0) {
			rc = error_set(NC_EINVALID, "'%s': the form's marker "
			    "does not say where '%s' is; the file was changed"
			    " beyond filling it in", name, fields[i].label);
			goto done;
		}
	}
	for (i = 0; i < NFIELDS; i++) {
		c = xlsxread_cell(sh, rows[i], cols[i]);
		/* a form made for one division knows it */
		if (i == F_ORG && *c.text == '\0' &&
		    marker(m, "form_org") != NULL &&
		    *marker(m, "form_org") != '\0') {
			if ((val[i] = strdup(marker(m, "form_org"))) == NULL) {
				rc = error_set(NC_ENOMEM, "out of memory");
				goto done;
			}
			continue;
		}
		if (i == F_RECEIVED || i == F_DUE) {
			if (c.type == XLSXREAD_EMPTY || *c.text == '\0') {
				if (fields[i].required)
					problem(d, name, rows[i], cols[i],
					    fields[i].label, "empty; the date "
					    "is needed");
				continue;
			}
			if (cell_date(iso, c) != 0) {
				snprintf(msg, sizeof msg, "'%s' is not a date "
				    "(write it as 2026/5/11 or 令和8年5月11日)",
				    c.text);
				problem(d, name, rows[i], cols[i],
				    fields[i].label, msg);
				error_clear();
				continue;
			}
			val[i] = strdup(iso);
		} else
			val[i] = trimmed(c.text);
		if (val[i] == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		if (*val[i] == '\0') {
			free(val[i]);
			val[i] = NULL;
			if (fields[i].required)
				problem(d, name, rows[i], cols[i],
				    fields[i].label, "empty; this is needed");
			continue;
		}
		if (!text_utf8_valid(val[i], strlen(val[i]))) {
			problem(d, name, rows[i], cols[i], fields[i].label,
			    "not valid text (UTF-8)");
			continue;
		}
		/* the My Number guard: nothing is imported that holds one */
		if (guard_find_mynumber(val[i], strlen(val[i]), &off,
		    &len) == 1) {
			snprintf(msg, sizeof msg, "holds what looks like a My "
			    "Number (個人番号) at character %zu; individual "
			    "numbers must not be sent or recorded: the "
			    "division must remove it and send the sheet again",
			    text_chars(val[i], off) + 1);
			problem(d, name, rows[i], cols[i], fields[i].label,
			    msg);
		}
	}
	if (val[F_TYPE] != NULL) {
		if ((type = schema_enum_find(schema_at(kind, "type"),
		    val[F_TYPE])) == NULL)
			problem(d, name, rows[F_TYPE], cols[F_TYPE],
			    fields[F_TYPE].label, "not one of the choices of"
			    " the list");
		else {
			free(val[F_TYPE]);
			val[F_TYPE] = strdup(type);
		}
	}
	if (val[F_ORG] != NULL) {
		if (find_org(&code, st, val[F_ORG]) != 0) {
			problem(d, name, rows[F_ORG], cols[F_ORG],
			    fields[F_ORG].label, error_last());
			error_clear();
		} else {
			free(val[F_ORG]);
			val[F_ORG] = strdup(code);
		}
	}
	if (val[F_RECEIVED] != NULL && val[F_DUE] != NULL &&
	    strcmp(val[F_DUE], val[F_RECEIVED]) < 0)
		problem(d, name, rows[F_DUE], cols[F_DUE], fields[F_DUE].label,
		    "before the day the sheet was sent (提出日)");
	if (val[F_TITLE] != NULL && strchr(val[F_TITLE], '\n') != NULL)
		problem(d, name, rows[F_TITLE], cols[F_TITLE],
		    fields[F_TITLE].label, "one line, please: the title holds"
		    " a line break");
	if (d->n > n0) {
		rc = error_set(NC_EINVALID, "'%s': %zu problem%s in the sheet;"
		    " nothing imported", name, d->n - n0, d->n - n0 == 1 ?
		    "" : "s");
		goto done;
	}
	/* the digest of what was filled in, field by field */
	for (i = 0; i < NFIELDS; i++) {
		buf_puts(&all, fields[i].key);
		buf_putc(&all, '=');
		buf_puts(&all, val[i] != NULL ? val[i] : "");
		buf_putc(&all, '\n');
	}
	if ((rc = buf_ok(&all)) != 0 ||
	    (out->sha256 = malloc(65)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	sha256_hex(out->sha256, all.data, all.len);
	out->type = val[F_TYPE];
	out->org = val[F_ORG];
	out->requester = val[F_REQUESTER];
	out->title = val[F_TITLE];
	out->question = val[F_QUESTION];
	out->received = val[F_RECEIVED];
	out->due = val[F_DUE];
	memset(val, 0, sizeof val);
	if (out->type == NULL || out->org == NULL || out->title == NULL ||
	    out->received == NULL)
		rc = error_set(NC_ENOMEM, "out of memory");
done:
	for (i = 0; i < NFIELDS; i++)
		free(val[i]);
	buf_free(&all);
	xlsxread_free(x);
	if (rc != 0)
		consult_sheet_free(out);
	return rc;
}

/* --- the import ----------------------------------------------------------- */

/* The fields a sheet sets, with the record's keys. */
static const struct {
	const char	*key;
	size_t		 field;
} sets[] = {
	{ "type", F_TYPE },
	{ "requester", F_REQUESTER },
	{ "question", F_QUESTION },
	{ "due", F_DUE },
};

static const char *
sheet_value(const struct consult_sheet *s, size_t f)
{
	switch (f) {
	case F_TYPE:
		return s->type;
	case F_ORG:
		return s->org;
	case F_REQUESTER:
		return s->requester;
	case F_TITLE:
		return s->title;
	case F_QUESTION:
		return s->question;
	case F_RECEIVED:
		return s->received;
	case F_DUE:
		return s->due;
	}
	return NULL;
}

static int
set_source(struct ydoc *doc, struct node *root, const char *file,
    const char *sha)
{
	struct node	*src;
	char		 now[CLOCK_ISO_MAX];
	const char	*base = strrchr(file, '/');

	clock_iso(now);
	if ((src = node_map(doc)) == NULL ||
	    node_map_set_str(doc, src, "file", base != NULL ? base + 1 :
	    file) != 0 ||
	    node_map_set_str(doc, src, "sha256", sha) != 0 ||
	    node_map_set_str(doc, src, "imported", now) != 0)
		return error_set(NC_ENOMEM, "out of memory");
	return node_map_set(doc, root, "source", src);
}

struct update {
	const struct consult_sheet	*s;
	const char			*file;
	const struct schema		*kind;
	struct buf			 changed;
};

static int
update_edit(struct record *r, void *arg)
{
	struct update	*u = arg;
	struct node	*root = record_root(r);
	const char	*v, *old;
	size_t		 i;
	int		 rc;

	for (i = 0; i < sizeof sets / sizeof sets[0]; i++) {
		v = sheet_value(u->s, sets[i].field);
		old = node_get_str(root, sets[i].key);
		if ((v == NULL && old == NULL) ||
		    (v != NULL && old != NULL && strcmp(v, old) == 0))
			continue;
		if (v == NULL)
			node_map_remove(root, sets[i].key);
		else if ((rc = node_map_set_str(r->doc, root, sets[i].key,
		    v)) != 0)
			return rc;
		buf_printf(&u->changed, "%s%s", u->changed.len > 0 ? "、" :
		    "", schema_title(schema_at(u->kind, sets[i].key)));
	}
	if ((rc = set_source(r->doc, root, u->file, u->s->sha256)) != 0)
		return rc;
	return consult_check_dates(root);
}

int
consult_import(char **out_id, char **out_relpath,
    enum consult_import_state *state, char **changed, struct store *st,
    const struct consult_sheet *s, const char *file, struct diags *d)
{
	static const char *const want[] = { "id", "title", "org", "received",
	    "source" };
	const struct schema	*kind;
	struct reclist		 refs = RECLIST_INIT;
	struct record		*r = NULL, *edited = NULL;
	struct ydoc		*doc = NULL;
	struct node		*root;
	const struct node	*rr;
	struct update		 u;
	size_t			 i, same = (size_t)-1, match = (size_t)-1;
	int			 rc, locked = 0;

	*out_id = *out_relpath = *changed = NULL;
	*state = CONSULT_IMPORT_NEW;
	memset(&u, 0, sizeof u);
	if ((kind = cs_kind(st)) == NULL)
		return error_code();
	if ((rc = store_lock(st)) != 0)
		return rc;
	locked = 1;
	if ((rc = store_scan(&refs, st, kind, 0, NULL)) != 0)
		goto done;
	for (i = 0; i < refs.n && same == (size_t)-1; i++) {
		if ((rc = record_load_fields(&r, st, &refs.v[i], NULL, want,
		    sizeof want / sizeof want[0])) != 0)
			goto done;
		rr = record_root(r);
		if (node_scalar_eq(node_get(node_get(rr, "source"), "sha256"),
		    s->sha256))
			same = i;
		else if (match == (size_t)-1 &&
		    node_scalar_eq(node_get(rr, "org"), s->org) &&
		    node_scalar_eq(node_get(rr, "title"), s->title) &&
		    node_scalar_eq(node_get(rr, "received"), s->received))
			match = i;
		record_free(r);
		r = NULL;
	}
	if (same != (size_t)-1) {
		*state = CONSULT_IMPORT_SAME;
		match = same;
	} else if (match != (size_t)-1) {
		*state = CONSULT_IMPORT_UPDATED;
		u.s = s;
		u.file = file;
		u.kind = kind;
		if ((rc = record_edit(&edited, st, &refs.v[match], update_edit,
		    &u, d)) != 0)
			goto done;
		if ((rc = buf_ok(&u.changed)) != 0)
			goto done;
		*changed = u.changed.data != NULL ?
		    buf_detach(&u.changed, NULL) : strdup("");
	}
	if (match != (size_t)-1) {
		if ((*out_id = strdup(refs.v[match].id)) == NULL ||
		    (*out_relpath = strdup(refs.v[match].relpath)) == NULL)
			rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}

	if ((doc = ydoc_new()) == NULL || (root = node_map(doc)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	ydoc_set_root(doc, root);
	if ((rc = node_map_set_str(doc, root, "type", s->type)) != 0 ||
	    (rc = node_map_set_str(doc, root, "title", s->title)) != 0 ||
	    (rc = node_map_set_str(doc, root, "org", s->org)) != 0 ||
	    (s->requester != NULL && (rc = node_map_set_str(doc, root,
	    "requester", s->requester)) != 0) ||
	    (rc = node_map_set_str(doc, root, "received", s->received)) != 0 ||
	    (rc = node_map_set_str(doc, root, "channel", "sheet")) != 0 ||
	    (rc = node_map_set_str(doc, root, "status", "received")) != 0 ||
	    (s->due != NULL && (rc = node_map_set_str(doc, root, "due",
	    s->due)) != 0) ||
	    (s->question != NULL && (rc = node_map_set_str(doc, root,
	    "question", s->question)) != 0) ||
	    (strcmp(s->type, "dx") == 0 && (rc = node_map_set_str(doc, root,
	    "deliverable", "report")) != 0) ||
	    (rc = set_source(doc, root, file, s->sha256)) != 0)
		goto done;
	rc = record_create(out_id, out_relpath, st, kind, doc, d);
done:
	if (locked)
		store_unlock(st);
	record_free(r);
	record_free(edited);
	ydoc_free(doc);
	reclist_free(&refs);
	buf_free(&u.changed);
	return rc;
}
