/*
 * Paired timing (issue 15): run two commands alternately and compare the
 * CPU time (user + system) each process used, as wait4() reports it.
 *
 *   pair [-n RUNS] [-s SETUP] CMD_A... ::: CMD_B...
 *
 * One untimed warm-up run of each, then RUNS pairs, A and B alternating
 * (A B, B A, A B, ... so neither always runs first).  SETUP, when given,
 * is run with /bin/sh -c before every run of either command and is not
 * timed (for a command that changes its data: a fresh copy each time).
 * Both commands' output goes to /dev/null; a command that exits non-zero
 * is an error.
 *
 * Prints one line:
 *   a MED_A_MS b MED_B_MS ratio MED_RATIO rss_a KIB rss_b KIB min_a MS min_b MS
 * where MED_RATIO is the median over the pairs of A's CPU time / B's, so
 * a machine whose speed drifts during the run cancels out of the ratio;
 * rss is the largest peak resident set size of any run, in KiB.
 */
#define _DEFAULT_SOURCE

#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char	*setup;

static void
run_setup(void)
{
	int	rc;

	if (setup == NULL)
		return;
	if ((rc = system(setup)) != 0) {
		fprintf(stderr, "pair: setup '%s' failed (%d)\n", setup, rc);
		exit(1);
	}
}

/* One run of argv: CPU milliseconds; the peak RSS into *rss. */
static double
run(char **argv, long *rss)
{
	struct rusage	ru;
	pid_t		pid;
	int		status, fd;

	run_setup();
	if ((pid = fork()) == -1) {
		perror("pair: fork");
		exit(1);
	}
	if (pid == 0) {
		if ((fd = open("/dev/null", O_RDWR)) != -1) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) == -1) {
		perror("pair: wait4");
		exit(1);
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "pair: '%s' failed (status %d)\n", argv[0],
		    status);
		exit(1);
	}
	if (ru.ru_maxrss > *rss)
		*rss = ru.ru_maxrss;
	return ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 +
	    ru.ru_stime.tv_sec * 1e3 + ru.ru_stime.tv_usec / 1e3;
}

static int
cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int
main(int argc, char **argv)
{
	char	**a, **b;
	double	*ta, *tb, *r, mina, minb;
	long	 rssa = 0, rssb = 0;
	int	 n = 7, i, c;

	while ((c = getopt(argc, argv, "+n:s:")) != -1) {
		switch (c) {
		case 'n':
			n = atoi(optarg);
			break;
		case 's':
			setup = optarg;
			break;
		default:
			goto usage;
		}
	}
	a = argv + optind;
	for (b = a; *b != NULL && strcmp(*b, ":::") != 0; b++)
		;
	if (n < 1 || b == a || *b == NULL || b[1] == NULL)
		goto usage;
	*b++ = NULL;
	if ((ta = calloc((size_t)n, sizeof *ta)) == NULL ||
	    (tb = calloc((size_t)n, sizeof *tb)) == NULL ||
	    (r = calloc((size_t)n, sizeof *r)) == NULL) {
		fprintf(stderr, "pair: out of memory\n");
		return 1;
	}
	run(a, &rssa);
	run(b, &rssb);
	for (i = 0; i < n; i++) {
		if (i % 2 == 0) {
			ta[i] = run(a, &rssa);
			tb[i] = run(b, &rssb);
		} else {
			tb[i] = run(b, &rssb);
			ta[i] = run(a, &rssa);
		}
		/* A run shorter than the clock's grain counts as 0.01 ms. */
		r[i] = (ta[i] > 0.01 ? ta[i] : 0.01) /
		    (tb[i] > 0.01 ? tb[i] : 0.01);
	}
	mina = ta[0];
	minb = tb[0];
	for (i = 1; i < n; i++) {
		mina = ta[i] < mina ? ta[i] : mina;
		minb = tb[i] < minb ? tb[i] : minb;
	}
	printf("a %.2f b %.2f ratio %.3f rss_a %ld rss_b %ld min_a %.2f"
	    " min_b %.2f\n", median(ta, n), median(tb, n), median(r, n), rssa,
	    rssb, mina, minb);
	free(ta);
	free(tb);
	free(r);
	return 0;
usage:
	fprintf(stderr, "usage: pair [-n RUNS] [-s SETUP] CMD_A... :::"
	    " CMD_B...\n");
	return 2;
}
