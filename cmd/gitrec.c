/*
 * Records in git: see gitrec.h.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "diag.h"
#include "gitrec.h"
#include "i18n.h"
#include "json.h"
#include "node.h"
#include "recfmt.h"
#include "schema.h"
#include "store.h"
#include "text.h"

extern char **environ;

/* The longest value shown in full in "field: old → new". */
#define SHOW_MAX_WIDTH	40

static void
close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* git's first line of error output, for the message. */
static void
first_line(char *out, size_t size, const struct buf *err)
{
	const char	*p = err->data != NULL ? err->data : "";
	size_t		 n;

	if (strncmp(p, "fatal: ", 7) == 0)
		p += 7;
	else if (strncmp(p, "error: ", 7) == 0)
		p += 7;
	n = strcspn(p, "\n");
	snprintf(out, size, "%.*s", (int)n, p);
}

/*
 * Run git; *code gets its exit status (-1 when killed).  CMD_FAIL only
 * when it could not run at all (said), else CMD_OK whatever it returned,
 * its standard error in err.
 */
static int
run(struct buf *out, struct buf *err, int *code, const char *dir,
    const char *const *args, const char *in, size_t inlen)
{
	posix_spawn_file_actions_t	 fa;
	struct pollfd			 pf[3];
	const char			*argv[32];
	char				 chunk[65536];
	int				 pin[2] = { -1, -1 }, pout[2] = { -1, -1 };
	int				 perr[2] = { -1, -1 };
	int				 status = 0, rc = CMD_FAIL, fa_ok = 0;
	size_t				 i, n = 0, done = 0;
	ssize_t				 k;
	pid_t				 pid = -1;
	struct sigaction		 sa, old;

	argv[n++] = "git";
	argv[n++] = "-C";
	argv[n++] = dir;
	for (i = 0; args[i] != NULL && n < 31; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	if (pipe(pin) != 0 || pipe(pout) != 0 || pipe(perr) != 0) {
		cmd_error(_("cannot run git: %s"), strerror(errno));
		goto done;
	}
	if (posix_spawn_file_actions_init(&fa) != 0) {
		cmd_error(_("out of memory"));
		goto done;
	}
	fa_ok = 1;
	posix_spawn_file_actions_adddup2(&fa, pin[0], 0);
	posix_spawn_file_actions_adddup2(&fa, pout[1], 1);
	posix_spawn_file_actions_adddup2(&fa, perr[1], 2);
	posix_spawn_file_actions_addclose(&fa, pin[1]);
	posix_spawn_file_actions_addclose(&fa, pout[0]);
	posix_spawn_file_actions_addclose(&fa, perr[0]);
	if ((errno = posix_spawnp(&pid, "git", &fa, NULL,
	    (char *const *)argv, environ)) != 0) {
		pid = -1;
		if (errno == ENOENT)
			cmd_error(_("git is not installed (Debian package "
			    "git); the history of records comes from git"));
		else
			cmd_error(_("cannot run git: %s"), strerror(errno));
		goto done;
	}
	close_fd(&pin[0]);
	close_fd(&pout[1]);
	close_fd(&perr[1]);
	/* git may stop reading early; a write to it must not kill us. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, &old);
	if (in == NULL || inlen == 0)
		close_fd(&pin[1]);
	else
		fcntl(pin[1], F_SETFL, fcntl(pin[1], F_GETFL) | O_NONBLOCK);
	while (pout[0] >= 0 || perr[0] >= 0) {
		pf[0].fd = pin[1];
		pf[0].events = POLLOUT;
		pf[1].fd = pout[0];
		pf[1].events = POLLIN;
		pf[2].fd = perr[0];
		pf[2].events = POLLIN;
		if (poll(pf, 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pin[1] >= 0 && (pf[0].revents & (POLLOUT | POLLERR |
		    POLLHUP))) {
			k = write(pin[1], in + done, inlen - done);
			if (k > 0)
				done += (size_t)k;
			if ((k < 0 && errno != EAGAIN && errno != EINTR) ||
			    done == inlen)
				close_fd(&pin[1]);
		}
		for (i = 1; i < 3; i++) {
			int *fd = i == 1 ? &pout[0] : &perr[0];

			if (*fd < 0 || !(pf[i].revents & (POLLIN | POLLHUP |
			    POLLERR)))
				continue;
			k = read(*fd, chunk, sizeof chunk);
			if (k > 0)
				buf_add(i == 1 ? out : err, chunk, (size_t)k);
			else if (k == 0 || (errno != EAGAIN && errno != EINTR))
				close_fd(fd);
		}
	}
	close_fd(&pin[1]);
	sigaction(SIGPIPE, &old, NULL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	pid = -1;
	*code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	/* Keep both NUL-terminated for the parsers and the message. */
	buf_putc(out, '\0');
	buf_putc(err, '\0');
	if (buf_ok(out) != 0 || buf_ok(err) != 0) {
		cmd_error(_("out of memory"));
		goto done;
	}
	out->len--;
	err->len--;
	rc = CMD_OK;
done:
	if (fa_ok)
		posix_spawn_file_actions_destroy(&fa);
	close_fd(&pin[0]);
	close_fd(&pin[1]);
	close_fd(&pout[0]);
	close_fd(&pout[1]);
	close_fd(&perr[0]);
	close_fd(&perr[1]);
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	return rc;
}

int
gitrec_run(struct buf *out, const char *dir, const char *const *args,
    const char *in, size_t inlen)
{
	struct buf	err = BUF_INIT;
	char		msg[512];
	int		rc, code = 0;

	rc = run(out, &err, &code, dir, args, in, inlen);
	if (rc == CMD_OK && code != 0) {
		first_line(msg, sizeof msg, &err);
		rc = cmd_error(_("git %s failed: %s"), args[0], msg);
	}
	buf_free(&err);
	return rc;
}

int
gitrec_prefix(char **out, struct store *st)
{
	static const char *const args[] = { "rev-parse", "--show-prefix",
	    NULL };
	static const char *const top[] = { "rev-parse", "--show-toplevel",
	    NULL };
	struct buf	b = BUF_INIT, err = BUF_INIT;
	int		code = 0;

	*out = NULL;
	/* Ask quietly first: outside a repository git's message is poor. */
	if (run(&b, &err, &code, store_root(st), top, NULL, 0) != CMD_OK) {
		buf_free(&b);
		buf_free(&err);
		return CMD_FAIL;
	}
	buf_free(&err);
	if (code != 0) {
		buf_free(&b);
		return cmd_error(_("'%s' is not in a git repository: the "
		    "history of records is what git keeps ('git init' there, "
		    "then commit them)"), store_root(st));
	}
	buf_reset(&b);
	if (gitrec_run(&b, store_root(st), args, NULL, 0) != CMD_OK) {
		buf_free(&b);
		return CMD_FAIL;
	}
	while (b.len > 0 && (b.data[b.len - 1] == '\n' ||
	    b.data[b.len - 1] == '\r'))
		b.data[--b.len] = '\0';
	buf_putc(&b, '\0');
	if (buf_ok(&b) != 0) {
		buf_free(&b);
		return cmd_error(_("out of memory"));
	}
	*out = buf_detach(&b, NULL);
	return CMD_OK;
}

int
gitrec_cat(struct gitrec_blob *out, const char *dir, char *const *specs,
    size_t n)
{
	static const char *const args[] = { "cat-file", "--batch", NULL };
	struct buf	 in = BUF_INIT, res = BUF_INIT;
	const char	*p, *end, *nl;
	size_t		 i, size;
	int		 rc = CMD_FAIL;

	memset(out, 0, n * sizeof *out);
	if (n == 0)
		return CMD_OK;
	for (i = 0; i < n; i++)
		buf_printf(&in, "%s\n", specs[i]);
	if (buf_ok(&in) != 0) {
		cmd_error(_("out of memory"));
		goto done;
	}
	if (gitrec_run(&res, dir, args, in.data, in.len) != CMD_OK)
		goto done;
	/* "<oid> <type> <size>\n<content>\n", or "<spec> missing\n". */
	p = res.data;
	end = res.data + res.len;
	for (i = 0; i < n; i++) {
		if (p >= end || (nl = memchr(p, '\n', (size_t)(end - p))) ==
		    NULL)
			break;
		if (((size_t)(nl - p) >= 8 && memcmp(nl - 8, " missing", 8) ==
		    0) || ((size_t)(nl - p) >= 10 && memcmp(nl - 10,
		    " ambiguous", 10) == 0)) {
			out[i].missing = 1;
			p = nl + 1;
			continue;
		}
		{
			const char *sp = nl;

			while (sp > p && sp[-1] != ' ')
				sp--;
			size = strtoul(sp, NULL, 10);
		}
		p = nl + 1;
		if ((size_t)(end - p) < size + 1)
			break;
		if ((out[i].data = malloc(size + 1)) == NULL) {
			cmd_error(_("out of memory"));
			goto done;
		}
		memcpy(out[i].data, p, size);
		out[i].data[size] = '\0';
		out[i].len = size;
		p += size + 1;
	}
	if (i < n) {
		cmd_error(_("git cat-file: unexpected output"));
		goto done;
	}
	rc = CMD_OK;
done:
	if (rc != CMD_OK)
		gitrec_blobs_free(out, n);
	buf_free(&in);
	buf_free(&res);
	return rc;
}

void
gitrec_blobs_free(struct gitrec_blob *b, size_t n)
{
	size_t	i;

	for (i = 0; b != NULL && i < n; i++) {
		free(b[i].data);
		b[i].data = NULL;
	}
}

const struct schema *
gitrec_kind(struct store *st, const char *relpath)
{
	const struct schemaset	*set;
	const struct schema	*k;
	const char		*dir, *slash;
	size_t			 i, len;

	if ((slash = strchr(relpath, '/')) == NULL ||
	    store_schemas(&set, st, NULL) != 0)
		return NULL;
	len = (size_t)(slash - relpath);
	for (i = 0; i < schemaset_nkinds(set); i++) {
		k = schemaset_kind_at(set, i);
		if ((dir = schema_dir(k)) != NULL && strlen(dir) == len &&
		    strncmp(dir, relpath, len) == 0)
			return k;
	}
	return NULL;
}

int
gitrec_compare(struct recdiff *d, struct ydoc **a, struct ydoc **b,
    const char *name, const char *old, size_t oldlen, const char *new,
    size_t newlen, int *broken)
{
	*a = *b = NULL;
	*broken = 0;
	if ((old != NULL && ydoc_parse(a, old, oldlen, name, NULL) != 0) ||
	    (new != NULL && ydoc_parse(b, new, newlen, name, NULL) != 0)) {
		ydoc_free(*a);
		ydoc_free(*b);
		*a = *b = NULL;
		*broken = 1;
		return CMD_OK;
	}
	if (recdiff_compare(d, *a != NULL ? ydoc_root(*a) : NULL,
	    *b != NULL ? ydoc_root(*b) : NULL) != 0)
		return cmd_lib_error();
	return CMD_OK;
}

/* A scalar short enough to show on the line, or NULL. */
static const char *
shown(const struct node *n)
{
	if (n == NULL || n->kind != NODE_SCALAR ||
	    memchr(n->u.s.str, '\n', n->u.s.len) != NULL ||
	    text_width(n->u.s.str, n->u.s.len) > SHOW_MAX_WIDTH)
		return NULL;
	return n->u.s.len == 0 ? _("(empty)") : n->u.s.str;
}

void
gitrec_print_changes(FILE *fp, const struct recdiff *d, int indent)
{
	const struct recdiff_change	*c;
	const char			*o, *n;
	size_t				 i;

	for (i = 0; i < d->n; i++) {
		c = &d->v[i];
		if (*c->path == '\0')
			continue;
		fprintf(fp, "%*s", indent, "");
		o = shown(c->old);
		n = shown(c->new);
		switch (c->op) {
		case RECDIFF_ADDED:
			if (n != NULL)
				/* TRANSLATORS: field: value (added) */
				fprintf(fp, _("%s: %s (added)\n"), c->path, n);
			else
				fprintf(fp, _("%s added\n"), c->path);
			break;
		case RECDIFF_REMOVED:
			if (o != NULL)
				fprintf(fp, _("%s: %s (removed)\n"), c->path,
				    o);
			else
				fprintf(fp, _("%s removed\n"), c->path);
			break;
		case RECDIFF_CHANGED:
			if (o != NULL && n != NULL)
				/* TRANSLATORS: field: old value → new value */
				fprintf(fp, _("%s: %s → %s\n"), c->path, o, n);
			else
				fprintf(fp, _("%s changed\n"), c->path);
			break;
		}
	}
}

static int
json_node(struct json *j, const struct node *n)
{
	if (n == NULL)
		return json_value_raw(j, "null");
	if (n->kind == NODE_SCALAR)
		return json_value_string(j, n->u.s.str, n->u.s.len);
	return recfmt_json(j, n);
}

int
gitrec_json_changes(struct json *j, const struct recdiff *d)
{
	static const char *const ops[] = { NULL, "added", "removed",
	    "changed" };
	const struct recdiff_change	*c;
	size_t				 i;

	if (json_begin_array(j) != 0)
		return NC_ENOMEM;
	for (i = 0; i < d->n; i++) {
		c = &d->v[i];
		if (*c->path == '\0')
			continue;
		if (json_begin_object(j) != 0 || json_key(j, "op") != 0 ||
		    json_value_string(j, ops[c->op], strlen(ops[c->op])) != 0 ||
		    json_key(j, "path") != 0 ||
		    json_value_string(j, c->path, strlen(c->path)) != 0 ||
		    json_key(j, "old") != 0 || json_node(j, c->old) != 0 ||
		    json_key(j, "new") != 0 || json_node(j, c->new) != 0 ||
		    json_end_object(j) != 0)
			return NC_ENOMEM;
	}
	return json_end_array(j);
}
