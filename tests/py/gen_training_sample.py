#!/usr/bin/python3
"""Generate the training sample data: the question banks, FY2025 and FY2026
trainings with their questions and results.

Run from the source root, with a built binary:

    /usr/bin/python3 tests/py/gen_training_sample.py build/nerima-cio

The trainings themselves are planned by the tool (`nerima-cio training
plan --fy 2025` and `--fy 2026` from data/sample/training-plan.yaml, on a
scratch copy), so their dates and due dates are the tool's; this script
then gives each a stable id, its status as of 30 November 2026, the
questions picked from the banks and, for the trainings held, answers of
every (anonymous) respondent, generated from a simple item-response model
(deterministic: the same output every run).  FY2025's trainings keep
only the figures reported, to keep the sample small.

Planted for the new-content check: the FY2026 nursery-staff training
reuses two FY2025 test items verbatim, one nearly (ts-usb-06 rewords
ts-usb-01), a survey question and an outline sentence.
"""
import datetime
import glob
import hashlib
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

# libyaml's loader where PyYAML has it (Debian's does): ten times
# faster than the pure-Python one, and the parser the engine uses.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_load(f):
    return yaml.load(f, Loader=_Loader)


HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
os.chdir(ROOT)
import check_schemas as cs  # noqa: E402
import training_bank_data as B  # noqa: E402

SAMPLE = os.path.join(ROOT, "data", "sample")
CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
TODAY = datetime.date(2026, 11, 30)

# Ids of the records the sample had before this generator.
LEGACY = {
    (2026, "new-hire", 1): "tr-ygh5fy2p",
    (2026, "nursery-staff", 1): "tr-yam75eeh",
    (2026, "mynumber-2", 1): "tr-1b32t2af",
}


def rid(prefix, *parts):
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).digest()
    n = int.from_bytes(h[:5], "big")
    tail = "".join(CROCKFORD[(n >> (5 * i)) & 31] for i in range(7, -1, -1))
    return "%s-%s" % (prefix, tail)


def sha256_text(s):
    """A digest of s; salted until it has no run of 12 digits, which the
    sample's My Number check would stop (sample data only)."""
    salt = 0
    while True:
        h = hashlib.sha256(("%s\x1f%d" % (s, salt)).encode()).hexdigest()
        if not re.search(r"[0-9]{12}", h):
            return h
        salt += 1


def d(s):
    return datetime.date.fromisoformat(s)


# --- banks ---------------------------------------------------------------

def test_item(t):
    ref, topic, clause, aud, text, choices, key, expl = t
    it = {"ref": ref, "type": "multiple" if len(key) > 1 else "single",
          "topic": topic, "clause": clause, "text": text,
          "choices": list(choices), "key": list(key), "explanation": expl}
    if aud != B.ALL:
        it["audiences"] = list(aud)
    return it


def survey_item(s):
    ref, topic, typ, aud, text, choices, flags = s
    it = {"ref": ref, "type": typ, "topic": topic, "text": text}
    if aud != B.ALL:
        it["audiences"] = list(aud)
    if choices:
        it["choices"] = list(choices)
    if "sat" in flags:
        it["satisfaction"] = True
    if "fixed" in flags:
        it["fixed"] = True
    return it


def banks():
    out = {}
    for fy in (2025, 2026):
        label = "令和%d年度" % (fy - 2018)
        keep = (lambda r: r not in B.NEW_2026) if fy == 2025 else \
            (lambda r: True)
        for kind, items, title in (
                ("training-test", [test_item(t) for t in B.TEST],
                 "研修テストの問題バンク"),
                ("training-survey", [survey_item(s) for s in B.SURVEY],
                 "研修アンケートの設問バンク")):
            doc = {"id": rid("ca", kind, fy), "fy": fy, "kind": kind,
                   "title": "%s（%s）" % (title, label), "version": 1,
                   "status": "final",
                   "issued": "%d-04-01" % fy,
                   "description": "研修のアンケート・テストに使う%s。項目番号は年度をまたいで同じ"
                   "意味の設問に使い続ける。研修には選んだ設問の写しを固定して記録する。" % (
                       "設問" if kind == "training-survey" else "問題"),
                   "items": [i for i in items if keep(i["ref"])]}
            if fy == 2026:
                doc["based_on"] = rid("ca", kind, 2025)
            out[(kind, fy)] = doc
    return out


