/*
 * Schema and rules-file patterns (lib/util/pattern.c): for any pattern
 * pattern_compile_bounded() accepts and any subject, pattern_match() --
 * the atoms, the automaton or regexec() -- says what regexec() says, in
 * the UTF-8 locale the program runs in.  The input is the pattern, a
 * newline, the subject.
 */
#include <locale.h>
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "pattern.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int	 ready;
	struct pattern	*pt;
	regex_t		 re;
	const uint8_t	*nl;
	char		 src[PATTERN_MAX_LEN + 1], subj[257];
	size_t		 plen, slen;
	int		 want, got;

	if (!ready) {
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "");
		ready = 1;
	}
	if ((nl = memchr(data, '\n', size)) == NULL)
		return 0;
	plen = (size_t)(nl - data);
	slen = size - plen - 1;
	if (plen > PATTERN_MAX_LEN || slen >= sizeof subj ||
	    memchr(data, '\0', plen) != NULL)
		return 0;
	memcpy(src, data, plen);
	src[plen] = '\0';
	memcpy(subj, nl + 1, slen);
	subj[slen] = '\0';
	/* Back references make regexec() exponential: not a pattern here. */
	if (strchr(src, '\\') != NULL) {
		const char *p;

		for (p = src; (p = strchr(p, '\\')) != NULL && p[1] != '\0';
		    p += 2)
			if (p[1] >= '1' && p[1] <= '9')
				return 0;
	}
	if (pattern_compile_bounded(&pt, src) != 0) {
		error_clear();
		return 0;
	}
	if (regcomp(&re, src, REG_EXTENDED | REG_NOSUB) != 0)
		abort();	/* pattern_compile() took what regcomp refuses */
	want = regexec(&re, subj, 0, NULL, 0) == 0;
	got = pattern_match(pt, subj);
	if (want != got) {
		fprintf(stderr, "fuzz_pattern: '%s' on '%s': %d, regexec %d"
		    " (path %d)\n", src, subj, got, want,
		    pattern_is_simple(pt));
		abort();
	}
	regfree(&re);
	pattern_free(pt);
	return 0;
}
