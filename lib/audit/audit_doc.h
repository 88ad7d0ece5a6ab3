/*
 * The audit deliverables of 4(2)エ: 監査項目 (.xlsx), 監査調書 (.xlsx,
 * one sheet per audit), 情報セキュリティ監査結果概要報告書 (.docx),
 * フォローアップ監査に係る質疑応答書 (.docx), 実施結果報告書 (.docx and
 * .xlsx with native charts) and the list of risks surfaced by the audits
 * (.xlsx).
 *
 * Each writes path atomically and deterministically: the document's
 * created time comes from the records (agreement, report or audit date),
 * never from the clock.
 */
#ifndef NCIO_AUDIT_DOC_H
#define NCIO_AUDIT_DOC_H

#include <stddef.h>

#include "cal.h"
#include "diag.h"
#include "record.h"
#include "store.h"

int	audit_doc_items(const char *path, struct store *,
	    const struct record *const *catalogs, size_t n);
int	audit_doc_paper(const char *path, struct store *,
	    const struct record *const *audits, size_t n);
/*
 * The 概要報告書 is refused for a planned audit (nothing checked) and
 * marked 案 while the audit is in progress (audit_doc_is_draft).
 */
int	audit_doc_summary(const char *path, struct store *,
	    const struct record *audit);
int	audit_doc_is_draft(const struct node *root);
int	audit_doc_qa(const char *path, struct store *,
	    const struct record *followup);
/*
 * The 実施結果報告書 is dated as_of and counts the audits held by then
 * (evstate.h): later ones are 予定, past-dated planned ones 未実施 with a
 * warning each into warn (may be NULL).
 */
int	audit_doc_results_docx(const char *path, struct store *,
	    const struct record *const *audits, size_t n, int fy,
	    struct cal_date as_of, struct diags *warn);
int	audit_doc_results_xlsx(const char *path, struct store *,
	    const struct record *const *audits, size_t n, int fy,
	    struct cal_date as_of, struct diags *warn);
/* The リスク一覧 with the 是正状況 of as_of, its 現在 day. */
int	audit_doc_risks(const char *path, struct store *,
	    const struct record *const *audits, size_t n, int fy,
	    struct cal_date as_of);

/*
 * Whether an audit's rates are interim (暫定): it has a rate, and items
 * are left to check (未確認, or no result yet).  The 実施結果報告書 marks
 * them ※; other documents that give an audit's rate (業務項目別実績) ask
 * here, so that an audit in progress whose items are all judged reads
 * as final there as it does in the 集計表.
 */
struct audit_score;
int	audit_score_interim(const struct audit_score *);
/* The note under a list of audits' rates that marks the interim ones ※. */
#define AUDIT_INTERIM_NOTE	("※ 未確認の項目がある監査の適合率は、確認を" \
	"終えた項目による暫定の値である。")

#endif
