/*
 * The benchmark's floors (issue 7): what loading a data directory costs at
 * the least.
 *
 *   floor parse [-m PREFIX] PATH...   read every .yaml file under each PATH
 *                                     and run libyaml's event parser over
 *                                     it, doing nothing with the events
 *   floor read [-m PREFIX] PATH...    read the same bytes and nothing else
 *                                     (the cat-style I/O floor)
 *
 * A PATH is a file or a directory (walked recursively, dot entries
 * skipped).  With -m only files whose name starts with PREFIX are read,
 * though every directory is still listed: the floor of finding one record
 * by id prefix.  Prints "records R files F bytes B events E" on standard
 * output; records are the files in a fiscal-year folder (<kind>/<fy>/).
 *
 * Each file is read whole into one reused buffer and parsed from memory,
 * as the engine does (lib/node.c ydoc_load_as), so the difference between
 * the two is the engine's own work.
 */
/* d_type, to tell folders without a stat() per entry as the store does. */
#define _DEFAULT_SOURCE

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yaml.h>

struct floor {
	int		 parse;
	const char	*prefix;
	char		*buf;
	size_t		 cap;
	unsigned long	 records;
	unsigned long	 files;
	unsigned long long bytes;
	unsigned long long events;
};

static int
ends_with(const char *s, const char *suffix)
{
	size_t	n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int
do_file(struct floor *fl, const char *path, int in_fy)
{
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	struct stat	 st;
	size_t		 len = 0;
	ssize_t		 r;
	int		 fd, done = 0, rc = 0;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 ||
	    fstat(fd, &st) == -1) {
		fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	if ((size_t)st.st_size + 1 > fl->cap) {
		fl->cap = (size_t)st.st_size + 1;
		if ((fl->buf = realloc(fl->buf, fl->cap)) == NULL) {
			fprintf(stderr, "floor: out of memory\n");
			exit(1);
		}
	}
	while (len < (size_t)st.st_size) {
		r = read(fd, fl->buf + len, (size_t)st.st_size - len);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	fl->files++;
	fl->bytes += len;
	if (in_fy)
		fl->records++;
	if (!fl->parse)
		return 0;
	if (!yaml_parser_initialize(&parser)) {
		fprintf(stderr, "floor: out of memory\n");
		exit(1);
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)fl->buf,
	    len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			fprintf(stderr, "floor: %s:%zu:%zu: %s\n", path,
			    parser.problem_mark.line + 1,
			    parser.problem_mark.column + 1,
			    parser.problem ? parser.problem : "syntax error");
			rc = -1;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		fl->events++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return rc;
}

/* Whether the last component of path is a fiscal year, like "2026". */
static int
is_fy_dir(const char *path)
{
	const char	*base = strrchr(path, '/');

	base = base != NULL ? base + 1 : path;
	return strlen(base) == 4 && strspn(base, "0123456789") == 4;
}

static int
walk(struct floor *fl, const char *path)
{
	struct stat	 st;
	DIR		*dp;
	struct dirent	*de;
	char		*sub;
	size_t		 n;
	int		 rc = 0;

	if (stat(path, &st) == -1) {
		fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		/* A file given by name: a record when its folder is a year. */
		if ((sub = strdup(path)) == NULL) {
			fprintf(stderr, "floor: out of memory\n");
			exit(1);
		}
		if (strrchr(sub, '/') != NULL)
			*strrchr(sub, '/') = '\0';
		else
			sub[0] = '\0';
		rc = do_file(fl, path, is_fy_dir(sub));
		free(sub);
		return rc;
	}
	if ((dp = opendir(path)) == NULL) {
		fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		n = strlen(path) + strlen(de->d_name) + 2;
		if ((sub = malloc(n)) == NULL) {
			fprintf(stderr, "floor: out of memory\n");
			exit(1);
		}
		snprintf(sub, n, "%s/%s", path, de->d_name);
		if (de->d_type == DT_DIR || (de->d_type == DT_UNKNOWN &&
		    stat(sub, &st) == 0 && S_ISDIR(st.st_mode))) {
			if (walk(fl, sub) != 0)
				rc = -1;
		} else if (ends_with(de->d_name, ".yaml") &&
		    (fl->prefix == NULL || strncmp(de->d_name, fl->prefix,
		    strlen(fl->prefix)) == 0)) {
			if (do_file(fl, sub, is_fy_dir(path)) != 0)
				rc = -1;
		}
		free(sub);
	}
	closedir(dp);
	return rc;
}

static void
usage(void)
{
	fprintf(stderr, "usage: floor parse|read [-m PREFIX] PATH ...\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct floor	fl;
	int		i, rc = 0;

	memset(&fl, 0, sizeof fl);
	if (argc < 3)
		usage();
	if (strcmp(argv[1], "parse") == 0)
		fl.parse = 1;
	else if (strcmp(argv[1], "read") != 0)
		usage();
	i = 2;
	if (strcmp(argv[i], "-m") == 0) {
		if (argc < 5)
			usage();
		fl.prefix = argv[i + 1];
		i += 2;
	}
	for (; i < argc; i++) {
		if (walk(&fl, argv[i]) != 0)
			rc = 1;
	}
	printf("records %lu files %lu bytes %llu events %llu\n", fl.records,
	    fl.files, fl.bytes, fl.events);
	free(fl.buf);
	return rc;
}
