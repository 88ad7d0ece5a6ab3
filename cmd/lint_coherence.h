/* lint: records that contradict themselves (cmd/lint_coherence.c). */
#ifndef NCIO_LINT_COHERENCE_H
#define NCIO_LINT_COHERENCE_H

struct node;
struct diags;

void	lint_coherence(const char *kind, const struct node *rec,
	    const char *path, struct diags *warns);

#endif
