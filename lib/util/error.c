#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "i18n.h"

static char	error_msg[1024];
static int	error_value;

static int
error_vset(int code, int with_errno, const char *fmt, va_list ap)
{
	int	saved = errno;
	size_t	len;

	vsnprintf(error_msg, sizeof error_msg, _(fmt), ap);
	if (with_errno) {
		len = strlen(error_msg);
		snprintf(error_msg + len, sizeof error_msg - len, ": %s",
		    strerror(saved));
	}
	error_value = code;
	return code;
}

int
error_set(int code, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	error_vset(code, 0, fmt, ap);
	va_end(ap);
	return code;
}

int
error_sys(int code, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	error_vset(code, 1, fmt, ap);
	va_end(ap);
	return code;
}

const char *
error_last(void)
{
	return error_msg[0] != '\0' ? error_msg : "unknown error";
}

int
error_code(void)
{
	return error_value;
}

void
error_clear(void)
{
	error_msg[0] = '\0';
	error_value = 0;
}
