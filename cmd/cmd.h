/*
 * The command table.  Each verb lives in cmd/<verb>.c and defines one
 * struct cmd_entry; cmd/main.c lists them.  A verb returns its exit status.
 */
#ifndef NCIO_CMD_H
#define NCIO_CMD_H

#include <stdio.h>

#include "error.h"

/* Exit statuses, documented in nerima-cio(1) EXIT STATUS. */
#define CMD_OK		0	/* done */
#define CMD_FAIL	1	/* the work failed: invalid, not found, I/O */
#define CMD_USAGE	2	/* the command line was wrong */

struct store;
struct diags;

struct cmd_ctx {
	const char	*dir;		/* -C DIR, or NULL */
	struct store	*store;		/* opened on first use */
};

struct cmd_entry;
struct subcmd;
struct opt;
struct optv;

struct cmd_entry {
	const char	*name;
	const char	*desc;		/* one line, for nerima-cio --help */
	const char	*help;		/* more, printed after the usage */
	/*
	 * Option tables (opt.h): the verb's second-level verbs, or one
	 * entry with a NULL name for a verb without them; SUBCMD_END-
	 * terminated.  The usage lines come from them, and the man page
	 * SYNOPSIS must say the same (tests/e2e/man.sh compares them).
	 */
	const struct subcmd *subs;
	/* The record kind the verb's id arguments name ("review"), or NULL. */
	const char	*kind;
	/*
	 * When not NULL, asked for each sub-verb before its options are
	 * read: it may build the sub-verb's option table at run time (review
	 * add: an option per plain field of the data directory's schema,
	 * opt_schema_table()) and return 1 with *out set, which cmd_run()
	 * frees with opt_table_free(); 0 keeps the sub-verb's table; < 0 is
	 * an error in error_last().  Without a data directory, --help shows
	 * the sub-verb's own table.
	 */
	int		(*sub_opts)(struct opt **out, struct cmd_ctx *,
			    const struct subcmd *);
};

/* "nerima-cio: message" on stderr; returns CMD_FAIL. */
int	cmd_error(const char *fmt, ...) NC_PRINTF(1, 2);
/* "nerima-cio: <error_last()>" on stderr; returns CMD_FAIL. */
int	cmd_lib_error(void);
/* "nerima-cio: warning: message" on stderr. */
void	cmd_warn(const char *fmt, ...) NC_PRINTF(1, 2);
/* True for -h and --help. */
int	cmd_is_help(const char *);
/* The data directory, found on first use; prints the error and returns NULL. */
struct store *cmd_store(struct cmd_ctx *);
/* Like cmd_store() but silent and NULL when there is no data directory. */
struct store *cmd_store_optional(struct cmd_ctx *);
/* Print diagnostics as path:line:column: message; returns how many. */
size_t	cmd_print_diags(FILE *, const struct diags *);

/*
 * Find a record of kind (any kind when NULL) by id prefix; on an ambiguous
 * prefix, print up to ten candidates (id, path, title) and how many more
 * on stderr.  Prints the error and returns CMD_FAIL.
 */
struct recref;
int	cmd_find_record(struct recref *out, struct store *, const char *kind,
	    const char *prefix);
/*
 * Read a record of kind (any kind when NULL) by id prefix, to show or to
 * export it -- never to change it (cmd_edit_record()).  Prints the
 * problems and the error; the caller frees *out.
 */
struct record;
int	cmd_read_record(struct record **out, struct cmd_ctx *,
	    const char *kind, const char *prefix);
/*
 * The same with the record's reference (id, path), which the caller frees
 * (ref->id, ref->relpath), for a verb that reports or refers to the file.
 * Reading only: a change goes through cmd_edit_record().
 */
int	cmd_load_record(struct record **out, struct recref *ref,
	    struct store *, const char *prefix, const char *kind);

/*
 * New records (cmd/add.c): a mapping of fields from a YAML file (which
 * must not have an id), or an empty one; then record_create() with every
 * problem printed, the id on standard output and the path on standard
 * error.  what names the record in "no <what> created".
 */
struct ydoc;
struct schema;
int	cmd_load_fields(struct ydoc **out, const char *file);
int	cmd_new_fields(struct ydoc **out);
int	cmd_create_record(struct store *, const struct schema *kind,
	    struct ydoc *doc, const char *what);

/*
 * Run a verb that has option tables: find the sub-verb, parse its options,
 * run it.  main() calls this for every entry with subs.
 */
int	cmd_run(const struct cmd_entry *, struct cmd_ctx *, int, char **);

