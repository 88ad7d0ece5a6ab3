/*
 * Shared libraries loaded on first use: see lazylib.h.
 */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "lazylib.h"

static int
failed(struct lazylib *lib, const char *file, const char *why)
{
	if (file == lib->soname)
		return error_set(NC_EIO, "cannot load %s ('%s'): %s", lib->name,
		    file, why);
	return error_set(NC_EIO, "cannot load %s ('%s' from %s): %s",
	    lib->name, file, lib->env, why);
}

int
lazylib_load(struct lazylib *lib)
{
	const char	*file, *e;
	void		*h;
	size_t		 i;

	if (lib->handle != NULL)
		return 0;
	file = lib->soname;
	if ((e = getenv(lib->env)) != NULL && *e != '\0')
		file = e;
	/*
	 * RTLD_LOCAL: nothing else binds to its symbols; RTLD_NOW: an
	 * unresolved symbol in it is an error here, not a crash later.  A
	 * failure is not remembered: the next call tries again and says
	 * why again.
	 */
	if ((h = dlopen(file, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		e = dlerror();
		return failed(lib, file, e != NULL ? e : "dlopen failed");
	}
	for (i = 0; lib->syms[i] != NULL; i++) {
		(void)dlerror();
		if ((lib->addr[i] = dlsym(h, lib->syms[i])) == NULL) {
			struct buf	b = BUF_INIT;
			int		rc;

			buf_printf(&b, "it has no '%s'", lib->syms[i]);
			rc = failed(lib, file, buf_ok(&b) == 0 ? b.data :
			    "a function is missing");
			buf_free(&b);
			dlclose(h);
			return rc;
		}
	}
	lib->handle = h;
	return 0;
}
