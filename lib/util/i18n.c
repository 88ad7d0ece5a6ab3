/*
 * Binding the message catalogue: see i18n.h.
 */
#include <sys/stat.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "progdir.h"

#ifndef NCIO_LOCALEDIR
#define NCIO_LOCALEDIR "/usr/local/share/locale"
#endif

const char *
i18n_init(void)
{
	static const char	*dir;
	char			*found;
	struct stat		 st;

	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	if (dir == NULL) {
		if ((found = progdir_find("locale")) != NULL ||
		    (found = progdir_find("../share/locale")) != NULL)
			dir = found;	/* kept for the program's life */
		else if (stat(NCIO_LOCALEDIR, &st) == 0 &&
		    S_ISDIR(st.st_mode))
			dir = NCIO_LOCALEDIR;
	}
	if (dir == NULL)
		return NULL;
	bindtextdomain(NCIO_TEXTDOMAIN, dir);
	bind_textdomain_codeset(NCIO_TEXTDOMAIN, "UTF-8");
	textdomain(NCIO_TEXTDOMAIN);
	return dir;
}

int
i18n_japanese(void)
{
	static const char	 header[] = "";	/* not a message to extract */
	const char		*head;

	/* gettext("") is the header of the catalogue in use, else "". */
	head = dgettext(NCIO_TEXTDOMAIN, header);
	return head != NULL && (strncmp(head, "Language: ja", 12) == 0 ||
	    strstr(head, "\nLanguage: ja") != NULL);
}
