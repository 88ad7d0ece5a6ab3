/*
 * report bundle: every deliverable of a fiscal year on one medium
 * (4(3)イ: 各年度の委託仕様書に定めるすべての成果物 ... 電子媒体で 1 部).
 *
 * The documents are made again from the records by the verbs' own
 * exports, run through cmd_run() as a user would run them, so the bundle
 * holds exactly what each export writes; the registered authored files
 * (deliverable add) are copied after their SHA-256 is checked.  Each goes
 * into the folder of its specification item ("4(2)エ_監査/"), and the
 * bundle gets a 成果物一覧.xlsx and a manifest (SHA256SUMS.txt) that
 * --verify checks.  Everything is made in a private folder beside DIR
 * that becomes DIR by one rename, so a failed bundle leaves nothing.
 * An export that does not apply to a record (no test for a training
 * without one, no prevention report before the measures are reviewed) is
 * left out and said so on standard error.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <minizip/unzip.h>

#include "buf.h"
#include "cal.h"
#include "clock.h"
#include "cmd.h"
#include "deliverable.h"
#include "diag.h"
#include "fileio.h"
#include "i18n.h"
#include "lazylib.h"
#include "meeting.h"
#include "node.h"
#include "opt.h"
#include "record.h"
#include "report_bundle.h"
#include "review.h"
#include "schema.h"
#include "sha256.h"
#include "store.h"
#include "text.h"
#include "training.h"

extern const struct cmd_entry cmd_review_entry;
extern const struct cmd_entry cmd_audit_entry;
extern const struct cmd_entry cmd_checklist_entry;
extern const struct cmd_entry cmd_incident_entry;
extern const struct cmd_entry cmd_consult_entry;
extern const struct cmd_entry cmd_meeting_entry;
extern const struct cmd_entry cmd_issue_entry;
extern const struct cmd_entry cmd_training_entry;
extern const struct cmd_entry cmd_report_entry;

/* The scratch folder of one export, inside the bundle being made. */
#define WORK	".work"

struct brow {
	char	*doc, *spec, *record, *date, *file, hex[65];
	long long size;
};

/* A line of the note under 成果物一覧, its sort key and its place. */
struct leftline {
	char	*key, *text;
	size_t	 i;
};

struct bundle {
	struct cmd_ctx		*ctx;
	struct store		*st;
	const struct schema	*dkind;		/* deliverable */
	char			*real;		/* the bundle's folder, on disk */
	char			*oarg;		/* what -o of an export says */
	struct brow		*v;
	size_t			 n, cap;
	size_t			 skipped;
	struct deliverable_named named;	/* registered files */
	struct leftline		*left;		/* 成果物一覧's note: left out */
	size_t			 nleft, capleft;
	size_t			 again;		/* rows of a file listed again */
	int			 fy;
	char			 fys[8];
};

static char *
dupf(const char *fmt, ...)
{
	char	*s;
	va_list	 ap;

	va_start(ap, fmt);
	s = text_vprintf(fmt, ap);
	va_end(ap);
	return s;
}

static void
bundle_free(struct bundle *b)
{
	size_t	i;

	for (i = 0; i < b->n; i++) {
		free(b->v[i].doc);
		free(b->v[i].spec);
		free(b->v[i].record);
		free(b->v[i].date);
		free(b->v[i].file);
	}
	free(b->v);
	deliverable_named_free(&b->named);
	for (i = 0; i < b->nleft; i++) {
		free(b->left[i].text);
		free(b->left[i].key);
	}
	free(b->left);
	free(b->real);
	free(b->oarg);
}

/* "4(2)エ_監査": an item's folder. */
static int
spec_folder(struct buf *out, struct bundle *b, const char *spec)
{
	buf_printf(out, "%s_%s", spec, schema_label(b->dkind, "spec", spec));
	return buf_ok(out);
}

/*
 * The document's name: its file name up to the first '_' or '.', after
 * a leading "令和8年度_" ("令和8年度_所属点検実施結果報告書.docx").
 */
static char *
doc_name(const char *file)
{
	const char	*base = strrchr(file, '/') != NULL ?
			    strrchr(file, '/') + 1 : file;
	size_t		 n = strcspn(base, "_.");

	if (strncmp(base, "令和", strlen("令和")) == 0 && n >= 3 &&
	    strncmp(base + n - 3, "度", 3) == 0 && base[n] == '_')
		base += n + 1;
	return strndup(base, strcspn(base, "_."));
}

static int
add_row(struct bundle *b, const char *doc, const char *spec,
    const char *record, const char *date, const char *file, const char *real)
{
	struct brow	*r, *nv;
	struct stat	 sb;

	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		if ((nv = realloc(b->v, b->cap * sizeof *nv)) == NULL)
			return cmd_error(_("out of memory"));
		b->v = nv;
	}
	r = &b->v[b->n];
	memset(r, 0, sizeof *r);
	b->n++;
	if (stat(real, &sb) != 0)
		return cmd_error(_("cannot read '%s': %s"), real,
		    strerror(errno));
	r->size = (long long)sb.st_size;
	if (sha256_file(r->hex, real) != 0)
		return cmd_lib_error();
	if ((r->doc = doc != NULL ? strdup(doc) : doc_name(file)) == NULL ||
	    (r->spec = strdup(spec)) == NULL ||
	    (record != NULL && (r->record = strdup(record)) == NULL) ||
	    (date != NULL && (r->date = strdup(date)) == NULL) ||
	    (r->file = strdup(file)) == NULL)
		return cmd_error(_("out of memory"));
	return CMD_OK;
}

/*
 * A deliverable the bundle leaves out, for the note under 成果物一覧's
 * table (「次の成果物は…含めていない」) in the ward's words: the
 * document, the record by its 文書番号 or title (never its id), why.
 * The reasons were only on the exporter's standard error, and the list
 * said nothing of what was missing (review 21, rev21a T11).
 */
