/*
 * JSON output: exact bytes, and Python's json module as an independent
 * judge of validity and layout.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "error.h"
#include "json.h"
#include "text.h"

#define PYTHON	"/usr/bin/python3"

static const struct {
	const char	*in;
	size_t		 len;		/* 0: strlen(in) */
	const char	*out;
} string_cases[] = {
	{ "", 0, "\"\"" },
	{ "plain ascii", 0, "\"plain ascii\"" },
	{ "保育園業務支援システム", 0, "\"保育園業務支援システム\"" },
	{ "ＡＩ・ｶﾀｶﾅ・😀", 0, "\"ＡＩ・ｶﾀｶﾅ・😀\"" },
	{ "say \"hi\"", 0, "\"say \\\"hi\\\"\"" },
	{ "C:\\path\\to", 0, "\"C:\\\\path\\\\to\"" },
	{ "a/b", 0, "\"a/b\"" },
	{ "一行目\n二行目", 0, "\"一行目\\n二行目\"" },
	{ "\b\f\n\r\t", 0, "\"\\b\\f\\n\\r\\t\"" },
	{ "\x01\x1b[0m\x1f", 0, "\"\\u0001\\u001b[0m\\u001f\"" },
	{ "nul\0byte", 8, "\"nul\\u0000byte\"" },
	{ "\x7f", 0, "\"\x7f\"" },
	{ "\u2028\u2029", 0, "\"\u2028\u2029\"" },
	/* Invalid UTF-8: each bad byte becomes U+FFFD. */
	{ "\xff", 0, "\"\xEF\xBF\xBD\"" },
	{ "a\xc3", 0, "\"a\xEF\xBF\xBD\"" },			/* cut short */
	{ "\xc0\xaf", 0, "\"\xEF\xBF\xBD\xEF\xBF\xBD\"" },	/* overlong */
	{ "\xed\xa0\x80", 0,
	    "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"" },	/* surrogate */
	{ "\xf4\x90\x80\x80", 0, "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
	    "\xEF\xBF\xBD\"" },					/* > U+10FFFF */
	{ "\x82" "ok\xe3\x81" "\"", 0,
	    "\"\xEF\xBF\xBDok\xEF\xBF\xBD\xEF\xBF\xBD\\\"\"" },
	{ "\x83\x8A\x83\x58\x83\x67", 0,			/* CP932 リスト */
	    "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDX\xEF\xBF\xBDg\"" },
};

static void
test_put_string(void **state)
{
	struct buf	b = BUF_INIT;
	size_t		i, len;

	(void)state;
	for (i = 0; i < sizeof string_cases / sizeof string_cases[0]; i++) {
		len = string_cases[i].len != 0 ? string_cases[i].len :
		    strlen(string_cases[i].in);
		buf_reset(&b);
		json_put_string(&b, string_cases[i].in, len);
		assert_int_equal(buf_ok(&b), 0);
		if (strcmp(b.data, string_cases[i].out) != 0)
			fail_msg("case %zu: got %s, expected %s", i, b.data,
			    string_cases[i].out);
	}
	buf_reset(&b);
	json_put_string(&b, NULL, 0);
	assert_string_equal(b.data, "\"\"");
	buf_free(&b);
}

/* Random bytes always come out as valid UTF-8 with no raw control bytes. */
static void
test_put_string_random(void **state)
{
	struct buf	b = BUF_INIT;
	char		s[64];
	size_t		i, n, round;

	(void)state;
	srand(20260401);
	for (round = 0; round < 20000; round++) {
		n = (size_t)rand() % sizeof s;
		for (i = 0; i < n; i++) {
			/* Bias to lead and continuation bytes and quotes. */
			switch (rand() % 4) {
			case 0:
				s[i] = (char)(0x80 + rand() % 0x80);
				break;
			case 1:
				s[i] = "\"\\\n\x01" "a\xe3\x81\x82"[rand() % 8];
				break;
			default:
				s[i] = (char)(rand() % 256);
				break;
			}
		}
		buf_reset(&b);
		json_put_string(&b, s, n);
		assert_int_equal(buf_ok(&b), 0);
		assert_true(text_utf8_valid(b.data, b.len));
		assert_true(b.len >= 2 && b.data[0] == '"' &&
		    b.data[b.len - 1] == '"');
		for (i = 0; i < b.len; i++)
			assert_true((unsigned char)b.data[i] >= 0x20);
		/* Every inner quote is escaped: the string ends only once. */
		for (i = 1; i + 1 < b.len; i++) {
			if (b.data[i] == '\\')
				i++;
			else
				assert_true(b.data[i] != '"');
		}
	}
	buf_free(&b);
}

static const struct {
	const char	*s;
	int		 ok;
} number_cases[] = {
	{ "0", 1 }, { "-0", 1 }, { "7", 1 }, { "-12", 1 }, { "2026", 1 },
	{ "1.5", 1 }, { "-0.25", 1 }, { "1e3", 1 }, { "1E3", 1 },
	{ "1.5e-3", 1 }, { "6.02E+23", 1 }, { "0e0", 1 },
	{ "12800000", 1 },
	{ "", 0 }, { "-", 0 }, { "+1", 0 }, { "01", 0 }, { "007", 0 },
	{ "-01", 0 }, { "1.", 0 }, { ".5", 0 }, { "1.e3", 0 }, { "1e", 0 },
	{ "1e+", 0 }, { "0x1F", 0 }, { "0o17", 0 }, { "0b101", 0 },
	{ "1_000", 0 }, { "1,000", 0 }, { ".inf", 0 }, { "-.inf", 0 },
	{ ".nan", 0 }, { "NaN", 0 }, { "Infinity", 0 }, { " 1", 0 },
	{ "1 ", 0 }, { "1\n", 0 }, { "１", 0 }, { "true", 0 }, { NULL, 0 },
};

static void
test_number_ok(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof number_cases / sizeof number_cases[0]; i++) {
		if (json_number_ok(number_cases[i].s) != number_cases[i].ok)
			fail_msg("'%s': expected %d", number_cases[i].s ?
			    number_cases[i].s : "(null)", number_cases[i].ok);
	}
}