# --- what each training is -----------------------------------------------

OUTLINES = {
    (2025, "nursery-staff"): "保護者の個人情報（連絡先、写真）の取扱いと、園での事故事例。\n"
    "外部記録媒体の管理簿による管理と、SDカードの取扱い。\n"
    "不審なメールを受け取ったときの報告手順。",
    (2026, "nursery-staff"): "保護者アプリと園だよりでの写真の取扱い、掲載同意の確認。\n"
    "職員個人のSNSへの投稿で起きた他自治体の事例。\n"
    "外部記録媒体の管理簿による管理と、SDカードの取扱い。",
    (2025, "regular-staff"): "情報セキュリティポリシーの概要と職員の遵守事項。\n"
    "標的型攻撃メールの見分け方と報告手順。\n"
    "メール誤送信の防止とBCCの使い方。",
    (2026, "regular-staff"): "生成AIの業務利用のルールと、入力してはならない情報。\n"
    "サポート詐欺やビジネスメール詐欺など、最近の手口と対処。\n"
    "テレワーク時の端末と書類の取扱い。",
    (2025, "system-staff"): "担当システムのアカウント管理と操作ログの確認。\n"
    "ソフトウェア更新の計画と記録。",
    (2026, "system-staff"): "生成AIを組み込んだシステムの調達で確認すべき事項。\n"
    "クラウドサービスの設定不備による情報漏えいの事例と点検方法。\n"
    "障害・事故時の連絡体制と、委託事業者との役割分担。",
    (2025, "security-officer"): "所属点検の取りまとめ方と、点検結果に基づく改善。\n"
    "情報資産管理台帳の整備。",
    (2026, "security-officer"): "課内で事故等が起きたときの初動（切り離し・報告・記録）を、"
    "模擬事案で確認する。\n"
    "自己点検の結果から課の弱点を見つけ、課内研修に生かす方法。",
    (2025, "new-manager"): "情報セキュリティ責任者（課長）の役割と責任。",
    (2026, "new-manager"): "情報セキュリティ責任者（課長）として、課内の対策を指示し点検する"
    "方法。\n"
    "事故等の発生時に課長が判断すること（報告、公表、区民への対応）。",
    (2025, "new-hire"): "区の情報セキュリティポリシーの概要と、日常業務での遵守事項。",
    (2026, "new-hire"): "区の情報セキュリティポリシーの概要、日常業務での遵守事項（メール、"
    "外部記録媒体、SNS）、事故等の報告手順。\n"
    "後半は誤送信を題材にしたグループ演習を行う。",
    (2025, "mynumber-1"): "番号法の概要と、個人番号を利用できる事務の範囲。\n"
    "取扱区域と書類の保管・廃棄。",
    (2026, "mynumber-1"): "特定個人情報の漏えい等が起きたときの報告義務と、区の報告手順。\n"
    "委託先の監督と、再委託の許諾。\n"
    "窓口での本人確認（番号確認と身元確認）の実際。",
    (2025, "mynumber-2"): "他自治体の特定個人情報の事故事例と再発防止策。",
    (2026, "mynumber-2"): "個人番号の利用範囲と提供の制限、特定個人情報の安全管理措置、"
    "他自治体の事故事例。\n"
    "後半は誤送付の事例をもとに、発見から報告までをグループで演習する。",
    (2025, "digital-data"): "表計算ソフトによる集計の基本と、元データの管理。",
    (2026, "digital-data"): "区の統計データを使った集計と可視化の演習。\n"
    "データの出典と加工の記録の残し方。",
    (2025, "digital-dx"): "業務の流れを図に描き、改善点を見つける方法。",
    (2026, "digital-dx"): "生成AIを使った文書作成の下書きと、職員による確認の手順。\n"
    "業務の流れを図にして、生成AIで効率化できる作業を探す演習。",
    (2025, "nursery-head"): "園の情報資産の管理と、職員への指導。",
    (2026, "nursery-head"): "園長として、保護者アプリの運用ルールを職員に徹底する方法。\n"
    "委託・指定管理の園での情報管理の確認。",
    (2025, "nursery-appointee"): "園で守るべき個人情報の取扱いの基本。",
    (2026, "nursery-appointee"): "写真・連絡帳の取扱いと、保護者アプリの注意点（配付教材）。",
    (2025, "fiscal-appointee"): "会計年度任用職員が守るべき情報セキュリティの基本。",
    (2027, "new-hire"): "入庁直後に起きやすい事故（誤送信、書類の置き忘れ）を、先輩職員の体験談"
    "から学ぶ。\n"
    "生成AIと庁内システムの使い分けと、入力してはならない情報。",
    (2027, "new-manager"): "課のリスクを洗い出し、年間の対策計画に落とし込む方法。\n"
    "委託事業者の点検（4段階の点検手順）で課長が確認すべきこと。",
    (2026, "fiscal-appointee"): "窓口業務での個人情報の取扱いと、不審な電話・メールへの対応"
    "（配付教材）。",
}