static int
left_out(struct bundle *b, const char *spec, const struct record *r,
    const char *doc, const char *label, const char *why)
{
	const char	*ff = r != NULL ? schema_fy_field(r->kind) : NULL;
	const char	*date = ff != NULL ? node_get_str(record_root(r), ff) :
			    NULL;
	struct leftline	*nv;
	char		*s, *k;

	if (b->nleft == b->capleft) {
		b->capleft = b->capleft ? b->capleft * 2 : 16;
		if ((nv = realloc(b->left, b->capleft * sizeof *nv)) == NULL)
			return cmd_error(_("out of memory"));
		b->left = nv;
	}
	if ((s = dupf("・%s%s%s%s：%s", doc, label != NULL &&
	    label[0] != '\0' ? "（" : "", label != NULL ? label : "",
	    label != NULL && label[0] != '\0' ? "）" : "", why)) == NULL)
		return cmd_error(_("out of memory"));
	/* as the list above: by item, document, then the record's date */
	if ((k = dupf("%s\t%s\t%.10s\t%s", spec, doc, date != NULL ? date :
	    "", s)) == NULL) {
		free(s);
		return cmd_error(_("out of memory"));
	}
	b->left[b->nleft].text = s;
	b->left[b->nleft].key = k;
	b->left[b->nleft].i = b->nleft;
	b->nleft++;
	return CMD_OK;
}

/* The note's lines by their keys; of equal keys, as they came. */
static int
left_cmp(const void *x, const void *y)
{
	const struct leftline	*a = x, *b = y;
	int			 c = strcmp(a->key, b->key);

	if (c != 0)
		return c;
	return a->i < b->i ? -1 : a->i > b->i;
}

/*
 * The date a document of the bundle carries, as its writer dated it: the
 * writers stamp each .docx, .xlsx and .pptx with its document's date
 * (docProps/core.xml, dcterms:created: the notice of a decision its
 * notice date, a 回答書 the day it was answered, a 次第 the day it is due,
 * a 作業実施報告書 its report date), so the list takes it from there and
 * from no second reckoning of its own.  The record's received date stood
 * for every document made from it (review 19, rev19b M2: the 可否決定通知
 * of 練企情受第1号, notified 5月16日, was listed at 4月8日).  out gets
 * YYYY-MM-DD, or "" for a file without the stamp.
 */
static void
doc_stamp(char out[CAL_FMT_MAX], const char *path)
{
	static const char	 tag[] = "<dcterms:created";
	unz_file_info64		 fi;
	unzFile			 zf;
	struct cal_date		 d;
	char			 xml[4096], *p;
	int			 n;

	out[0] = '\0';
	if (lazylib_load(&lazylib_libminizip) != 0) {
		error_clear();
		return;
	}
	if ((zf = unzOpen64(path)) == NULL)
		return;
	if (unzLocateFile(zf, "docProps/core.xml", 1) == UNZ_OK &&
	    unzGetCurrentFileInfo64(zf, &fi, NULL, 0, NULL, 0, NULL, 0) ==
	    UNZ_OK && fi.uncompressed_size < sizeof xml &&
	    unzOpenCurrentFile(zf) == UNZ_OK) {
		n = unzReadCurrentFile(zf, xml, sizeof xml - 1);
		unzCloseCurrentFile(zf);
		xml[n > 0 ? n : 0] = '\0';
		if ((p = strstr(xml, tag)) != NULL &&
		    (p = strchr(p, '>')) != NULL && strlen(p + 1) >= 10) {
			snprintf(out, CAL_FMT_MAX, "%.10s", p + 1);
			if (cal_parse_iso(&d, out) != 0)
				out[0] = '\0';
		}
	}
	unzClose(zf);
}

/*
 * Move the file at src into the item's folder under its name, or with
 * "_2", "_3" ... before the extension when two documents share a name;
 * *out is the path in the bundle.
 */
static int
place(char **out, struct bundle *b, const char *spec, const char *src,
    const char *name)
{
	struct buf	 rel = BUF_INIT, dst = BUF_INIT, folder = BUF_INIT;
	const char	*dot = strrchr(name, '.');
	size_t		 stem = dot != NULL ? (size_t)(dot - name) : strlen(name);
	int		 k, rc = CMD_FAIL;

	*out = NULL;
	if (spec_folder(&folder, b, spec) != 0)
		goto done;
	buf_reset(&dst);
	buf_printf(&dst, "%s/%s", b->real, folder.data);
	if (buf_ok(&dst) != 0 || (mkdir(dst.data, 0777) != 0 &&
	    errno != EEXIST)) {
		rc = cmd_error(_("cannot make the folder '%s': %s"),
		    dst.data, strerror(errno));
		goto done;
	}
	for (k = 1; k < 1000; k++) {
		buf_reset(&rel);
		if (k == 1)
			buf_printf(&rel, "%s/%s", folder.data, name);
		else
			buf_printf(&rel, "%s/%.*s_%d%s", folder.data,
			    (int)stem, name, k, dot != NULL ? dot : "");
		buf_reset(&dst);
		buf_printf(&dst, "%s/%s", b->real, rel.data);
		if (buf_ok(&rel) != 0 || buf_ok(&dst) != 0) {
			rc = cmd_error(_("out of memory"));
			goto done;
		}
		if (access(dst.data, F_OK) != 0)
			break;
	}
	if (rename(src, dst.data) != 0) {
		rc = cmd_error(_("cannot move '%s' to '%s': %s"), src,
		    dst.data, strerror(errno));
		goto done;
	}
	*out = buf_detach(&rel, NULL);
	rc = CMD_OK;
done:
	buf_free(&rel);
	buf_free(&dst);
	buf_free(&folder);
	return rc;
}

/*
 * A file an export wrote that the bundle holds already, byte for byte,
 * under the same name in another item's folder: the 定例会's 課題管理表
 * (4(3)ア(ウ)) of the day of the year-end 作業実施報告書's copy (4(3)ア(ア)),
 * which went into both folders and was listed twice, as two deliverables
 * (review 19, rev19b M5).  The bundle keeps the one file; the list names
 * it again under this item (再掲).  src is removed when it is such a file.
 */
