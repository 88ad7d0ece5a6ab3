/*
 * Shared libraries loaded on first use rather than at start-up (issue 15).
 *
 * Every command paid for relocating libxml2 (with ICU and libstdc++),
 * libxlsxwriter and libzip (both with libcrypto) at exec, about 13 ms of
 * CPU, though only the verbs that read .xlsx, write .xlsx or .pptx or
 * make an encrypted zip use them.  These three are therefore not linked:
 * lib/util/lazylib_<lib>.c defines, under the library's own names, every
 * function of it the program calls, each a stub that calls the real one
 * through a table resolved with dlopen()/dlsym() the first time any of
 * them is called.  The code that uses the library is unchanged and
 * includes the library's own header; the compiler checks each stub
 * against the prototype there.
 *
 * The library is opened by its SONAME, the one the build found (CMake
 * reads it from the library pkg-config names), so the ABI is the one
 * linking would have bound.  NCIO_LIBXML2, NCIO_LIBXLSXWRITER,
 * NCIO_LIBZIP, NCIO_LIBMINIZIP and NCIO_LIBCSV name another file to open
 * instead (a path or a name for the dynamic loader's search).
 *
 * minizip (with zlib) and libcsv followed: every .docx, .xlsx or .pptx
 * and every CSV import uses them, but most commands neither, and each
 * library linked costs every command its mapping and relocation at exec.
 *
 * A module calls lazylib_load() at its entry points, before anything that
 * uses the library, so that a missing or incomplete library is an error
 * naming it (NC_EIO) rather than a crash.  A stub called when the library
 * cannot be loaded returns zero (NULL, 0) and does nothing else, which is
 * harmless for the functions that free and the failure of those that
 * create.
 *
 * Adding a function: add its line to the library's API list; a function
 * missing from the list is an undefined symbol at link time.
 */
#ifndef NCIO_LAZYLIB_H
#define NCIO_LAZYLIB_H

#include <stddef.h>
#include <string.h>

struct lazylib {
	const char		*name;		/* "libxml2", for messages */
	const char		*soname;	/* opened unless env is set */
	const char		*env;		/* "NCIO_LIBXML2" */
	const char *const	*syms;		/* NULL-terminated */
	void			**addr;		/* parallel to syms */
	void			*handle;
};

extern struct lazylib	lazylib_libxml2;
extern struct lazylib	lazylib_libxlsxwriter;
extern struct lazylib	lazylib_libzip;
extern struct lazylib	lazylib_libminizip;
extern struct lazylib	lazylib_libcsv;

/*
 * Open the library and resolve every symbol of its list, once: 0, or
 * NC_EIO with a message naming the library and the file.
 */
int	lazylib_load(struct lazylib *);

/* The address of symbol i of the list, loading the library if need be. */
static inline int
lazylib_sym(struct lazylib *lib, size_t i, void *out, size_t size)
{
	if (lib->handle == NULL && lazylib_load(lib) != 0)
		return -1;
	/* POSIX: a function's address from dlsym() fits a void *. */
	memcpy(out, &lib->addr[i], size);
	return 0;
}

/*
 * The stubs.  A library's file defines LAZYLIB_THIS (its struct lazylib)
 * and API(FN, VOID, VAR), a list of FN(return type, name, (parameters),
 * (arguments)), VOID(name, (parameters), (arguments)) for functions that
 * return nothing, and VAR(name) for a variable (resolved, but its stand-in
 * is written by hand); then LAZYLIB_DEFINE(API, ...) makes the table and a
 * stub for every function.
 */
#define LAZYLIB_INDEX(r, n, p, a)	LAZYLIB_I_##n,
#define LAZYLIB_INDEX_VOID(n, p, a)	LAZYLIB_I_##n,
#define LAZYLIB_INDEX_VAR(n)		LAZYLIB_I_##n,
#define LAZYLIB_NAME(r, n, p, a)	#n,
#define LAZYLIB_NAME_VOID(n, p, a)	#n,
#define LAZYLIB_NAME_VAR(n)		#n,
#define LAZYLIB_NONE(n)

#define LAZYLIB_STUB(r, n, p, a)					\
r n p									\
{									\
	r	(*f_) p;						\
	r	 z_;							\
									\
	if (lazylib_sym(&LAZYLIB_THIS, LAZYLIB_I_##n, &f_,		\
	    sizeof f_) != 0) {						\
		memset(&z_, 0, sizeof z_);				\
		return z_;						\
	}								\
	return f_ a;							\
}

#define LAZYLIB_STUB_VOID(n, p, a)					\
void n p								\
{									\
	void	(*f_) p;						\
									\
	if (lazylib_sym(&LAZYLIB_THIS, LAZYLIB_I_##n, &f_,		\
	    sizeof f_) == 0)						\
		f_ a;							\
}

#define LAZYLIB_DEFINE(API, name, soname, env)				\
enum { API(LAZYLIB_INDEX, LAZYLIB_INDEX_VOID, LAZYLIB_INDEX_VAR)	\
	LAZYLIB_COUNT };						\
static const char *const lazylib_syms[] = {				\
	API(LAZYLIB_NAME, LAZYLIB_NAME_VOID, LAZYLIB_NAME_VAR) NULL	\
};									\
static void	*lazylib_addr[LAZYLIB_COUNT];				\
struct lazylib	 LAZYLIB_THIS = { name, soname, env, lazylib_syms,	\
	lazylib_addr, NULL };					\
API(LAZYLIB_STUB, LAZYLIB_STUB_VOID, LAZYLIB_NONE)

#endif
