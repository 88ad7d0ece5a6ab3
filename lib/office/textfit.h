/*
 * Fitting text into table columns, shared by the Word and PowerPoint
 * writers so that both lay out a table the same way.
 *
 * Widths are in hundredths of a full-width character of the text's font
 * size (100 = 1 字).  A half-width character (text_width() 1) counts
 * TEXTFIT_HALF, more than half: the Latin letters and digits of Century
 * and of 游ゴシック are proportional, digits about 0.55 of a character and
 * capitals more, and a table measured at 50 would break "12,800,000" and
 * "令和8年11月30日" where the fonts are a little wider than assumed.
 */
#define TEXTFIT_HALF	60
/* The wide ones among them, % @ M W m w (Century's % is 0.83). */
#define TEXTFIT_WIDE	90
/*
 * Word and LibreOffice space Japanese apart from Latin letters and digits
 * next to it (autoSpaceDE/DN, on by default): a quarter of a character
 * at each change, "令和 8 年 4 月 20 日".
 */
#define TEXTFIT_GAP	25
/*
 * The fewest characters the last line of a wrapped paragraph should hold:
 * a line of one or two (確認す／る。, 持出し・／紛失) reads as a mistake.
 */
#define TEXTFIT_WIDOW	3
/*
 * A last line of at most this many characters after a full one reads as
 * left over (…課内に周知し／ている。) where the lines before it could
 * break at a clause: a short tail.
 */
#define TEXTFIT_TAIL	4
/* A bracketed aside of at most this many characters breaks nowhere. */
#define TEXTFIT_ASIDE	12
/* A name (no space, no 、。) of at most this many characters neither. */
#define TEXTFIT_NAME	16
/*
 * The % of a line's width a writer that breaks lines itself fills:
 * LibreOffice's and PowerPoint's metrics are wider than the estimate
 * here ("区立図書館（見本A）" measured to fit wrapped before "A）").
 */
#define TEXTFIT_ROOM	94

#ifndef NCIO_TEXTFIT_H
#define NCIO_TEXTFIT_H

#include <stddef.h>
#include <stdint.h>

/* Width of the widest line of s (lines end at LF, CR LF or CR). */
unsigned textfit_width(const char *s);

/*
 * A number as a table shows it, to be right-aligned: digits with
 * separators and a decimal point, an optional sign (+ - − △ ▲ ±) and an
 * optional unit (% ％ 円 千円 万円 件 人 名 回 点 ポイント pt).
 * "1,280", "-3.5", "100.0%", "△12円", "+4.9ポイント".
 */
int	textfit_is_number(const char *s);

/*
 * Text that must not break across lines: numbers (above), dates and
 * times ("令和8年4月20日", "2026/4/1", "10:00"), document numbers
 * ("第3号"): digits with only separators, era names and date, count and
 * money units around them.
 */
int	textfit_is_unbreakable(const char *s);

/*
 * The narrowest width s can take: all of its widest line when it is
 * unbreakable or no wider than short_limit, else its longest run of
 * half-width characters (a word, a code, a number inside the text, which
 * must not be split) plus one character, and at least two characters
 * (a line never starts with closing punctuation: 分） goes as a pair).
 */
unsigned textfit_min(const char *s, unsigned short_limit);

/*
 * Lines s takes when wrapped at width (at least one).  Japanese breaks
 * between any two characters; runs of half-width characters break at
 * spaces only, a run wider than the line taking as many lines as it needs.
 */
unsigned textfit_lines(const char *s, unsigned width);

/*
 * Paragraphs of s that, wrapped at width as textfit_lines() wraps them,
 * leave fewer than TEXTFIT_WIDOW characters alone on their last line.
 */
unsigned textfit_widows(const char *s, unsigned width);

/*
 * Where a name too wide for width (hundredths) breaks onto a second line,
 * as a byte offset into s, or 0 to leave it whole or to the application
 * (it fits, it needs more than two lines, or it holds a figure or is a
 * sentence: 。、？！「).  After ・ or before （ first, then where a
 * word changes script (地域振興台帳データ／入力業務委託); else not inside
 * a katakana word or between two hiragana, leaving three characters or
 * more for the second line (建築指導／担当課, 文書管理／システム,
 * 情報政策課からの／個別相談, not 建築指導担当／課, 文書管理システ／ム and
 * 情報政策課か／らの個別相談); the first line as long as these allow.
 */
size_t	textfit_name_break(const char *s, unsigned width);

/*
 * s with a line feed at each line end, wrapped at width (hundredths of a
 * character), for a writer that sets its own line breaks; line ends of
 * s stay.  A line breaks preferably after 、。, at a space, before an
 * opening or after a closing bracket, at the end of a katakana word or
 * of a run of hiragana: on the fewest lines, the best breaks among
 * them, then the fullest lines; never inside a number with its
 * unit or a date ("94.5%", "4,313人", "令和8年4月10日", "2026年4月",
 * "第3号"), a katakana word, a run of half-width characters, a
 * bracketed aside of up to TEXTFIT_ASIDE characters or within two
 * characters of the brackets of a longer one; never before closing
 * punctuation or small kana nor after an opening bracket; and not so
 * as to leave fewer than TEXTFIT_WIDOW characters on the last line.
 * Spaces at a break go.  A piece wider than the line breaks where it
 * must.  NULL when out of memory; free the result.
 */