static int
again(struct bundle *b, const char *spec, const char *src, const char *name)
{
	struct buf	 real = BUF_INIT, rec = BUF_INIT;
	const char	*base;
	char		 hex[65];
	size_t		 i, n = b->n;
	int		 rc = CMD_OK;

	for (i = 0; i < n; i++) {
		base = strrchr(b->v[i].file, '/') != NULL ?
		    strrchr(b->v[i].file, '/') + 1 : b->v[i].file;
		if (strcmp(base, name) != 0 || strcmp(b->v[i].spec, spec) == 0)
			continue;
		if (sha256_file(hex, src) != 0)
			return cmd_lib_error();
		if (strcmp(hex, b->v[i].hex) != 0)
			continue;
		buf_printf(&real, "%s/%s", b->real, b->v[i].file);
		buf_printf(&rec, "再掲（%s）", b->v[i].spec);
		if (buf_ok(&real) != 0 || buf_ok(&rec) != 0) {
			rc = cmd_error(_("out of memory"));
			break;
		}
		if (unlink(src) != 0) {
			rc = cmd_error(_("cannot remove '%s'"), src);
			break;
		}
		{
			char	*doc = b->v[i].doc != NULL ?
				    strdup(b->v[i].doc) : NULL;
			char	*date = b->v[i].date != NULL ?
				    strdup(b->v[i].date) : NULL;
			char	*file = strdup(b->v[i].file);

			rc = file == NULL ? cmd_error(_("out of memory")) :
			    add_row(b, doc, spec, rec.data, date, file,
			    real.data);
			b->again++;
			free(doc);
			free(date);
			free(file);
		}
		break;
	}
	buf_free(&real);
	buf_free(&rec);
	return rc;
}

/*
 * The first line of an export's messages that is not a warning (the
 * error that failed it), else the first line.
 */
static const char *
first_error(const char *m)
{
	const char	*w = _("nerima-cio: warning: "), *p;

	for (p = m; *p != '\0'; p = strchr(p, '\n') + 1) {
		if (strncmp(p, w, strlen(w)) != 0)
			return p;
		if (strchr(p, '\n') == NULL)
			break;
	}
	return m;
}

/*
 * Run one export (args: verb, "export", what, ..., NULL) into the scratch
 * folder, its messages kept; then move what it wrote into the item's
 * folder.  An export that refuses (the document does not apply to the
 * record, or the record is not ready for it) is left out with a warning;
 * a usage error is the bundle's bug and fails it.
 */
static int
run_export(struct bundle *b, const struct cmd_entry *e, const char *spec,
    const char *record, int dated, const char *const *args)
{
	struct buf	 work = BUF_INIT, o = BUF_INIT, msg = BUF_INIT;
	struct buf	 src = BUF_INIT;
	struct dirent	*de;
	DIR		*dp = NULL;
	char		*argv[16], tmpl[] = "/tmp/nerima-cio-bundle.XXXXXX";
	char		 stamp[CAL_FMT_MAX];
	char		*rel = NULL, *nl;
	int		 argc = 0, rc, saved = -1, fd = -1;

	buf_printf(&work, "%s/" WORK, b->real);
	buf_printf(&o, "%s/" WORK "/", b->oarg);
	if (buf_ok(&work) != 0 || buf_ok(&o) != 0)
		return cmd_error(_("out of memory"));
	if (mkdir(work.data, 0700) != 0 && errno != EEXIST) {
		rc = cmd_error(_("cannot make the folder '%s': %s"), work.data,
		    strerror(errno));
		goto done;
	}
	while (args[argc] != NULL && argc < 12) {
		argv[argc] = (char *)args[argc];
		argc++;
	}
	argv[argc++] = (char *)"-o";
	argv[argc++] = o.data;
	argv[argc] = NULL;
	/* The export's own messages, kept to say why it was left out. */
	fflush(stderr);
	if ((fd = mkstemp(tmpl)) == -1 || (saved = dup(2)) == -1 ||
	    dup2(fd, 2) == -1) {
		rc = cmd_error(_("cannot keep an export's messages: %s"),
		    strerror(errno));
		goto done;
	}
	unlink(tmpl);
	rc = cmd_run(e, b->ctx, argc, argv);
	fflush(stderr);
	dup2(saved, 2);
	if (lseek(fd, 0, SEEK_SET) == 0) {
		char	chunk[512];
		ssize_t	n;

		while ((n = read(fd, chunk, sizeof chunk)) > 0)
			buf_add(&msg, chunk, (size_t)n);
	}
	buf_putc(&msg, '\0');
	if (rc == CMD_USAGE) {
		fputs(msg.data != NULL ? msg.data : "", stderr);
		rc = cmd_error(_("the bundle could not run '%s %s %s'"),
		    args[0], args[1], args[2]);
		goto done;
	}
	if (rc != CMD_OK) {
		/*
		 * Its first error, without "nerima-cio: ": a warning
		 * before it says nothing of why the export failed.
		 */
		const char *m = msg.data != NULL ? msg.data : "";

		m = first_error(m);
		if (strncmp(m, "nerima-cio: ", 12) == 0)
			m += 12;
		/* the scratch folder's name says nothing to the reader */
		if (strncmp(m, work.data, work.len) == 0 &&
		    m[work.len] == '/')
			m += work.len + 1;
		if ((nl = strchr(m, '\n')) != NULL)
			*nl = '\0';
		cmd_warn(_("not in the bundle: %s %s%s%s: %s"), args[0],
		    strcmp(args[1], "export") == 0 ? args[2] : args[1], record != NULL ? " " : "",
		    record != NULL ? record : "", m);
		b->skipped++;
		rc = CMD_OK;
		/* a 回答書 not yet answered: named under the list too */
		if (strcmp(args[0], "consult") == 0 &&
		    strcmp(args[2], "answer") == 0)
			rc = left_out(b, spec, NULL, "回答書", record,
			    "回答前");
		/*
		 * nor a 再発防止策の提案書 before the division's measures are
		 * in and reviewed: the list named the 事故等報告書 that says
		 * 有効性：未確認 and not the proposal (rev43b B5)
		 */
		else if (strcmp(args[0], "incident") == 0 &&
		    strcmp(args[2], "prevention") == 0)
			rc = left_out(b, spec, NULL, "再発防止策の提案書",
			    record, "作成前（再発防止策の確認前）");
		/* Whatever it left in the scratch folder goes. */
		cmd_remove_tree(work.data);
		goto done;
	}
	if ((dp = opendir(work.data)) == NULL) {
		rc = cmd_error(_("cannot read the folder '%s': %s"), work.data,
		    strerror(errno));
		goto done;
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		buf_reset(&src);
		buf_printf(&src, "%s/%s", work.data, de->d_name);
		if (buf_ok(&src) != 0) {
			rc = cmd_error(_("out of memory"));
			goto done;
		}
		if (dated)
			doc_stamp(stamp, src.data);
		if ((rc = again(b, spec, src.data, de->d_name)) != CMD_OK)
			goto done;
		if (access(src.data, F_OK) != 0)
			continue;	/* in the bundle already: listed again */
		if ((rc = place(&rel, b, spec, src.data, de->d_name)) !=
		    CMD_OK)
			goto done;
		buf_reset(&src);
		buf_printf(&src, "%s/%s", b->real, rel);
		rc = buf_ok(&src) != 0 ? cmd_error(_("out of memory")) :
		    add_row(b, NULL, spec, record, dated && stamp[0] != '\0' ?
		    stamp : NULL, rel, src.data);
		free(rel);
		rel = NULL;
		if (rc != CMD_OK)
			goto done;
	}
	rc = CMD_OK;
done:
	if (dp != NULL)
		closedir(dp);
	if (saved != -1)
		close(saved);
	if (fd != -1)
		close(fd);
	free(rel);
	buf_free(&work);
	buf_free(&o);
	buf_free(&msg);
	buf_free(&src);
	return rc;
}