EXERCISES = {
    "new-hire": "誤送信を題材にしたグループ演習（宛先確認の手順を班で作る）。",
    "new-manager": "模擬事案（個人情報の誤送付）で、課長として指示する内容を班で検討する。",
    "security-officer": "模擬事案で初動の手順（切り離し・報告・記録）を実際に行う。",
    "digital-data": "区の公開統計を使い、ピボットテーブルで集計・グラフ化する。",
    "digital-dx": "自分の業務を一つ選び、生成AIで下書きを作って職員が確認する手順を体験する。",
    "mynumber-2": "誤送付の事例をもとに、発見から報告までをグループで演習する。",
}

# Questions picked for each training: (survey refs, test refs).
ITEMS = {
    (2025, "security-officer"): (
        ["sv-sat-01", "sv-und-01", "sv-use-01", "sv-ins-01", "sv-ex-01",
         "sv-usb-01", "sv-mail-01", "sv-form-01", "sv-len-01", "sv-free-01"],
        ["ts-phish-03", "ts-mail-03", "ts-pass-01", "ts-pass-02",
         "ts-usb-01", "ts-usb-02", "ts-asset-01", "ts-virus-01",
         "ts-mynum-03", "ts-sns-01"]),
    (2025, "new-manager"): (
        [], ["ts-inc-01", "ts-inc-02", "ts-inc-03", "ts-mail-01",
             "ts-mail-03", "ts-asset-01", "ts-pass-02", "ts-usb-03",
             "ts-phish-03", "ts-mynum-01"]),
    (2025, "system-staff"): (
        ["sv-sat-01", "sv-und-01", "sv-use-01", "sv-el-01", "sv-len-01",
         "sv-usb-01", "sv-phish-01", "sv-topic-01", "sv-free-01",
         "sv-free-02"], []),
    (2025, "nursery-staff"): (
        ["sv-sat-01", "sv-und-01", "sv-use-01", "sv-el-01", "sv-len-01",
         "sv-form-01", "sv-topic-01", "sv-free-01"],
        ["ts-phish-01", "ts-phish-05", "ts-usb-01", "ts-usb-02",
         "ts-sns-01", "ts-pass-01", "ts-mail-01", "ts-asset-01",
         "ts-virus-01", "ts-inc-01"]),
    (2025, "mynumber-1"): (
        ["sv-sat-01", "sv-und-01", "sv-use-01", "sv-mynum-01", "sv-el-01",
         "sv-len-01", "sv-topic-01", "sv-free-01"],
        ["ts-mynum-01", "ts-mynum-02", "ts-mynum-03", "ts-mail-01",
         "ts-mail-02", "ts-usb-01", "ts-usb-02", "ts-phish-01",
         "ts-phish-03", "ts-pass-02"]),
    (2025, "mynumber-2"): (
        ["sv-sat-01", "sv-und-01", "sv-use-01", "sv-ins-01", "sv-ex-01",
         "sv-mynum-02", "sv-len-01", "sv-free-01"], []),
    (2025, "digital-data"): (
        ["sv-sat-01", "sv-und-01", "sv-use-01", "sv-dig-01", "sv-dig-02",
         "sv-ins-01", "sv-len-01", "sv-free-01"], []),
    (2025, "digital-dx"): (
        ["sv-sat-01", "sv-und-01", "sv-use-01", "sv-dig-01", "sv-ins-01",
         "sv-ex-01", "sv-form-01", "sv-free-01"], []),
    (2026, "new-manager"): (
        [], ["ts-inc-03", "ts-mynum-07", "ts-mail-05", "ts-phish-06",
             "ts-pass-03", "ts-asset-02", "ts-ai-04", "ts-inc-02",
             "ts-usb-03", "ts-mynum-01"]),
    (2026, "security-officer"): (
        ["sv-sat-01", "sv-und-01", "sv-use-01", "sv-off-01", "sv-case-01",
         "sv-conf-01", "sv-phish-02", "sv-act-01", "sv-len-01",
         "sv-free-01"],
        ["ts-phish-06", "ts-inc-02", "ts-asset-02", "ts-mail-05",
         "ts-pass-03", "ts-mynum-01", "ts-ai-05", "ts-usb-03", "ts-phish-02",
         "ts-inc-01"]),
    (2026, "mynumber-1"): (
        ["sv-sat-01", "sv-und-01", "sv-use-01", "sv-mynum-01", "sv-case-01",
         "sv-conf-01", "sv-act-01", "sv-len-01", "sv-free-01",
         "sv-free-03"],
        ["ts-mynum-04", "ts-mynum-05", "ts-mynum-06", "ts-mynum-07",
         "ts-mail-04", "ts-inc-01", "ts-ai-01", "ts-ai-03", "ts-mail-03",
         "ts-pass-04"]),
    (2026, "nursery-staff"): (
        ["sv-sat-01", "sv-und-01", "sv-use-01", "sv-nur-01", "sv-el-01",
         "sv-len-01", "sv-act-01", "sv-free-01", "sv-free-03"],
        ["ts-nursery-01", "ts-nursery-02", "ts-nursery-03", "ts-usb-05",
         "ts-inc-04", "ts-phish-01", "ts-usb-06", "ts-sns-01", "ts-pass-04",
         "ts-ai-01"]),
    (2026, "digital-data"): (
        ["sv-sat-01", "sv-und-01", "sv-use-01", "sv-dig-01", "sv-dig-03",
         "sv-ex-01", "sv-time-01", "sv-len-01", "sv-free-03"], []),
    (2026, "digital-dx"): (
        ["sv-sat-01", "sv-und-01", "sv-use-01", "sv-ai-01", "sv-share-01",
         "sv-rec-01", "sv-conf-01", "sv-len-01", "sv-free-01"], []),
    (2026, "system-staff"): (
        ["sv-sat-01", "sv-und-01", "sv-use-01", "sv-sys-01", "sv-ai-01",
         "sv-mail-01", "sv-conf-01", "sv-form-01", "sv-len-01",
         "sv-free-03"], []),
    (2026, "mynumber-2"): (
        ["sv-sat-01", "sv-und-01", "sv-use-01", "sv-case-01", "sv-conf-01",
         "sv-share-01", "sv-time-01", "sv-rec-01", "sv-len-01",
         "sv-free-02"], []),
}