char	*textfit_wrap(const char *s, unsigned width);

/* Lines textfit_wrap() makes of s at width (at least one). */
unsigned textfit_wrap_lines(const char *s, unsigned width);

/*
 * As textfit_wrap(), for running text in a table cell: the same pieces
 * kept whole and the same lines never started or ended, but each line
 * as full as it may be, as Japanese is set: a line ends short only
 * to spare the worst breaks (化し／た) or a line of one or two
 * characters, where textfit_wrap() prefers the break that reads best,
 * as a slide's text does.
 */
char	*textfit_wrap_fill(const char *s, unsigned width);

/*
 * As textfit_wrap_fill(), a paragraph that is a numbered item, "(1) " or
 * "（1）" first, with its lines after the first narrower by the label's
 * width (textfit_label_width()): for a writer that hangs the item's
 * lines at its label, (1) 稼働前に…／    結果を….
 */
char	*textfit_wrap_hang(const char *s, unsigned width);
/* The width of the label of the first paragraph of s, or 0. */
unsigned textfit_label_width(const char *s);

/*
 * The width of the widest piece of s that textfit_wrap() does not
 * break (see there), or of a whole line of s that is a name: no space,
 * no 、。, at most TEXTFIT_NAME characters ("区立図書館（見本Ａ）",
 * "フォローアップ中").  A column of a table is never narrower.
 */
unsigned textfit_min_kept(const char *s);

/*
 * The width of the widest piece of s that textfit_wrap() does not break,
 * as textfit_min_kept() without its names: a line that is a name may
 * still break between its words (for a writer whose columns share a
 * page too narrow to hold every name on a line: the workbooks).
 */
unsigned textfit_min_piece(const char *s);

/*
 * The widest piece as textfit_min_kept() (names 1) or textfit_min_piece()
 * (names 0) but among those at most limit wide: a date beside an aside
 * too wide to keep a column for.
 */
unsigned textfit_min_kept_within(const char *s, int names, unsigned limit);

struct textfit_col {
	unsigned	natural;	/* widest content, 0 if none */
	/*
	 * The narrowest it may be: textfit_min() of its cells; for an empty
	 * column, what it may shrink to (its heading, a few characters).
	 */
	unsigned	min;
	unsigned	weight;		/* the caller's relative width, > 0 */
	int		empty;		/* no content: it takes its weight */
	/*
	 * No content and none to be written in (a draft's column not
	 * filled yet): only its heading's width, natural, and no share of
	 * the room left, which the columns with content take.
	 */
	int		blank;
};

/*
 * Widths of n columns sharing total (out[] sums to total exactly), in any
 * one unit.
 *
 * A column with content wants its natural width, an empty one (a form
 * column to fill in) its share of total by weight, a blank one its
 * natural width (its heading's).  When all fit, the room left is shared
 * by weight among the columns that are not blank (all, if all are).  When not, every column gets its
 * minimum first, and what is left is shared by weight among the columns
 * that lack room, none getting more than it lacks (weighted water-filling:
 * the small needs, dates, names and short codes, are met whole and the
 * long texts share the rest).  Only when the minimums alone exceed total
 * are they scaled down, and text wraps where it must.
 */
void	textfit_columns(unsigned *out, const struct textfit_col *cols,
	    size_t n, unsigned total);

/*
 * The cells of a table for textfit_balance(): nrows x ncols texts (a
 * header row counts as a row; NULL for a cell that does not size its
 * column), and the room a column width (in the unit of the widths) leaves
 * a line of a cell, in hundredths of a character of its size.
 */
struct textfit_table {
	size_t		  nrows;
	size_t		  ncols;
	const char	*(*cell)(void *arg, size_t row, size_t col);
	unsigned	 (*room)(void *arg, size_t row, size_t col,
			    unsigned width);
	void		 *arg;
};

/*
 * Widow-aware widths: grid (from textfit_columns() with the same cols)
 * changed, where that helps, so that no cell leaves one or two characters
 * alone on its last line.  Width moves between two columns with content,
 * step at a time, up to max_move (in the unit of the widths), no column
 * going below its minimum and none that does not wrap (narrower than its
 * natural width) getting more, and no cell taking more lines than at the
 * widths given (a name kept on one line stays so): the move leaving
 * fewest widows
 * is taken, then the one giving the lowest table (sum over rows of the
 * most lines of a cell), then the smallest.  Returns the widows left.
 */
unsigned textfit_balance(unsigned *grid, const struct textfit_col *cols,
	    const struct textfit_table *t, unsigned step, unsigned max_move);