/* ---- what the year holds -------------------------------------------- */

/* A record's name in the list: 文書番号 and title. */
static void
rec_label(struct buf *out, const struct record *r)
{
	const char	*tf = schema_title_field(r->kind);
	const char	*no = node_get_str(record_root(r), "ref_no");
	const char	*t = tf != NULL ? node_get_str(record_root(r), tf) :
			    NULL;

	buf_reset(out);
	if (no != NULL)
		buf_printf(out, "%s%s", no, t != NULL ? " " : "");
	if (t != NULL)
		buf_puts(out, t);
	buf_putc(out, '\0');
}

typedef int (*rec_fn)(struct bundle *, const struct record *,
    const char *label);

static int
each_record(struct bundle *b, const char *kindname, rec_fn fn)
{
	const struct schema	*kind;
	struct reclist		 refs = RECLIST_INIT;
	struct record		*r;
	struct buf		 label = BUF_INIT;
	size_t			 i;
	int			 rc = CMD_OK;

	if (store_kind(&kind, b->st, kindname) != 0 ||
	    store_scan(&refs, b->st, kind, b->fy, NULL) != 0)
		return cmd_lib_error();
	for (i = 0; i < refs.n && rc == CMD_OK; i++) {
		if (record_load(&r, b->st, &refs.v[i], NULL) != 0) {
			rc = cmd_error(_("cannot read %s: %s"),
			    refs.v[i].relpath, error_last());
			break;
		}
		rec_label(&label, r);
		rc = buf_ok(&label) != 0 ? cmd_error(_("out of memory")) :
		    fn(b, r, label.data);
		record_free(r);
	}
	reclist_free(&refs);
	buf_free(&label);
	return rc;
}

#define RUN(e, spec, label, dated, ...)					\
	do {								\
		const char *const a_[] = { __VA_ARGS__, NULL };		\
		if ((rc = run_export(b, &(e), spec, label, dated, a_)) !=	\
		    CMD_OK)						\
			return rc;					\
	} while (0)

/*
 * The 教材 or 別添 a record names that the data directory does not hold:
 * the bundle cannot put them in, and says so on standard error and under
 * 成果物一覧 (review 21, rev21a M2, rev21b M2).
 */
struct missing_arg {
	struct bundle		*b;
	const struct record	*r;
	const char		*spec, *label;
	int			 rc;
};

static void
missing_file(void *arg, const char *field, const char *name,
    const struct node *at)
{
	struct missing_arg	*a = arg;

	(void)at;	/* the file and line are lint's */
	cmd_warn(_("not in the bundle: %s %s: the file '%s' (%s) is not in "
	    "the data directory and not registered"), strcmp(field,
	    "materials") == 0 ? "training" : "consult", a->label, name,
	    field);
	a->b->skipped++;
	/* the note a line of the page: the file's name is on stderr */
	if (a->rc == CMD_OK)
		a->rc = left_out(a->b, a->spec, a->r, strcmp(field,
		    "materials") == 0 ? "教材" : "別添", a->label,
		    "ファイルが未登録");
}

static int
missing_files(struct bundle *b, const struct record *r, const char *spec,
    const char *label)
{
	struct missing_arg	a = { b, r, spec, label, CMD_OK };

	(void)deliverable_named_missing(&b->named, b->st,
	    schema_kind(r->kind), record_id(r), record_root(r),
	    missing_file, &a);
	return a.rc;
}

/*
 * 4(1)ア(イ) a: 精査記録, 可否決定通知; b: 意見書; システム評価: those the
 * review is ready for as deliverables (review_doc_ready()).  One not
 * ready is named once with why: a procurement review at 受付 had its
 * 意見書 tried and its writer's failure on a scratch path reported, and a
 * draft (案) 意見書 or a blank 精査記録 went in as if delivered.
 */
static int
do_review(struct bundle *b, const struct record *r, const char *label)
{
	static const char *const words[] = { "record", "evaluation",
	    "opinion", "notice" };
	static const char *const docs[] = { "精査記録", "システム評価",
	    "意見書", "可否決定通知" };
	const struct node	*rec = record_root(r);
	struct review_docspec	 spec[REVIEW_DOCS_MAX];
	size_t			 i, n, nall = 0, nready = 0;
	int			 ready[4], rc;

	for (i = 0; i < 4; i++) {
		ready[i] = -1;		/* not a document of the review */
		if (review_docs(spec, &n, rec, words[i]) != 0 ||
		    (strcmp(words[i], "notice") == 0 &&
		    node_get(rec, "decision") == NULL))
			continue;
		nall++;
		if ((ready[i] = review_doc_ready(rec, words[i]) == 0)) {
			nready++;
			continue;
		}
		cmd_warn(_("not in the bundle: %s %s%s%s: %s"), "review",
		    words[i], " ", label, error_last());
		b->skipped++;
		if ((rc = left_out(b, "4(1)ア(イ)", r, docs[i], label,
		    "作成前")) != CMD_OK)
			return rc;
	}
	error_clear();
	if (nready > 0 && nready == nall) {
		RUN(cmd_review_entry, "4(1)ア(イ)", label, 1, "review",
		    "export", "all", record_id(r));
		return CMD_OK;
	}
	for (i = 0; i < 4; i++)
		if (ready[i] == 1)
			RUN(cmd_review_entry, "4(1)ア(イ)", label, 1,
			    "review", "export", words[i], record_id(r));
	return CMD_OK;
}