# Item-response parameters of test items where they differ from the
# default (a = 1.4, b from the item's ref): the too easy, too hard and
# non-discriminating items the analysis must flag.
IRT = {
    "ts-pass-04": (1.2, -3.6),      # too easy
    "ts-mynum-07": (1.3, 1.9),      # too hard (all three keys)
    "ts-ai-03": (0.02, -0.9),       # does not discriminate
    "ts-sns-01": (1.0, -3.4),       # too easy
    "ts-nursery-03": (1.2, 1.6),    # too hard
    "ts-ai-04": (0.05, -0.5),       # does not discriminate
}

# Status, results and report of each FY2026 training (by plan key).
HELD_2026 = {
    # key: (status, respondents (survey, test), with orgs, material_submitted,
    #       report_submitted)
    "new-hire": ("reported", None, False, "2026-03-16", "2026-04-22"),
    "new-manager": ("reported", (0, 41), True, "2026-03-30", "2026-05-12"),
    "security-officer/1": ("reported", (53, 54), True, "2026-05-26",
                           "2026-06-30"),
    "security-officer/2": ("held", (50, 52), True, "2026-05-26", None),
    "mynumber-1": ("reported", (2086, 2973), False, "2026-06-19",
                   "2026-09-03"),
    "nursery-head": ("held", None, False, "2026-06-23", None),
    "regular-staff": ("held", None, False, "2026-07-16", None),
    "nursery-staff": ("reported", (214, 226), True, "2026-07-15",
                      "2026-09-17"),
    "nursery-appointee": ("held", None, False, "2026-07-30", None),
    "digital-data": ("reported", (57, 0), True, "2026-09-28", "2026-11-04"),
    "digital-dx": ("held", (72, 0), True, "2026-11-02", None),
    "system-staff": ("preparing", None, False, None, None),
    "mynumber-2": ("preparing", None, False, None, None),
    "fiscal-appointee": ("planned", None, False, None, None),
}

