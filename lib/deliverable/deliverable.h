/*
 * Authored deliverables (4): files people wrote -- 教材, 提案書, 調査報告書,
 * 意見書 -- registered with their SHA-256 so they count in the reports, go
 * into the year-end bundle (4(3)イ) and are checked by lint; and the
 * bundle's manifest (SHA-256 of every file, checked by report bundle
 * --verify).
 */
#ifndef NCIO_DELIVERABLE_H
#define NCIO_DELIVERABLE_H

#include <stddef.h>
#include <time.h>

#include "diag.h"

struct buf;
struct store;
struct schema;
struct node;

/*
 * The path of file relative to the data directory's root ("/"
 * separated), after symbolic links are followed.  NC_EINVALID when the
 * file is outside the data directory or not a regular file, NC_ENOTFOUND
 * when it does not exist.
 */
int	deliverable_relpath(char **out, struct store *, const char *file);

struct deliverable_new {
	const char	*file;		/* as given: absolute or from the cwd */
	const char	*kind;		/* schema enum value */
	const char	*spec;		/* 4(1)イ */
	const char	*title;		/* NULL: the file's name without extension */
	const char	*date;		/* YYYY-MM-DD; NULL: today */
	const char	*for_id;	/* a full record id, or NULL */
	const char	*ref_no;
	const char	*author;	/* member id */
	const char	*note;
};

/*
 * Register a file: its relative path, SHA-256, size and the fields of in.
 * NC_EEXISTS when the file is registered already (the message names the
 * record).  *out_id and *out_relpath are the caller's.
 */
int	deliverable_add(char **out_id, char **out_relpath, struct store *,
	    const struct deliverable_new *in, struct diags *d);

/*
 * What lint checks of a deliverable record (other kinds are ignored): its
 * file is there and has the SHA-256 it was registered with.
 */
void	deliverable_lint(struct store *, const struct schema *kind,
	    const struct node *root, const char *relpath, struct diags *d);

/*
 * The files records name as deliverables of theirs -- a training's 教材
 * (materials), a consult's 別添 (answer_file) -- that the data directory
 * does not hold: no such file (as named, or under files/) and no
 * deliverable registered for the record with that file name (for a
 * training, no 教材 registered for it at all).  The ward never got them
 * and nothing said so (review 21, rev21a M2, rev21b M2).
 */
struct deliverable_named {
	char	**forid, **file, **kind;	/* file: as registered */
	size_t	  n, cap;
};
#define DELIVERABLE_NAMED_INIT { NULL, NULL, NULL, 0, 0 }

/* Every deliverable record's for, file name and kind, of every year. */
int	deliverable_named_load(struct deliverable_named *, struct store *);
void	deliverable_named_free(struct deliverable_named *);

/*
 * Call fn for each file the record (kind "training" or "consult", id)
 * names that is missing, with the record's field, the name and the node
 * that names it (its line for lint).  Returns how many.
 */
size_t	deliverable_named_missing(const struct deliverable_named *,
	    struct store *, const char *kind, const char *id,
	    const struct node *root,
	    void (*fn)(void *arg, const char *field, const char *name,
	    const struct node *at), void *arg);

/*
 * Call fn for each file under the data directory's files/ folder
 * ("files/教材.docx") that no deliverable record registers: the bundle
 * delivers registered files only, so a file put there and never
 * registered was left out with nothing said.  Names starting with "." or
 * "~$" (lock and owner files of an open document) are passed over.  0,
 * or an error when the folder cannot be read or holds something that is
 * neither a file nor a folder (dirtree_list()).
 */
int	deliverable_unregistered(const struct deliverable_named *,
	    struct store *, void (*fn)(void *arg, const char *path),
	    void *arg);

/*
 * How a document names a record: its 文書番号 and title ("監査1号
 * 運用面監査"), or the title alone.  malloc'ed into *out; NC_ENOTFOUND
 * when no record has that id.
 */
int	deliverable_record_label(char **out, struct store *, const char *id);

/* ---- the bundle's manifest ------------------------------------------ */

/* The manifest's name at the top of a bundle. */
#define MANIFEST_NAME	"SHA256SUMS.txt"

/*
 * The manifest of every regular file under dir except the manifest
 * itself, in byte order of path, one line each in the format of
 * sha256sum(1): 64 hex digits, two spaces, the path relative to dir.
 * NC_EINVALID for a name a line cannot hold (a line break, a backslash)
 * or anything but a folder or a regular file.
 */
int	manifest_make(struct buf *out, const char *dir);

/*
 * Check dir against its manifest: every file listed must be there with
 * its SHA-256 ("changed", "missing") and no other file may be there
 * ("not in the manifest"), each reported to d by relative path.
 * Returns how many problems, or < 0 when the manifest cannot be read or
 * is not one (with its line in the message).
 */
int	manifest_verify(struct diags *d, const char *dir);


/* ---- the bundle's 成果物一覧 ------------------------------------------ */

/* One file of the bundle. */
struct deliverable_row {
	const char	*doc;		/* 精査記録, 研修教材 ... */
	const char	*spec;		/* 4(1)ア(イ) */
	const char	*record;	/* 文書番号 and title, or NULL */
	const char	*date;		/* YYYY-MM-DD, or NULL */
	const char	*file;		/* path in the bundle */
	long long	 size;
	const char	*sha256;	/* the manifest's; not shown */
};

/*
 * Write the 成果物一覧 (.xlsx) of fiscal year fy: one row per file in the
 * order given (a file listed again under another item, 再掲, a row
 * more), the item by its code, the file by its name in the item's
 * folder; created fixes the workbook's time.  left (nleft lines, or
 * none) names the deliverables the bundle leaves out and why
 * (「・議事録（第5回 定例会）：議事の記録が未作成」), in a note under
 * the table.
 */
int	deliverable_index_write(const char *path, struct store *, int fy,
	    const struct deliverable_row *rows, size_t n,
	    const char *const *left, size_t nleft, time_t created);

#endif