/* 4(2)エ: 監査調書 (all), 概要報告書 or, for a follow-up, 質疑応答書. */
static int
do_audit(struct bundle *b, const struct record *r, const char *label)
{
	const char	*type = node_get_str(record_root(r), "type");
	int		 rc;

	RUN(cmd_audit_entry, "4(2)エ", label, 1, "audit", "export",
	    type != NULL && strcmp(type, "followup") == 0 ? "qa" : "summary",
	    record_id(r));
	return CMD_OK;
}

/* 4(1)イ, 4(1)ウ, 4(2)イ by the training's kind. */
static int
do_training(struct bundle *b, const struct record *r, const char *label)
{
	static const char *const what[] = { "report", "results", "survey",
	    "test" };
	static const char *const docs[] = { "研修実施報告書", "研修結果" };
	const struct node	*root = record_root(r);
	const char	*kind = node_get_str(root, "kind");
	const char	*spec = training_spec_item(kind);
	const char	*due = node_get_str(root, "report_due");
	struct cal_date	 d;
	char		 why[128] = "", era[CAL_FMT_MAX];
	size_t		 i;
	int		 rc, unsent;

	if ((rc = missing_files(b, r, spec, label)) != CMD_OK)
		return rc;
	/*
	 * A training held whose 研修実施報告書 the records do not show
	 * submitted (no report_submitted, status not reported): its report
	 * and 研修結果 went in dated the export day, after the year, while
	 * the same bundle's 研修実施状況 said 未提出 (review 21, rev21a M1,
	 * rev21b M1).  Left out and named, with its due date.
	 */
	unsent = node_scalar_eq(node_get(root, "status"), "held") &&
	    node_get_str(root, "report_submitted") == NULL;
	if (unsent) {
		if (due != NULL && cal_parse_iso(&d, due) == 0) {
			cal_format_era(era, sizeof era, d, CAL_ERA_LONG);
			snprintf(why, sizeof why, cal_cmp(cal_today(), d) > 0 ?
			    "未提出（提出期限 %s）" : "提出期限（%s）前", era);
		} else
			snprintf(why, sizeof why, "未提出");
	}

	for (i = 0; i < sizeof what / sizeof what[0]; i++) {
		/*
		 * A survey or test the team does not make (makes_survey:
		 * false) is no deliverable of ours: not asked for, nor
		 * warned of as missing.
		 */
		if ((i == 2 && node_scalar_eq(node_get(record_root(r),
		    "makes_survey"), "false")) || (i == 3 &&
		    node_scalar_eq(node_get(record_root(r), "makes_test"),
		    "false")))
			continue;
		if (unsent && i < 2) {
			cmd_warn(_("not in the bundle: %s %s %s: its report "
			    "is not submitted (no report_submitted)"),
			    "training", what[i], label);
			b->skipped++;
			if ((rc = left_out(b, spec, r, docs[i], label,
			    why)) != CMD_OK)
				return rc;
			continue;
		}
		RUN(cmd_training_entry, spec, label, 1, "training",
		    "export", what[i], record_id(r));
	}
	return CMD_OK;
}

/* 4(2)オ: 事故等報告, 再発防止策の提案書. */
static int
do_incident(struct bundle *b, const struct record *r, const char *label)
{
	int	rc;

	RUN(cmd_incident_entry, "4(2)オ", label, 1, "incident", "export",
	    "report", record_id(r));
	RUN(cmd_incident_entry, "4(2)オ", label, 1, "incident", "export",
	    "prevention", record_id(r));
	return CMD_OK;
}

/* 4(3)ア(イ): 回答書. */
static int
do_consult(struct bundle *b, const struct record *r, const char *label)
{
	int	rc;

	if ((rc = missing_files(b, r, "4(3)ア(イ)", label)) != CMD_OK)
		return rc;
	RUN(cmd_consult_entry, "4(3)ア(イ)", label, 1, "consult", "export",
	    "answer", record_id(r));
	return CMD_OK;
}

/*
 * 4(3)ア(ウ) 定例会, 4(3)ア(エ) 進捗報告会: 次第, 議事録; and for a
 * progress meeting its 相談業務実施報告書 (4(3)ア(イ)).
 */
static int
do_meeting(struct bundle *b, const struct record *r, const char *label)
{
	const char	*type = node_get_str(record_root(r), "type");
	const char	*spec, *status, *date;
	struct cal_date	 d;
	int		 rc;

	if (type == NULL)
		return CMD_OK;
	if (strcmp(type, "regular") == 0)
		spec = "4(3)ア(ウ)";
	else if (strcmp(type, "progress") == 0)
		spec = "4(3)ア(エ)";
	else
		return CMD_OK;	/* the ward's committees: their own papers */
	RUN(cmd_meeting_entry, spec, label, 1, "meeting", "export",
	    "agenda", record_id(r));
	/*
	 * Held with no minutes recorded: left out and named, not a blank
	 * 議事録 (review 21, rev21a M1).  One not held yet is the export's
	 * to refuse.
	 */
	status = node_get_str(record_root(r), "status");
	if (status != NULL && strcmp(status, "scheduled") != 0 &&
	    strcmp(status, "cancelled") != 0 &&
	    !meeting_minutes_recorded(record_root(r))) {
		cmd_warn(_("not in the bundle: %s %s %s: no minutes are "
		    "recorded (no attendee, agenda summary, decision or "
		    "action)"), "meeting", "minutes", label);
		b->skipped++;
		if ((rc = left_out(b, spec, r, "議事録", label,
		    "議事の記録が未作成")) != CMD_OK)
			return rc;
	} else {
		RUN(cmd_meeting_entry, spec, label, 1, "meeting", "export",
		    "minutes", record_id(r));
		/*
		 * Its day past, still recorded as scheduled: the export
		 * said why on standard error; the list says it too.
		 */
		if (status != NULL && strcmp(status, "scheduled") == 0 &&
		    (date = node_get_str(record_root(r), "date")) != NULL &&
		    cal_parse_iso(&d, date) == 0 &&
		    cal_cmp(d, cal_today()) < 0 && (rc = left_out(b, spec, r,
		    "議事録", label, "開催の記録が未作成")) != CMD_OK)
			return rc;
	}
	/*
	 * The 作業実施報告書 with its attachments: the 課題管理表, the
	 * 予定と実績 and the 相談業務実施報告書 of the same period.
	 */
	if (strcmp(type, "progress") == 0)
		RUN(cmd_report_entry, "4(3)ア(ア)", label, 1, "report",
		    "bimonthly", "--meeting", record_id(r));
	return CMD_OK;
}

