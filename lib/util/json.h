/*
 * JSON output: strings, numbers, and a streaming writer.
 *
 * The writer lays out values the way Python's json.dumps(indent=2,
 * ensure_ascii=False) does, so the bytes are stable and familiar: one
 * member or element per line, two spaces per level, "key": value, empty
 * containers as [] and {}, a newline after the whole text.
 *
 *	[
 *	  {
 *	    "id": "rv-7kq3",
 *	    "件名": "保育園業務支援システムの更新",
 *	    "tags": [
 *	      "更新"
 *	    ]
 *	  }
 *	]
 */
#ifndef NCIO_JSON_H
#define NCIO_JSON_H

#include <stddef.h>

#include "buf.h"

/*
 * Append s[0..len) as a JSON string: quoted; '"' and '\' escaped; \b \f
 * \n \r \t, other control characters as \u00XX; UTF-8 as is; each byte
 * that is not part of valid UTF-8 replaced by U+FFFD, so the output is
 * always valid JSON whatever the input.
 */
void	 json_put_string(struct buf *out, const char *s, size_t len);

/*
 * 1 if s, the text of a YAML integer or float, is a JSON number as it
 * stands: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?.  YAML forms such
 * as +1, 0x1F, 0o17, 1_000, .5, 1., .inf and .nan are not, and must be
 * converted or written as strings.
 */
int	 json_number_ok(const char *s);

struct json;

/*
 * A writer appending one JSON text to out.  Misuse (a value in an object
 * without its key, an end that does not match its begin, a second
 * top-level value) is NC_EINVALID, and sticky: every later call returns
 * the first error and writes nothing.  NULL from json_new() when out of
 * memory.
 */
struct json	*json_new(struct buf *out);
void		 json_free(struct json *);
int		 json_begin_array(struct json *);
int		 json_end_array(struct json *);
int		 json_begin_object(struct json *);
int		 json_end_object(struct json *);
/* The next member's name; a value must follow. */
int		 json_key(struct json *, const char *key);
int		 json_value_string(struct json *, const char *s, size_t len);
/*
 * A literal written as is: a number that json_number_ok() accepts, true,
 * false or null; anything else is NC_EINVALID.
 */
int		 json_value_raw(struct json *, const char *text);
/* 0 when exactly one complete value was written and nothing failed. */
int		 json_finish(struct json *);

#endif