/* What `list --format json` writes: an array of objects. */
static void
write_records(struct json *j)
{
	static const char *const tags[] = { "更新", "条件付" };
	size_t	i;

	assert_int_equal(json_begin_array(j), 0);
	assert_int_equal(json_begin_object(j), 0);
	assert_int_equal(json_key(j, "id"), 0);
	assert_int_equal(json_value_string(j, "rv-7kq3", 7), 0);
	assert_int_equal(json_key(j, "件名"), 0);
	assert_int_equal(json_value_string(j, "保育園業務支援システムの更新",
	    strlen("保育園業務支援システムの更新")), 0);
	assert_int_equal(json_key(j, "cost"), 0);
	assert_int_equal(json_value_raw(j, "12800000"), 0);
	assert_int_equal(json_key(j, "tags"), 0);
	assert_int_equal(json_begin_array(j), 0);
	for (i = 0; i < 2; i++)
		assert_int_equal(json_value_string(j, tags[i],
		    strlen(tags[i])), 0);
	assert_int_equal(json_end_array(j), 0);
	assert_int_equal(json_key(j, "done"), 0);
	assert_int_equal(json_value_raw(j, "false"), 0);
	assert_int_equal(json_end_object(j), 0);

	assert_int_equal(json_begin_object(j), 0);
	assert_int_equal(json_key(j, "id"), 0);
	assert_int_equal(json_value_string(j, "rv-a1", 5), 0);
	assert_int_equal(json_key(j, "note"), 0);
	assert_int_equal(json_value_string(j, "\"引用\"\n\t\x01\xff",
	    strlen("\"引用\"\n\t\x01\xff")), 0);
	assert_int_equal(json_key(j, "tags"), 0);
	assert_int_equal(json_begin_array(j), 0);
	assert_int_equal(json_end_array(j), 0);
	assert_int_equal(json_key(j, "meta"), 0);
	assert_int_equal(json_begin_object(j), 0);
	assert_int_equal(json_end_object(j), 0);
	assert_int_equal(json_key(j, "due"), 0);
	assert_int_equal(json_value_raw(j, "null"), 0);
	assert_int_equal(json_end_object(j), 0);

	assert_int_equal(json_begin_object(j), 0);
	assert_int_equal(json_end_object(j), 0);
	assert_int_equal(json_end_array(j), 0);
	assert_int_equal(json_finish(j), 0);
}