/*
 * 4(3)ア(ア)(イ): the 作業実施報告書 and the 相談業務実施報告書 of the days
 * after the year's last 進捗報告会, which no meeting's report covers (a
 * consultation of 25-31 March was in none), once that meeting is held.
 * 4(3)ア(ウ): the year's 課題管理表, dated as the year-end report's copy
 * once that day has passed: a past year's table bundled later said
 * 「令和13年3月31日現在」 of 令和11年度 (review 19, rev19b M5).
 */
static int
do_yearend(struct bundle *b)
{
	struct cal_date	from, to, as_of, today = cal_today();
	char		iso[CAL_FMT_MAX];
	int		rc;

	if (meeting_yearend_period(&from, &to, &as_of, b->st, b->fy) != 0)
		return cmd_lib_error();
	cal_format_iso(iso, sizeof iso, as_of);
	if (cal_cmp(today, from) >= 0)
		RUN(cmd_report_entry, "4(3)ア(ア)", "年度末（最後の進捗報告会以降）",
		    1, "report", "bimonthly", "--year-end", b->fys);
	if (cal_cmp(today, as_of) <= 0)
		RUN(cmd_issue_entry, "4(3)ア(ウ)", NULL, 1, "issue",
		    "export", "table", "--fy", b->fys);
	else
		RUN(cmd_issue_entry, "4(3)ア(ウ)", NULL, 1, "issue",
		    "export", "table", "--fy", b->fys, "--as-of", iso);
	return CMD_OK;
}

/* A registered authored file, checked and copied. */
/*
 * A registered file (deliverable record r) read into *data, as it was
 * registered: its SHA-256 the record's.
 */
static int
registered_file(struct bundle *b, const struct record *r, struct buf *data)
{
	const struct node	*root = record_root(r);
	const char		*file = node_get_str(root, "file");
	const char		*want = node_get_str(root, "sha256");
	char			*src;
	char			 hex[65];
	int			 rc;

	if (file == NULL || want == NULL || node_get_str(root, "spec") == NULL)
		return cmd_error(_("%s: no file, sha256 or spec; see 'nerima-cio "
		    "lint'"), r->relpath);
	if ((src = store_path(b->st, file)) == NULL)
		return cmd_error(_("out of memory"));
	rc = buf_load(data, src);
	free(src);
	if (rc != 0)
		return cmd_error(_("the registered file '%s' (%s) cannot be "
		    "read: %s"), file, record_id(r), error_last());
	sha256_hex(hex, data->data != NULL ? data->data : "", data->len);
	if (strcmp(hex, want) != 0)
		return cmd_error(_("the registered file '%s' (%s) has changed "
		    "since it was registered; register the new version "
		    "(see 'nerima-cio lint')"), file, record_id(r));
	return CMD_OK;
}

/*
 * Before any export: a registered file changed or gone fails the bundle
 * in a second, not after every document of the year was made (half a
 * minute for the sample, minutes for a large year).
 */
static int
check_registered(struct bundle *b, const struct record *r, const char *label)
{
	struct buf	data = BUF_INIT;
	int		rc;

	(void)label;
	rc = registered_file(b, r, &data);
	buf_free(&data);
	return rc;
}

static int
do_deliverable(struct bundle *b, const struct record *r, const char *label)
{
	const struct node	*root = record_root(r);
	const char		*file = node_get_str(root, "file");
	const char		*spec = node_get_str(root, "spec");
	const char		*forid = node_get_str(root, "for");
	const char		*ff = schema_fy_field(r->kind);
	/* an authored file: the date it was registered with */
	const char		*date = ff != NULL ? node_get_str(root, ff) :
				    NULL;
	const char		*base;
	struct buf		 data = BUF_INIT, tmp = BUF_INIT;
	char			*rel = NULL, *forl = NULL;
	int			 rc = CMD_FAIL;

	(void)label;
	if ((rc = registered_file(b, r, &data)) != CMD_OK)
		goto done;
	rc = CMD_FAIL;
	if (forid != NULL && deliverable_record_label(&forl, b->st, forid) !=
	    0) {
		rc = cmd_error(_("%s: %s"), r->relpath, error_last());
		goto done;
	}
	base = strrchr(file, '/') != NULL ? strrchr(file, '/') + 1 : file;
	buf_printf(&tmp, "%s/" WORK, b->real);
	if (buf_ok(&tmp) != 0 || (mkdir(tmp.data, 0700) != 0 &&
	    errno != EEXIST)) {
		rc = cmd_error(_("cannot make the folder '%s': %s"), tmp.data,
		    strerror(errno));
		goto done;
	}
	buf_printf(&tmp, "/%s", base);
	if (buf_ok(&tmp) != 0 || fileio_write_atomic(tmp.data, data.data !=
	    NULL ? data.data : "", data.len) != 0) {
		rc = cmd_error(_("cannot copy '%s': %s"), file, error_last());
		goto done;
	}
	if ((rc = place(&rel, b, spec, tmp.data, base)) != CMD_OK)
		goto done;
	buf_reset(&tmp);
	buf_printf(&tmp, "%s/%s", b->real, rel);
	rc = buf_ok(&tmp) != 0 ? cmd_error(_("out of memory")) :
	    add_row(b, node_get_str(root, "title"), spec, forl, date, rel,
	    tmp.data);
done:
	free(rel);
	free(forl);
	buf_free(&data);
	buf_free(&tmp);
	return rc;
}

/*
 * The list's order: by item, then by document, then by date (the year's
 * documents, undated, first), then by file: a document's copies in the
 * order of their dates (予定と実績 of 4月, 6月 ... 3月), where the files'
 * names put 10月 before 4月 and 第10回 before 第1回.
 */