/*
 * How badly w, s wrapped at room hundredths (textfit_wrap() and the
 * like), breaks a word that fits a line: 2 inside a run of kanji or
 * katakana no wider than room leaving one or two of its characters on
 * a side (システム標／準化, 再委／託, 演習問／題), or between a kanji or
 * katakana and the hiragana after it (持ち帰／り時, ヒアリング／し:
 * okurigana and particles go with their word; not after a number's
 * unit: 令和8年4月28日／に); 1 inside such a run between longer parts
 * (特定個人情／報保護評価書); 0 neither.  *hira: the breaks between two
 * hiragana (もら／い), the last resort.  Line feeds of s are not breaks.
 * -1: no memory.
 */
int	textfit_bad_break(const char *s, const char *w, unsigned room,
	    unsigned *hira);

/* Lines of s, at its line feeds (at least one). */
unsigned textfit_count_lines(const char *s);

/*
 * w, s wrapped at room (hundredths) by wrap; or, where w breaks a word
 * that fits a line (textfit_bad_break(): 再委／託, 誤送／信), s wrapped
 * narrower by wrap, a quarter of a character at a time down to two
 * thirds of room, the first wrap that breaks none, no more between two
 * hiragana, on at most lines lines.  w is freed when replaced; NULL
 * stays NULL.
 */
char	*textfit_spare_word(const char *s, char *w, unsigned room,
	    unsigned lines, char *(*wrap)(const char *, unsigned));

/*
 * s wrapped at width in at most lines lines at the best breaks, hanging
 * at a numbered item's label: lines cost less and less, the fullest
 * first, and the first wrap whose breaks cost nothing
 * (textfit_break_cost() 0: no word that fits a line of room broken, nor
 * a word of kana, 定め／ている) is taken, else the one whose breaks cost
 * least (in *cost).  With tail, no wrap that
 * leaves TEXTFIT_TAIL characters or fewer on a last line.  NULL when
 * none is in the lines (or out of memory); free the result.
 */
char	*textfit_wrap_within(const char *s, unsigned width, unsigned room,
	    unsigned lines, int tail, unsigned *cost);

/*
 * What the breaks w, s wrapped at room hundredths, sets inside words
 * cost a reader, summed over them, for choosing between widths: 4 for
 * a kanji or katakana word that fits a line cut one character from
 * its edge (使／用, 翌／開庁日), 2 for a katakana word, one of up to four
 * kanji or an even run cut inside a pair (延長／保守, 入力業／務委託),
 * 1 for a longer compound cut between its parts and for okurigana or
 * a particle off its word (持ち帰／り, 閉庁日／の), 2 for a word a
 * reader takes as one though its characters' kinds change inside it
 * (であ／り, 付け／て, 情報／セキュリティ, 第29条／の4: kana_split());
 * for a line that starts with kana of the word before, 4 for one
 * hiragana alone before a mark or a kanji (利用契約と／し、, 直接防／ぐ
 * 対策) and 2 for a particle or an auxiliary after kana (おそれ／がある,
 * 行わ／れた) or a noun of one kanji after の (多数の／者に); 0 for the
 * rest, and before an ordinal (規則／第44条).
 */
unsigned textfit_break_cost(const char *s, const char *w, unsigned room);
/* Of those, what lines starting with kana of the word before cost. */
unsigned textfit_kana_cost(const char *s, const char *w);

/*
 * Bytes of a company's or a body's legal form at s (株式会社, 一般社団
 * 法人), which a name may break after or before; 0 if none.
 */
size_t	textfit_legal_form(const char *s, size_t len);

/*
 * A memory of the results of a layout's pure functions of a text and a
 * few numbers (a wrap, a cell's lines at a width): a table's layout asks
 * the same again and again, at every width it tries, for each grid it
 * weighs, and once more when it writes the table (issue 7).  sets x
 * TEXTFIT_MEMO_WAYS entries, the last used first in each set, the one
 * used longest ago replaced; a text of more than TEXTFIT_MEMO_TEXT bytes
 * is not kept.  Declare one static, { NULL, SETS } (a power of two); its
 * entries are allocated at the first use.  Out of memory it keeps
 * nothing and the caller computes.
 */
#define TEXTFIT_MEMO_WAYS	2
#define TEXTFIT_MEMO_TEXT	4096

struct textfit_memo_entry;
struct textfit_memo {
	struct textfit_memo_entry *e;
	size_t			 sets;
};

/*
 * What was kept for s (len bytes) with keys k1, k2: 1 and the numbers
 * in v[0..1] and the result text in *out (*out NULL where it was NULL;
 * it stays valid until the next textfit_memo_put() of m), or 0.
 */
int	textfit_memo_get(struct textfit_memo *m, const char *s, size_t len,
	    uint64_t k1, uint64_t k2, unsigned *v, const char **out,
	    size_t *outlen);
/* Keep v[0..1] and out (outlen bytes, or NULL) for s, k1, k2. */
void	textfit_memo_put(struct textfit_memo *m, const char *s, size_t len,
	    uint64_t k1, uint64_t k2, const unsigned *v, const char *out,
	    size_t outlen);
/* Forget all (tests). */
void	textfit_memo_free(struct textfit_memo *m);

#endif
