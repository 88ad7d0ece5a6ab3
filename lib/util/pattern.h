/*
 * Schema patterns: POSIX extended regular expressions, with a fast path.
 *
 * glibc's regexec() in a UTF-8 locale costs some 16,000 instructions a
 * call, and lint calls it for every id, code and reference: the profile of
 * issue 7's benchmark put 44% of lint there.  The patterns schemas use are
 * nearly all anchored runs of ASCII literals and bracket classes with
 * counts (^rv-[0-9a-hjkmnp-tv-z]{8}$), which a small matcher decides in a
 * few dozen instructions.  Groups, alternation and repeated groups over
 * the same atoms (a training's answers, ^(-|[*]|[1-9](\+[1-9])*)( ...)*$)
 * go to a small automaton of at most 64 states, linear in the subject.
 * A pattern outside both (., negated or named classes, back references,
 * anchors inside a group, non-ASCII) is handed to regexec() as before, so
 * the meaning never changes.
 */
#ifndef NCIO_PATTERN_H
#define NCIO_PATTERN_H

struct pattern;

/* NC_EINVALID with regcomp's message when the pattern is not valid. */
int	pattern_compile(struct pattern **out, const char *src);
/*
 * The same for src whose exact bytes pattern_compile() accepted before
 * (a schema file read back from the schema cache, lib/core/schema_cache.c):
 * when a fast path serves it, regcomp() is not run again.
 */
int	pattern_compile_known(struct pattern **out, const char *src);
/*
 * The same for a pattern from outside the program (a rules file): also
 * NC_EINVALID, saying why, when compiling it could take unbounded time
 * -- glibc's regcomp() is exponential in nested or repeated repetition
 * ("x+++++", "((a+)+)+", "(a{1,200}){1,200}").  Refused: more than
 * PATTERN_MAX_LEN bytes, a repetition right after another, a count above
 * PATTERN_MAX_COUNT, and *, + or {m,n} on a group that repeats inside.
 */
#define PATTERN_MAX_LEN		256
#define PATTERN_MAX_COUNT	100
int	pattern_compile_bounded(struct pattern **out, const char *src);
void	pattern_free(struct pattern *);
/* 1 when s matches (anywhere, unless anchored), 0 when not. */
int	pattern_match(const struct pattern *, const char *s);
/* Which path serves this pattern (for tests): 1 the atoms, 2 the
 * automaton, 0 regexec(). */
int	pattern_is_simple(const struct pattern *);

#endif
