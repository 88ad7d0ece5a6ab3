/*
 * Message translation (gettext).  English source strings stay in the code;
 * po/ja.po gives the Japanese shown under a Japanese locale.  Mark every
 * user-facing string: _("...") where it is used, N_("...") in a static
 * table whose entries are translated where they are printed, and
 * ngettext(one, many, n) where the wording depends on a number.  A note
 * for the translator goes in a comment starting "TRANSLATORS:" just above
 * the string; it is copied into the catalogue.
 *
 * lib/ never prints, but its messages reach the user through
 * error_last() and the diagnostics: so its message functions translate
 * their format themselves -- error_set(), error_sys(), diags_add(),
 * fileio_warn() and the problem reporters built on them (rules_problem*,
 * rules_report_add, tr_diag, the schema's and closures' reporters) -- and
 * po/check extracts those formats by keyword.  A lib/ message is written
 * in plain English, as a literal format, and needs no marking; a new
 * printf-like reporter is added to the keywords of po/check.  Only what
 * is passed as the format is translated: words put in through %s stay as
 * they are.  The option tables' text (desc, help) is listed by the
 * program itself ('nerima-cio __strings'), since xgettext cannot read a
 * struct initializer.  See po/README.md.
 *
 * Only the messages follow the locale: i18n_init() sets LC_CTYPE and
 * LC_MESSAGES, never LC_ALL or LC_NUMERIC, so documents, CSV and records
 * come out the same whatever the user's locale.
 */
#ifndef NCIO_I18N_H
#define NCIO_I18N_H

#include <libintl.h>

#define NCIO_TEXTDOMAIN	"nerima-cio"

#define _(s)	gettext(s)
#define N_(s)	(s)

/*
 * Take the character type and message language from the environment
 * (LANG, LC_MESSAGES, LC_ALL, LANGUAGE) and bind the catalogue: from
 * "locale" beside the program (a build tree), else ../share/locale beside
 * it (an install), else the install prefix configured at build time.
 * Returns the directory bound, or NULL when none was found (messages are
 * then in English).
 */
const char	*i18n_init(void);

/*
 * Whether messages are shown in Japanese: the catalogue gettext uses now
 * is the Japanese one (its header says "Language: ja").  The same test
 * as the messages', so what the program shows from other sources (the
 * schemas' titles) is in the language its messages are.
 */
int		 i18n_japanese(void);

#endif