static int
row_cmp(const void *x, const void *y)
{
	const struct brow	*a = x, *c = y;
	int			 k;

	if ((k = strcmp(a->spec, c->spec)) != 0 ||
	    (k = strcmp(a->doc, c->doc)) != 0)
		return k;
	if ((a->date == NULL) != (c->date == NULL))
		return a->date == NULL ? -1 : 1;
	if (a->date != NULL && (k = strcmp(a->date, c->date)) != 0)
		return k;
	return strcmp(a->file, c->file);
}

/* Every document of the year, then the list and the manifest. */
static int
make_bundle(struct bundle *b)
{
	struct deliverable_row	*rows = NULL;
	const char		**lines = NULL;
	struct buf		 p = BUF_INIT, man = BUF_INIT;
	const char		*fy = b->fys;
	size_t			 i;
	int			 rc;

	if ((rc = each_record(b, "deliverable", check_registered)) != CMD_OK)
		return rc;
	if (deliverable_named_load(&b->named, b->st) != 0)
		return cmd_lib_error();
	RUN(cmd_report_entry, "4(3)ア(ア)", NULL, 0, "report", "plan",
	    "--fy", fy);
	RUN(cmd_report_entry, "4(3)ア(ア)", NULL, 0, "report", "annual",
	    "--fy", fy);
	RUN(cmd_report_entry, "4(2)ア", NULL, 0, "report", "security-plan",
	    "--fy", fy);
	RUN(cmd_report_entry, "4(2)ア", NULL, 0, "report",
	    "security-final", "--fy", fy);
	RUN(cmd_review_entry, "4(1)ア(イ)", NULL, 0, "review", "export",
	    "summary", "--fy", fy);
	if ((rc = each_record(b, "review", do_review)) != CMD_OK)
		return rc;
	RUN(cmd_training_entry, "4(2)イ", NULL, 0, "training", "export",
	    "summary", "--fy", fy);
	if ((rc = each_record(b, "training", do_training)) != CMD_OK)
		return rc;
	RUN(cmd_checklist_entry, "4(2)ウ", NULL, 0, "checklist", "export",
	    "report", "--kind", "self", "--fy", fy);
	RUN(cmd_checklist_entry, "4(2)ウ", NULL, 0, "checklist", "export",
	    "report", "--kind", "department", "--fy", fy);
	RUN(cmd_checklist_entry, "4(2)カ", NULL, 0, "checklist", "export",
	    "report", "--kind", "vendor", "--fy", fy);
	RUN(cmd_audit_entry, "4(2)エ", NULL, 0, "audit", "export", "items",
	    "--fy", fy);
	RUN(cmd_audit_entry, "4(2)エ", NULL, 0, "audit", "export", "paper",
	    "--fy", fy);
	RUN(cmd_audit_entry, "4(2)エ", NULL, 0, "audit", "export",
	    "results", "--fy", fy);
	RUN(cmd_audit_entry, "4(2)エ", NULL, 0, "audit", "export", "risks",
	    "--fy", fy);
	if ((rc = each_record(b, "audit", do_audit)) != CMD_OK)
		return rc;
	RUN(cmd_incident_entry, "4(2)オ", NULL, 0, "incident", "export",
	    "criteria", "--fy", fy);
	RUN(cmd_incident_entry, "4(2)オ", NULL, 0, "incident", "export",
	    "stats", "--fy", fy);
	if ((rc = each_record(b, "incident", do_incident)) != CMD_OK ||
	    (rc = each_record(b, "consult", do_consult)) != CMD_OK ||
	    (rc = each_record(b, "meeting", do_meeting)) != CMD_OK ||
	    (rc = do_yearend(b)) != CMD_OK)
		return rc;
	if ((rc = each_record(b, "deliverable", do_deliverable)) != CMD_OK)
		return rc;
	buf_printf(&p, "%s/" WORK, b->real);
	if (buf_ok(&p) != 0 || cmd_remove_tree(p.data) != 0) {
		rc = cmd_error(_("cannot remove '%s'"), p.data);
		goto done;
	}
	if (b->n == 0) {
		rc = cmd_error(_("fiscal year %d has no deliverable to bundle"),
		    b->fy);
		goto done;
	}
	qsort(b->v, b->n, sizeof *b->v, row_cmp);
	if (b->nleft > 0)
		qsort(b->left, b->nleft, sizeof *b->left, left_cmp);
	if ((rows = calloc(b->n, sizeof *rows)) == NULL ||
	    (lines = calloc(b->nleft + 1, sizeof *lines)) == NULL) {
		rc = cmd_error(_("out of memory"));
		goto done;
	}
	for (i = 0; i < b->n; i++) {
		rows[i].doc = b->v[i].doc;
		rows[i].spec = b->v[i].spec;
		rows[i].record = b->v[i].record;
		rows[i].date = b->v[i].date;
		rows[i].file = b->v[i].file;
		rows[i].size = b->v[i].size;
		rows[i].sha256 = b->v[i].hex;
	}
	for (i = 0; i < b->nleft; i++)
		lines[i] = b->left[i].text;
	buf_reset(&p);
	buf_printf(&p, "%s/成果物一覧.xlsx", b->real);
	if (buf_ok(&p) != 0 || deliverable_index_write(p.data, b->st, b->fy,
	    rows, b->n, lines, b->nleft,
	    clock_time()) != 0) {
		rc = cmd_error(_("cannot write 成果物一覧.xlsx: %s"),
		    error_last());
		goto done;
	}
	buf_reset(&p);
	buf_printf(&p, "%s/" MANIFEST_NAME, b->real);
	if (buf_ok(&p) != 0 || manifest_make(&man, b->real) != 0 ||
	    fileio_write_atomic(p.data, man.data, man.len) != 0) {
		rc = cmd_error(_("cannot write the manifest: %s"),
		    error_last());
		goto done;
	}
	rc = CMD_OK;
done:
	free(rows);
	free(lines);
	buf_free(&p);
	buf_free(&man);
	return rc;
}

/* ---- the sub-verb ---------------------------------------------------- */

static int
verify(const char *dir)
{
	struct diags	d = DIAGS_INIT;
	int		n;

	if ((n = manifest_verify(&d, dir)) < 0) {
		diags_free(&d);
		return cmd_lib_error();
	}
	cmd_print_diags(stdout, &d);
	diags_free(&d);
	if (n > 0) {
		fprintf(stderr, _("%s: the bundle is not as it was made; "
		    "problems: %d\n"), dir, n);
		return CMD_FAIL;
	}
	fprintf(stderr, _("%s: every file as in the manifest\n"), dir);
	return CMD_OK;
}