ATTENDED = {
    "new-hire": 183, "new-manager": 41, "security-officer/1": 54,
    "security-officer/2": 52, "mynumber-1": 2973, "nursery-head": 58,
    "regular-staff": 3412, "nursery-staff": 226, "nursery-appointee": 287,
    "digital-data": 57, "digital-dx": 74,
}

INSTRUCTORS = {
    "new-hire": ["mihon-hanako"], "new-manager": ["mihon-hanako"],
    "security-officer": ["mihon-hanako", "kamei-jiro"],
    "digital-data": ["kakuu-taro", "reidai-sakura"],
    "digital-dx": ["kakuu-taro"], "mynumber-2": ["kakuu-taro",
                                                 "reidai-sakura"],
}

PLACES = {
    "classroom": "練馬区役所本庁舎 研修室", "online": "オンライン（Teams）",
}


def key_of(rec):
    k = rec["plan_key"]
    if k == "security-officer":
        return "%s/%d" % (k, rec["session"])
    return k


def load_orgs():
    with open(os.path.join(SAMPLE, "orgs.yaml"), encoding="utf-8") as f:
        o = yaml_load(f)
    divs = []
    for dep in o["departments"]:
        for dv in dep.get("divisions") or []:
            divs.append((dv["code"], dv.get("kind", "division"),
                         dv.get("handles_my_number", False)))
    return divs


# --- answers ---------------------------------------------------------------

def irt(ref):
    if ref in IRT:
        return IRT[ref]
    h = int(hashlib.sha256(ref.encode()).hexdigest()[:6], 16)
    return 1.4, -2.0 + (h % 1000) / 1000.0 * 1.4


def test_answer(rnd, item, theta):
    a, b = irt(item["ref"])
    p = 1 / (1 + math.exp(-a * (theta - b)))
    key = item["key"]
    n = len(item["choices"])
    if rnd.random() < 0.01:
        return "-"
    if rnd.random() < p:
        return "+".join(str(k) for k in key)
    if len(key) > 1:
        # one key missed, or a wrong choice added
        picked = set(key)
        if rnd.random() < 0.6:
            picked.discard(rnd.choice(key))
        else:
            picked.add(rnd.choice([c for c in range(1, n + 1)
                                   if c not in key]))
        if not picked:
            picked = {rnd.randint(1, n)}
        return "+".join(str(c) for c in sorted(picked))
    wrong = [c for c in range(1, n + 1) if c not in key]
    # the first wrong choice is the most attractive distractor
    w = [3 if i == 0 else 1 for i in range(len(wrong))]
    return str(rnd.choices(wrong, weights=w)[0])