/*
 * Change one record: find it by prefix among records of kind, and under
 * the data directory's lock load it, call edit, check it (schema, refs,
 * My Number guard) and write it atomically, then report
 * "updated <path>" on stderr.  edit returns 0 to save,
 * RECORD_EDIT_NOCHANGE to leave it (reported as unchanged), or an error
 * it has already printed (CMD_FAIL) or left in error_last() (< 0).  When
 * out is not NULL it receives the saved record (the caller frees it).
 */
typedef int (*cmd_edit_fn)(struct record *, void *arg);
int	cmd_edit_record(struct record **out, struct cmd_ctx *,
	    const char *kind, const char *prefix, cmd_edit_fn edit,
	    void *arg);
/*
 * The same, with flags: CMD_EDIT_QUIET says nothing when it worked (an
 * interactive session that saves every answer and shows its own line).
 */
#define CMD_EDIT_QUIET	0x01
int	cmd_edit_record_as(struct record **out, struct cmd_ctx *,
	    const char *kind, const char *prefix, cmd_edit_fn edit,
	    void *arg, unsigned flags);

/*
 * The export convention of every document-producing verb:
 *
 *	nerima-cio KIND export WHAT [ID...] [--fy FY] [-o PATH]
 *
 * PATH names a file, or a directory when it ends in "/" or is one; without
 * -o the file goes into the current directory.  In a directory a file gets
 * its default name: the document's Japanese name with its date or subject
 * ("可否決定通知_保育園業務支援システムの更新.docx"); characters Windows
 * refuses in a name are replaced.  Missing directories are made.
 *
 * cmd_export_path() gives the path of one file (name is the default name,
 * with its extension); when an export writes several files, -o must be a
 * directory (or absent), and each file's path comes from
 * cmd_export_path() with its own name.  *out is malloc'ed; prints the
 * error and returns CMD_FAIL.
 *
 * An export writes all its files or none: call cmd_export_begin() before
 * the first and cmd_export_end(ok) after the last, which puts every file
 * in place at once (or, when ok is 0 or a rename fails, none) and prints
 * each written path on stderr.
 */
int	cmd_export_path(char **out, const char *opt_o, const char *name,
	    int several);
int	cmd_export_begin(void);
/* Say that the export wrote path (listed by cmd_export_end()). */
int	cmd_export_note(const char *path);
int	cmd_export_end(int ok);
/* Whether cmd_export_end() lists the files (not for a bundle's exports). */
void	cmd_export_set_quiet(int quiet);

/*
 * A document's default file name: doc, "_" and the start of subject (at
 * most some 60 characters; none when NULL), then ext (".docx").
 * malloc'ed; NULL when out of memory.
 */
char	*cmd_export_name(const char *doc, const char *subject,
	    const char *ext);

/*
 * An export of n documents made by functions that write a path (the
 * office writers): the paths come from cmd_export_path() with each
 * name; every document is written beside its place first, then all are
 * put in place between cmd_export_begin() and cmd_export_end(), so a
 * failure anywhere leaves every target as it was.  When -o names one
 * file, it must have the document's extension (CMD_USAGE).  Prints the
 * paths written, or the error.
 */
struct cmd_export_doc {
	const char	*name;		/* default file name, with extension */
	int		(*write)(const char *path, void *arg);
	void		*arg;
};
int	cmd_export_docs(const char *opt_o, const struct cmd_export_doc *,
	    size_t n);

/*
 * Protected attachments (3(3)イ(エ)): a sub-verb whose table has
 * OPT_ZIP_OPTS and is given --zip FILE --password-file F runs with its
 * files going into a private folder beside FILE (cmd_export_path() puts
 * them there; -o, when given, names the file or folder inside the zip),
 * and when it succeeds everything it wrote goes into FILE, an AES-256
 * encrypted zip with UTF-8 names; the folder is removed whatever
 * happens.  The password file is checked before the export runs (it must
 * exist, be private -- chmod 600 -- and not be empty, and may not lie in
 * the data directory) and read again only to encrypt; the password is
 * never printed or stored and is wiped from memory once used.
 */
int	cmd_zip_exec(struct cmd_ctx *, struct optv *,
	    int (*exec)(struct cmd_ctx *, struct optv *));
/* rm -r path; 0, or -1 when something could not be removed. */
int	cmd_remove_tree(const char *path);
/* The private folder of the zip being made, or NULL. */
const char *cmd_zip_stage(void);

extern const struct cmd_entry *const cmd_table[];

#endif
