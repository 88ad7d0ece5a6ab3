/*
 * Message translation (gettext).  English source strings stay in the code;
 * po/ja.po gives the Japanese shown under a Japanese locale.  Mark every
 * user-facing string: _("...") where it is used, N_("...") in a static
 * table whose entries are translated where they are printed.
 */
#ifndef NCIO_I18N_H
#define NCIO_I18N_H

#include <libintl.h>

#define NCIO_TEXTDOMAIN	"nerima-cio"

#define _(s)	gettext(s)
#define N_(s)	(s)

#endif