def survey_answer(rnd, item, mood):
    t = item["type"]
    if t == "text":
        return None
    n = len(item["choices"])
    if rnd.random() < 0.015:
        return "-"
    if t == "scale":
        # mood shifts the answer toward the positive end
        base = [0.36, 0.42, 0.14, 0.05, 0.03]
        if item["ref"] in ("sv-el-01", "sv-len-01"):
            base = [0.22, 0.38, 0.25, 0.10, 0.05]
        x = rnd.random() - mood * 0.15
        acc = 0
        for i, p in enumerate(base):
            acc += p
            if x < acc:
                return str(i + 1)
        return "5"
    if t == "multiple":
        picks = [c for c in range(1, n + 1) if rnd.random() <
                 (0.55 if c <= 2 else 0.3)]
        if not picks:
            picks = [rnd.randint(1, n)]
        return "+".join(str(c) for c in picks)
    w = [2 if i == n // 2 else 1 for i in range(n)]
    return str(rnd.choices(range(1, n + 1), weights=w)[0])


def responses(rnd, survey, test, nsurvey, ntest, orgs, with_org):
    """Rows of the survey and the test; survey respondents are a subset."""
    sv_rows, ts_rows = [], []
    total = max(nsurvey, ntest)
    texts_made = 0
    for i in range(total):
        code = "r%04d" % (i + 1)
        theta = rnd.gauss(0.2, 1.0)
        org = rnd.choice(orgs) if with_org and orgs else None
        if i < ntest and test:
            row = {"respondent": code}
            if org:
                row["org"] = org
            row["answers"] = " ".join(test_answer(rnd, it, theta)
                                      for it in test)
            ts_rows.append(row)
        if survey and (i < nsurvey if ntest == 0 else
                       rnd.random() < nsurvey / max(ntest, 1) and
                       len(sv_rows) < nsurvey):
            row = {"respondent": code}
            if org:
                row["org"] = org
            toks, texts = [], []
            for q, it in enumerate(survey):
                if it["type"] == "text":
                    if rnd.random() < (0.12 if total < 500 else 0.03):
                        toks.append("*")
                        texts.append({"question": q + 1,
                                      "text": rnd.choice(B.COMMENTS)})
                        texts_made += 1
                    else:
                        toks.append("-")
                else:
                    toks.append(survey_answer(rnd, it, theta * 0.3))
            row["answers"] = " ".join(toks)
            if texts:
                row["texts"] = texts
            sv_rows.append(row)
    return sv_rows, ts_rows


# --- main ----------------------------------------------------------------

def open_before(binary, day):
    """day, or the ward business day before it when the ward is closed
    (a document is handed over on a business day; lint warns of a
    submission dated on a closed day)."""
    while True:
        out = subprocess.run([binary, "cal", "business", day.isoformat()],
                             check=True, capture_output=True,
                             text=True).stdout.split("\t")
        if out[1].strip() == "open":
            return day.isoformat()
        day -= datetime.timedelta(days=1)


def plan(binary):
    """Records the tool plans for FY2025 and FY2026, keyed (fy, key, session)."""
    tmp = tempfile.mkdtemp()
    try:
        data = os.path.join(tmp, "data")
        os.makedirs(data)
        for f in ("nerima-cio.yaml", "orgs.yaml", "training-plan.yaml"):
            shutil.copy(os.path.join(SAMPLE, f), data)
        env = dict(os.environ, NCIO_SCHEMA_PATH=os.path.join(ROOT, "schemas"),
                   NERIMA_CIO_TODAY="2025-04-01")
        for fy in ("2025", "2026"):
            subprocess.run([binary, "-C", data, "training", "plan", "--fy",
                            fy], env=env, check=True,
                           stdout=subprocess.DEVNULL)
        out = {}
        for p in glob.glob(os.path.join(data, "trainings", "*", "*.yaml")):
            with open(p, encoding="utf-8") as f:
                rec = yaml_load(f)
            for k, v in rec.items():
                if isinstance(v, datetime.date):
                    rec[k] = v.isoformat()
            out[(rec["fy"], rec["plan_key"], rec["session"])] = rec
        return out
    finally:
        shutil.rmtree(tmp)


def freeze(bank, refs, cat_id):
    out = []
    for r in refs:
        it = dict(next(i for i in bank if i["ref"] == r))
        it.pop("audiences", None)
        it["bank"] = cat_id
        out.append(it)
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen_training_sample.py BUILD/nerima-cio")
    S = cs.Schemas(cs.load_schemas())
    em = cs.Emitter(S)
    cats = banks()
    for (kind, fy), doc in cats.items():
        path = os.path.join(SAMPLE, "catalogs", str(fy), doc["id"] + ".yaml")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(em.document(doc, "catalog.yaml").encode("utf-8"))
    for old in glob.glob(os.path.join(SAMPLE, "trainings", "*", "tr-*.yaml")):
        os.remove(old)
    orgs = load_orgs()
    mynum_orgs = [c for c, _, m in orgs if m]
    all_orgs = [c for c, k, _ in orgs if k in ("division", "office")]
    nursery_orgs = [c for c, k, _ in orgs if k == "nursery"]
    binary = sys.argv[1]
    recs = plan(binary)
    for (fy, pk, sess), rec in sorted(recs.items(), key=lambda x: (
            x[0][0], x[1]["date"], x[0][1], x[0][2])):
        key = key_of(rec)
        rid_ = LEGACY.get((fy, pk, sess)) or rid("tr", fy, pk, sess)
        rec["id"] = rid_
        rnd = random.Random("%d/%s" % (fy, key))
        method = rec.get("method", "classroom")
        if method in PLACES:
            rec["place"] = PLACES[method]
            rec["start_time"], rec["end_time"] = (
                ("13:30", "15:00") if method == "classroom" else
                ("14:00", "15:30"))
        if pk in INSTRUCTORS and rec.get("sends_instructor"):
            rec["instructors"] = INSTRUCTORS[pk]
        if (fy, pk) in OUTLINES:
            rec["outline"] = OUTLINES[(fy, pk)]
        if method in ("classroom", "online") and pk in EXERCISES:
            rec["exercise"] = EXERCISES[pk]
        bank_fy = 2025 if fy == 2025 else 2026
        sv_bank = cats[("training-survey", bank_fy)]
        ts_bank = cats[("training-test", bank_fy)]
        survey, test = [], []
        if (fy, pk) in ITEMS:
            sv, ts = ITEMS[(fy, pk)]
            survey = freeze(sv_bank["items"], sv, sv_bank["id"])
            test = freeze(ts_bank["items"], ts, ts_bank["id"])
            if survey:
                rec["survey_items"] = survey
            if test:
                rec["test_items"] = test
        title = rec["title"].split(" ", 1)[1]
        if fy == 2025:
            rec["status"] = "reported" if rec.get("report_due") else "held"
            rec["material_submitted"] = open_before(
                binary, d(rec["material_due"]) - datetime.timedelta(days=2))
            if rec["status"] == "reported" and rec.get("report_due"):
                rec["report_submitted"] = open_before(
                    binary, d(rec["report_due"]) - datetime.timedelta(days=1))
            tgt = rec.get("target_count", 50)
            rec["attended"] = int(tgt * rnd.uniform(0.88, 0.98))
            if survey or rec.get("survey_org"):
                rec["survey"] = {
                    "questions": len(survey) or 8,
                    "respondents": int(rec["attended"] * rnd.uniform(0.8,
                                                                     0.95)),
                    "satisfaction": round(rnd.uniform(76, 92), 1),
                }
            if test:
                rec["test"] = {"questions": len(test),
                               "examinees": rec["attended"],
                               "average": round(rnd.uniform(74, 88), 1)}
            # no materials: the sample holds no 教材 files, and lint warns
            # of a file a record names that is not there (lint42)
        elif fy == 2026:
            st, counts, with_org, msub, rsub = HELD_2026[key]
            rec["status"] = st
            if msub:
                rec["material_submitted"] = msub
            if rsub:
                rec["report_submitted"] = rsub
            if key in ATTENDED:
                rec["attended"] = ATTENDED[key]
            if key == "new-hire":
                rec["survey"] = {
                    "questions": 8, "respondents": 171, "satisfaction": 88.3,
                    "summary": "アンケートは人材育成課が実施し、集計結果の提供を受けた。"
                    "演習の評価が高く、「事故の報告先が具体的に分かった」との回答が多い。"}
            if key == "new-manager":
                rec["survey"] = {
                    "questions": 6, "respondents": 39, "satisfaction": 87.2,
                    "summary": "アンケートは人材育成課が実施し、集計結果の提供を受けた。"}
            if key == "mynumber-1":
                # per 課 from the e-learning system's completion report
                n = len(mynum_orgs)
                part, left_t, left_a = [], 3200, 2973
                for i, c in enumerate(mynum_orgs):
                    t_ = left_t // (n - i)
                    a_ = min(t_, left_a // (n - i) + rnd.randint(-6, 6)) \
                        if i < n - 1 else left_a
                    part.append({"org": c, "target": t_, "attended": a_})
                    left_t -= t_
                    left_a -= a_
                rec["participation"] = part
                rec["discussion"] = (
                    "満足度は高いが、委託先の監督（問4）の正答率が低く、複数の正答を"
                    "すべて選べていない受講者が多い。委託事業者等を所管する課の職員に"
                    "は、特記事項チェックシートの実務と合わせた説明が必要である。\n"
                    "問8（生成AIサービスの利用）は正答率が中程度でありながら、得点の"
                    "高い受講者と低い受講者で正答率に差がなく、問題文が理解度を測れて"
                    "いない。")
            if counts:
                nsv, nts = counts
                pool = nursery_orgs if pk.startswith("nursery") else (
                    mynum_orgs if pk.startswith("mynumber") else all_orgs)
                if pk == "security-officer" or pk == "new-manager":
                    # one officer or manager per division
                    pool = rnd.sample(all_orgs, min(len(all_orgs),
                                                    max(nsv, nts)))
                sv_rows, ts_rows = responses(
                    rnd, survey, test, nsv, nts, pool,
                    with_org and pk != "mynumber-1")
                if pk in ("digital-data", "digital-dx"):
                    # Forms: the 所属 question is optional
                    for r in sv_rows:
                        if rnd.random() < 0.3:
                            r.pop("org", None)
                if sv_rows:
                    rec.setdefault("survey", {})["responses"] = sv_rows
                if ts_rows:
                    rec.setdefault("test", {})["results"] = ts_rows
                src = {"security-officer": ("回答用紙_%s.xlsx" % title, "sheet"),
                       "new-manager": ("回答用紙_%s.xlsx" % title, "sheet"),
                       "mynumber-1": ("eラーニング結果_%s.csv" % title,
                                      "e-learning CSV (CP932)"),
                       "nursery-staff": ("eラーニング結果_%s.csv" % title,
                                         "e-learning CSV (UTF-8)"),
                       "digital-data": ("%s（1-57）.xlsx" % title,
                                        "Microsoft Forms"),
                       "digital-dx": ("%s（1-72）.xlsx" % title,
                                      "Microsoft Forms")}[pk]
                day = d(rec.get("end_date", rec["date"])) + \
                    datetime.timedelta(days=3)
                digest = sha256_text(repr((sv_rows, ts_rows)))
                rec["imports"] = [{"file": src[0], "sha256": digest,
                                   "format": src[1],
                                   "respondents": max(len(sv_rows),
                                                      len(ts_rows)),
                                   "imported": day.isoformat()}]
        else:
            # next year's drafts, made this year
            rec["status"] = "preparing"
        path = os.path.join(SAMPLE, "trainings", str(fy), rid_ + ".yaml")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(em.document(rec, "training.yaml").encode("utf-8"))
    print("ok: %d trainings, %d banks" % (len(recs), len(cats)))


if __name__ == "__main__":
    main()