static const char records_json[] =
    "[\n"
    "  {\n"
    "    \"id\": \"rv-7kq3\",\n"
    "    \"件名\": \"保育園業務支援システムの更新\",\n"
    "    \"cost\": 12800000,\n"
    "    \"tags\": [\n"
    "      \"更新\",\n"
    "      \"条件付\"\n"
    "    ],\n"
    "    \"done\": false\n"
    "  },\n"
    "  {\n"
    "    \"id\": \"rv-a1\",\n"
    "    \"note\": \"\\\"引用\\\"\\n\\t\\u0001\xEF\xBF\xBD\",\n"
    "    \"tags\": [],\n"
    "    \"meta\": {},\n"
    "    \"due\": null\n"
    "  },\n"
    "  {}\n"
    "]\n";

static void
test_writer(void **state)
{
	struct buf	 b = BUF_INIT;
	struct json	*j;

	(void)state;
	j = json_new(&b);
	assert_non_null(j);
	write_records(j);
	json_free(j);
	if (strcmp(b.data, records_json) != 0)
		fail_msg("got\n%s---- expected\n%s----", b.data, records_json);
	buf_free(&b);
}

static void
test_writer_small(void **state)
{
	static const struct {
		int		 what;	/* 0 [], 1 {}, 2 "x", 3 1.5 */
		const char	*out;
	} cases[] = {
		{ 0, "[]\n" }, { 1, "{}\n" }, { 2, "\"x\"\n" }, { 3, "1.5\n" },
	};
	struct buf	 b = BUF_INIT;
	struct json	*j;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		buf_reset(&b);
		j = json_new(&b);
		assert_non_null(j);
		switch (cases[i].what) {
		case 0:
			assert_int_equal(json_begin_array(j), 0);
			assert_int_equal(json_end_array(j), 0);
			break;
		case 1:
			assert_int_equal(json_begin_object(j), 0);
			assert_int_equal(json_end_object(j), 0);
			break;
		case 2:
			assert_int_equal(json_value_string(j, "x", 1), 0);
			break;
		case 3:
			assert_int_equal(json_value_raw(j, "1.5"), 0);
			break;
		}
		assert_int_equal(json_finish(j), 0);
		assert_string_equal(b.data, cases[i].out);
		json_free(j);
	}
	buf_free(&b);
	json_free(NULL);
}

/* Each misuse fails, names itself, and every later call fails alike. */
static void
test_writer_misuse(void **state)
{
	static const struct {
		const char	*steps;	/* [ ] { } k s r(aw) R(bad raw) */
		const char	*msg;
	} cases[] = {
		{ "{s", "cannot write JSON: a value in an object needs a key" },
		{ "{k}", "cannot write JSON: a key has no value" },
		{ "{kk", "cannot write JSON: a key has no value" },
		{ "[k", "cannot write JSON: a key outside an object" },
		{ "k", "cannot write JSON: a key outside an object" },
		{ "[}", "cannot write JSON: an object ends inside an array" },
		{ "{]", "cannot write JSON: an array ends inside an object" },
		{ "]", "cannot write JSON: an array ends that did not begin" },
		{ "[]]",
		    "cannot write JSON: an array ends that did not begin" },
		{ "[]s", "cannot write JSON: a second value after the end" },
		{ "ss", "cannot write JSON: a second value after the end" },
		{ "[R", "cannot write JSON: '0x1F' is not a number, true, "
		    "false or null" },
		{ "[", "cannot write JSON: an array or object is not closed" },
		{ "", "cannot write JSON: nothing was written" },
	};
	struct buf	 b = BUF_INIT;
	struct json	*j;
	size_t		 i, len;
	const char	*p;
	int		 r = 0;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		buf_reset(&b);
		error_clear();
		j = json_new(&b);
		assert_non_null(j);
		for (p = cases[i].steps, r = 0; *p != '\0' && r == 0; p++) {
			switch (*p) {
			case '[': r = json_begin_array(j); break;
			case ']': r = json_end_array(j); break;
			case '{': r = json_begin_object(j); break;
			case '}': r = json_end_object(j); break;
			case 'k': r = json_key(j, "k"); break;
			case 's': r = json_value_string(j, "s", 1); break;
			case 'r': r = json_value_raw(j, "1"); break;
			case 'R': r = json_value_raw(j, "0x1F"); break;
			}
		}
		if (r == 0) {
			assert_true(*p == '\0');
			r = json_finish(j);
		} else
			assert_true(*p == '\0');	/* failed on the last */
		assert_int_equal(r, NC_EINVALID);
		assert_string_equal(error_last(), cases[i].msg);
		/* Sticky: nothing more is written. */
		len = b.len;
		assert_int_equal(json_begin_array(j), NC_EINVALID);
		assert_int_equal(json_value_raw(j, "1"), NC_EINVALID);
		assert_int_equal(json_finish(j), NC_EINVALID);
		assert_int_equal(b.len, len);
		json_free(j);
	}
	buf_free(&b);
}