static int
is_empty_dir(const char *path)
{
	struct dirent	*de;
	DIR		*dp;
	int		 empty = 1;

	if ((dp = opendir(path)) == NULL)
		return 0;
	while ((de = readdir(dp)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			empty = 0;
	closedir(dp);
	return empty;
}

int
report_bundle(struct cmd_ctx *ctx, struct optv *ov)
{
	struct bundle	 b;
	struct stat	 sb;
	struct buf	 p = BUF_INIT;
	char		 fyl[CAL_FMT_MAX], *dir = NULL, *stage = NULL;
	const char	*o = opt_get(ov, "output");
	size_t		 len;
	int		 rc = CMD_FAIL, exists;

	if (opt_has(ov, "verify")) {
		if (opt_has(ov, "fy") || opt_has(ov, "output") ||
		    cmd_zip_stage() != NULL)
			return opt_bad_usage(ov->entry, ov->sub, _("--verify "
			    "takes the bundle's folder alone"));
		return verify(opt_get(ov, "verify"));
	}
	if (!opt_has(ov, "fy"))
		return opt_bad_usage(ov->entry, ov->sub, _("give --fy FY (and "
		    "-o DIR), or --verify DIR"));
	if (o == NULL && cmd_zip_stage() == NULL)
		return opt_bad_usage(ov->entry, ov->sub, _("give the bundle's "
		    "folder with -o DIR"));
	memset(&b, 0, sizeof b);
	b.ctx = ctx;
	b.fy = (int)opt_num(ov, "fy", 0);
	snprintf(b.fys, sizeof b.fys, "%d", b.fy);
	if ((b.st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&b.dkind, b.st, "deliverable") != 0)
		return cmd_lib_error();
	cal_fy_label(fyl, sizeof fyl, b.fy);
	if (cmd_zip_stage() != NULL) {
		/* Into the zip: a folder of that name inside it. */
		if (o != NULL && (o[0] == '/' || strstr(o, "..") != NULL))
			return cmd_error(_("-o %s: with --zip, -o names the "
			    "folder inside the zip; give a relative path "
			    "without '..'"), o);
		buf_puts(&p, o != NULL ? o : "成果物_");
		if (o == NULL)
			buf_puts(&p, fyl);
		while (p.len > 1 && p.data[p.len - 1] == '/')
			p.data[--p.len] = '\0';
		if (buf_ok(&p) != 0 || (b.oarg = strdup(p.data)) == NULL ||
		    (b.real = dupf("%s/%s", cmd_zip_stage(), p.data)) == NULL) {
			rc = cmd_error(_("out of memory"));
			goto done;
		}
		buf_reset(&p);
		buf_printf(&p, "%s/", b.oarg);
		/* mkdir -p inside the zip's folder */
		for (len = 0; len < p.len; len++) {
			char c = p.data[len];

			if (c != '/')
				continue;
			char *sub = NULL;

			if ((sub = dupf("%s/%.*s", cmd_zip_stage(),
			    (int)len, p.data)) == NULL) {
				rc = cmd_error(_("out of memory"));
				goto done;
			}
			if (mkdir(sub, 0700) != 0 && errno != EEXIST) {
				rc = cmd_error(_("cannot make the folder '%s': "
				    "%s"), sub, strerror(errno));
				free(sub);
				goto done;
			}
			free(sub);
		}
	} else {
		if ((dir = strdup(o)) == NULL) {
			rc = cmd_error(_("out of memory"));
			goto done;
		}
		len = strlen(dir);
		while (len > 1 && dir[len - 1] == '/')
			dir[--len] = '\0';
		exists = stat(dir, &sb) == 0;
		if (exists && (!S_ISDIR(sb.st_mode) || !is_empty_dir(dir))) {
			rc = cmd_error(_("'%s' is there already and is not an "
			    "empty folder: give a new folder"), dir);
			goto done;
		}
		if ((stage = dupf("%s" FILEIO_TMP_SUFFIX "XXXXXX", dir)) ==
		    NULL) {
			rc = cmd_error(_("out of memory"));
			goto done;
		}
		if (mkdtemp(stage) == NULL) {
			rc = cmd_error(_("cannot make the folder '%s': %s"),
			    stage, strerror(errno));
			free(stage);
			stage = NULL;
			goto done;
		}
		if ((b.real = strdup(stage)) == NULL ||
		    (b.oarg = strdup(stage)) == NULL) {
			rc = cmd_error(_("out of memory"));
			goto done;
		}
	}
	cmd_export_set_quiet(1);
	rc = make_bundle(&b);
	cmd_export_set_quiet(0);
	if (rc != CMD_OK)
		goto done;
	if (stage != NULL) {
		if (stat(dir, &sb) == 0 && rmdir(dir) != 0) {
			rc = cmd_error(_("cannot replace the empty folder '%s': "
			    "%s"), dir, strerror(errno));
			goto done;
		}
		if (rename(stage, dir) != 0) {
			rc = cmd_error(_("cannot rename '%s' to '%s': %s"),
			    stage, dir, strerror(errno));
			goto done;
		}
		free(stage);
		stage = NULL;
		fprintf(stderr, "%s/\n", dir);
	}
	fprintf(stderr, _("%zu files of %s in the bundle"), b.n - b.again,
	    fyl);
	if (b.skipped > 0)
		fprintf(stderr, _("; %zu documents left out (see above)"),
		    b.skipped);
	fputc('\n', stderr);
	rc = CMD_OK;
done:
	if (stage != NULL && cmd_remove_tree(stage) != 0)
		cmd_warn(_("cannot remove '%s'"), stage);
	free(stage);
	free(dir);
	buf_free(&p);
	bundle_free(&b);
	return rc;
}

const struct opt report_bundle_opts[] = {
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0, "the fiscal year" },
	{ "output", 'o', OPT_PATH, 0, "DIR", NULL, 0, 0,
	  "the bundle's folder: new, or empty" },
	{ "verify", 0, OPT_PATH, 0, "DIR", NULL, 0, 0,
	  "check a bundle against its manifest" },
	OPT_ZIP_OPTS,
	OPT_END
};