/* Deep nesting grows the stack and still closes properly. */
static void
test_writer_deep(void **state)
{
	struct buf	 b = BUF_INIT;
	struct json	*j;
	size_t		 i, n = 100;

	(void)state;
	j = json_new(&b);
	assert_non_null(j);
	for (i = 0; i < n; i++)
		assert_int_equal(json_begin_array(j), 0);
	assert_int_equal(json_value_raw(j, "true"), 0);
	for (i = 0; i < n; i++)
		assert_int_equal(json_end_array(j), 0);
	assert_int_equal(json_finish(j), 0);
	/* Line n holds the value, indented by 2n spaces. */
	assert_int_equal(strspn(strstr(b.data, "true") - 2 * n, " "), 2 * n);
	json_free(j);
	buf_free(&b);
}

/*
 * Run python3 -c script with the bytes on stdin; returns its exit status,
 * with what it printed (stderr too) in out.  Scripts read and write bytes
 * so that the locale of the test run does not matter.
 */
static int
run_python(const char *script, const struct buf *in, struct buf *out)
{
	char	 path[] = "/tmp/test_json.XXXXXX", cmd[1024], chunk[4096];
	FILE	*fp;
	size_t	 n;
	int	 fd, status;

	buf_reset(out);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, in->data, in->len), (ssize_t)in->len);
	close(fd);
	snprintf(cmd, sizeof cmd, "%s -c '%s' < %s 2>&1", PYTHON, script,
	    path);
	fp = popen(cmd, "r");
	assert_non_null(fp);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(out, chunk, n);
	status = pclose(fp);
	unlink(path);
	buf_putc(out, '\0');
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

#define PY_LOAD	"import json,sys; d = json.load(sys.stdin.buffer); "

static void
test_python_valid(void **state)
{
	struct buf	 b = BUF_INIT, got = BUF_INIT;
	struct json	*j;
	unsigned	 c;
	char		 s[1];

	(void)state;
	if (access(PYTHON, X_OK) != 0)
		skip();

	j = json_new(&b);
	assert_non_null(j);
	write_records(j);
	json_free(j);
	if (run_python(PY_LOAD, &b, &got) != 0)
		fail_msg("python3 rejects\n%s----\n%s", b.data, got.data);

	/* Python lays the same data out byte for byte as we do. */
	if (run_python(PY_LOAD "sys.stdout.buffer.write((json.dumps(d, "
	    "indent=2, ensure_ascii=False) + \"\\n\").encode())", &b,
	    &got) != 0 || got.len != b.len + 1 ||
	    memcmp(got.data, b.data, b.len) != 0)
		fail_msg("python3 lays it out as\n%s---- we wrote\n%s----",
		    got.data, b.data);

	/* Every byte value as a one-byte string. */
	buf_reset(&b);
	j = json_new(&b);
	assert_non_null(j);
	assert_int_equal(json_begin_array(j), 0);
	for (c = 0; c < 256; c++) {
		s[0] = (char)c;
		assert_int_equal(json_value_string(j, s, 1), 0);
	}
	assert_int_equal(json_end_array(j), 0);
	assert_int_equal(json_finish(j), 0);
	json_free(j);
	/* ASCII comes back as itself, every other byte as U+FFFD. */
	if (run_python(PY_LOAD "assert d == [chr(c) if c < 128 else "
	    "\"\\ufffd\" for c in range(256)]", &b, &got) != 0)
		fail_msg("python3 reads the bytes otherwise:\n%s", got.data);

	/* And the check itself can fail. */
	buf_reset(&b);
	buf_puts(&b, "[\"a\",]\n");
	assert_int_not_equal(run_python(PY_LOAD, &b, &got), 0);

	buf_free(&b);
	buf_free(&got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_string),
		cmocka_unit_test(test_put_string_random),
		cmocka_unit_test(test_number_ok),
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_writer_small),
		cmocka_unit_test(test_writer_misuse),
		cmocka_unit_test(test_writer_deep),
		cmocka_unit_test(test_python_valid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
