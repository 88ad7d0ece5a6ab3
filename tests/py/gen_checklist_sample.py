#!/usr/bin/python3
"""Generate the checklist sample data: item sets and answers.

Run from the source root:  /usr/bin/python3 tests/py/gen_checklist_sample.py

Writes, deterministically (the same output every run):
  data/sample/catalogs/{2025,2026}/  the self, department and contractor
                                     item sets (catalog records)
  data/sample/checklists/{2025,2026}/ answers of the divisions in
                                     data/sample/orgs.yaml: department
                                     checks (a few divisions missing),
                                     self checks with staff rows, and
                                     contractor checklists at the four
                                     stages
Everything is fictional.  Records are written in the canonical form of
the record writer (through tests/py/check_schemas.py's emitter), so the
sample stays lint-clean.
"""
import datetime
import glob
import hashlib
import os
import random
import sys

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

SAMPLE = os.path.join(ROOT, "data", "sample")
CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


def rid(prefix, *parts):
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).digest()
    n = int.from_bytes(h[:5], "big")
    tail = "".join(CROCKFORD[(n >> (5 * i)) & 31] for i in range(7, -1, -1))
    return "%s-%s" % (prefix, tail)


# --- item sets ---------------------------------------------------------

# (ref, category, clause, weight, text); FY2026.  Items marked with a
# trailing "※" in the note may be 該当なし for divisions they do not fit.
DEPARTMENT = [
    ("dp-2-1-01", "組織体制", "2-1", 2, "課の情報セキュリティ担当者を指定し、課内に周知している。"),
    ("dp-2-1-02", "組織体制", "2-1", 1, "課の情報セキュリティ責任者（課長）が、年度当初に課内の情報セキュリティ対策の方針を示している。"),
    ("dp-2-1-03", "組織体制", "2-1", 2, "課内の情報システムの管理者（システム担当者）を明確にしている。"),
    ("dp-2-2-01", "情報資産の管理", "2-2", 3, "情報資産管理台帳を今年度見直した。"),
    ("dp-2-2-02", "情報資産の管理", "2-2", 3, "共有フォルダのアクセス権限を、人事異動の都度見直している。"),
    ("dp-2-2-03", "情報資産の管理", "2-2", 2, "情報資産を重要性分類に従って取り扱い、機密性の高い情報には表示をしている。"),
    ("dp-2-2-04", "情報資産の管理", "2-2", 2, "保存期間を過ぎた電子データ・文書を、規程に従って廃棄している。"),
    ("dp-2-2-05", "情報資産の管理", "2-2", 3, "個人情報を含む電子データを、許可された場所（共有フォルダ等）にのみ保存している。"),
    ("dp-2-2-06", "情報資産の管理", "2-2", 3, "マイナンバーを含む書類・データを、取扱区域内で管理している（取り扱わない課は該当なし）。"),
    ("dp-2-3-01", "強靭性", "2-3", 3, "マイナンバー利用事務系の端末を、インターネットに接続していない（該当しない課は該当なし）。"),
    ("dp-2-3-02", "強靭性", "2-3", 3, "LGWAN接続系とインターネット接続系の間のファイルの受渡しを、定められた方法でのみ行っている。"),
    ("dp-2-4-01", "物理的セキュリティ", "2-4", 2, "個人情報を含む書類を施錠できる書庫で保管し、退庁時に施錠を確認している。"),
    ("dp-2-4-02", "物理的セキュリティ", "2-4", 1, "来訪者が執務エリアに立ち入らないよう、窓口と執務エリアを区分している。"),
    ("dp-2-4-03", "物理的セキュリティ", "2-4", 2, "ノートパソコンや外部記録媒体を、退庁時に施錠できる場所に保管している。"),
    ("dp-2-4-04", "物理的セキュリティ", "2-4", 1, "窓口のディスプレイが来庁者から見えないよう、向きや覗き見防止フィルタで対策している。"),
    ("dp-2-4-05", "物理的セキュリティ", "2-4", 1, "プリンタ・複合機に印刷物を放置しないよう、課内で周知している。"),
    ("dp-2-4-06", "物理的セキュリティ", "2-4", 2, "サーバ・ネットワーク機器を課内に置く場合は、施錠できるラック等に設置している（該当しない課は該当なし）。"),
    ("dp-2-5-01", "人的セキュリティ", "2-5", 2, "課の全職員が今年度の情報セキュリティ研修を受講した。"),
    ("dp-2-5-02", "人的セキュリティ", "2-5", 2, "課の全職員が自己点検を実施した。"),
    ("dp-2-5-03", "人的セキュリティ", "2-5", 3, "外部記録媒体を管理簿で管理し、使用と返却を記録している。"),
    ("dp-2-5-04", "人的セキュリティ", "2-5", 2, "個人情報を含む電子メールの添付ファイルを、パスワード設定等で保護している。"),
    ("dp-2-5-05", "人的セキュリティ", "2-5", 2, "電子メールの送信前に、宛先・添付ファイルを複数人または送信保留機能で確認している。"),
    ("dp-2-5-06", "人的セキュリティ", "2-5", 2, "複数の外部の宛先に一斉送信するときは、BCCを使うか一斉送信の仕組みを使っている。"),
    ("dp-2-5-07", "人的セキュリティ", "2-5", 1, "離席時の画面ロックを課内で徹底している。"),
    ("dp-2-5-08", "人的セキュリティ", "2-5", 2, "情報資産の庁外への持出しに、所属長の許可と記録を求めている。"),
    ("dp-2-5-09", "人的セキュリティ", "2-5", 2, "会計年度任用職員・派遣職員にも、着任時に情報セキュリティの遵守事項を説明している。"),
    ("dp-2-5-10", "人的セキュリティ", "2-5", 2, "退職・異動する職員から、貸与した機器・記録媒体・入館証を返却させている。"),
    ("dp-2-5-11", "人的セキュリティ", "2-5", 1, "業務で知り得た情報をSNS等に書き込まないよう、課内で周知している。"),
    ("dp-2-5-12", "人的セキュリティ", "2-5", 2, "パスワードを他人と共有したり、付箋等に書いて貼ったりしないよう、課内で確認している。"),
    ("dp-2-6-01", "技術的セキュリティ", "2-6", 3, "異動・退職者の業務システムのアカウントを速やかに削除している。"),
    ("dp-2-6-02", "技術的セキュリティ", "2-6", 3, "業務システムの利用者IDを共用していない。"),
    ("dp-2-6-03", "技術的セキュリティ", "2-6", 2, "業務システムのアクセス権限を、職務に必要な範囲に限っている。"),
    ("dp-2-6-04", "技術的セキュリティ", "2-6", 2, "許可を受けていないソフトウェアを端末にインストールしていない。"),
    ("dp-2-6-05", "技術的セキュリティ", "2-6", 2, "私物のパソコン・スマートフォン・記録媒体を、業務に使っていない。"),
    ("dp-2-6-06", "技術的セキュリティ", "2-6", 2, "不審な電子メールを受け取ったときの報告手順を、課内に周知している。"),
    ("dp-2-6-07", "技術的セキュリティ", "2-6", 1, "ウイルス対策ソフトの警告が出たときの対応を、課内に周知している。"),
    ("dp-2-6-08", "技術的セキュリティ", "2-6", 2, "業務システムのアクセスログを、定期的に確認している（課で管理するシステムがない場合は該当なし）。"),
    ("dp-2-7-01", "運用", "2-7", 2, "事故等の報告手順を課内に周知している。"),
    ("dp-2-7-02", "運用", "2-7", 3, "情報セキュリティ事故等が起きたとき、速やかに情報政策課に報告している（今年度なければ該当なし）。"),
    ("dp-2-7-03", "運用", "2-7", 2, "課で管理する情報システムのバックアップを定期的に取得し、復元を確認している（該当しない課は該当なし）。"),
    ("dp-2-7-04", "運用", "2-7", 1, "課で管理する情報システムの障害時の連絡体制を定めている（該当しない課は該当なし）。"),
    ("dp-2-7-05", "運用", "2-7", 2, "過去の事故等の再発防止策を、課内で継続して実施している。"),
    ("dp-2-8-01", "業務委託と外部サービス", "2-8", 3, "個人情報を取り扱う委託契約に特記事項を添付し、チェックシートで点検している。"),
    ("dp-2-8-02", "業務委託と外部サービス", "2-8", 2, "委託事業者等に、作業従事者の名簿と研修の実施状況を報告させている。"),
    ("dp-2-8-03", "業務委託と外部サービス", "2-8", 3, "委託契約の終了時に、貸与した資料・データの返還または消去を確認している。"),
    ("dp-2-8-04", "業務委託と外部サービス", "2-8", 2, "クラウドサービスを利用するときは、情報政策課の確認を受けている。"),
    ("dp-2-8-05", "業務委託と外部サービス", "2-8", 2, "外部サービス（クラウド等）に保存する情報の範囲を、課内で定めている。"),
    ("dp-2-9-01", "評価・見直し", "2-9", 2, "前年度の所属点検で「未実施」とした項目の改善に取り組んだ。"),
    ("dp-2-9-02", "評価・見直し", "2-9", 2, "監査での指摘事項について、改善計画どおりに対応している（指摘がない課は該当なし）。"),
    ("dp-2-9-03", "評価・見直し", "2-9", 1, "課内で情報セキュリティに関する話し合い（朝会等での周知を含む）を年1回以上行っている。"),
]

# FY2025: two items not yet there, one since removed, three reworded, one
# with another weight.
DEPT_2025_REMOVED = {"dp-2-8-05", "dp-2-9-03"}
DEPT_2025_EXTRA = [("dp-2-5-13", "人的セキュリティ", "2-5", 1,
                    "ファクシミリを送信する前に、送信先の番号を複数人で確認している。")]
DEPT_2025_TEXT = {
    "dp-2-2-01": "情報資産管理台帳を作成している。",
    "dp-2-5-04": "個人情報を含む電子メールの添付ファイルにパスワードを設定している。",
    "dp-2-8-04": "クラウドサービスを利用するときは、事前に情報政策課に相談している。",
}
DEPT_2025_WEIGHT = {"dp-2-5-05": 1}

SELF = [
    ("sf-01", "画面ロック", "2-5", "離席するときは、必ずパソコンの画面をロックしている。"),
    ("sf-02", "パスワード", "2-6", "パスワードを他人に教えたり、付箋などに書いて貼ったりしていない。"),
    ("sf-03", "電子メール", "2-5", "電子メールを送信する前に、宛先・添付ファイルを確認している。"),
    ("sf-04", "電子メール", "2-6", "不審な電子メールの添付ファイルやリンクを開かず、情報政策課に報告している。"),
    ("sf-05", "外部記録媒体", "2-5", "許可を受けていないUSBメモリ等の外部記録媒体を使用していない。"),
    ("sf-06", "書類の管理", "2-4", "個人情報を含む書類を、机の上などに放置していない。"),
    ("sf-07", "持出し", "2-5", "情報資産を庁外に持ち出すときは、所属長の許可を得ている。"),
    ("sf-08", "研修", "2-5", "今年度の情報セキュリティ研修を受講した。"),
    ("sf-09", "SNS", "2-5", "業務で知り得た情報を、SNSなどに書き込んでいない。"),
    ("sf-10", "事故等の報告", "2-7", "情報セキュリティ事故等を発見したときの報告先を知っている。"),
]
SELF_2025_TEXT = {"sf-09": "業務の情報をSNSに書き込んでいない。"}
SELF_2025_REMOVED = {"sf-10"}
SELF_2025_EXTRA = [("sf-11", "来訪者対応", "2-4", "来訪者を執務エリアに一人で立ち入らせていない。")]

STAGES = ["before", "start", "during", "end"]
VENDOR = [
    ("vd-01", "契約前", "2-8", ["before"], "委託事業者等の選定に当たり、情報セキュリティ対策の状況（認証の取得、体制など）を確認した。"),
    ("vd-02", "契約前", "2-8", ["before"], "契約書・協定書に「情報の保護および管理に関する特記事項」を添付した。"),
    ("vd-03", "契約前", "2-8", ["before"], "取り扱う個人情報の範囲と取扱方法を、仕様書で明確にした。"),
    ("vd-04", "契約前", "2-8", ["before"], "再委託の条件（事前の承諾、同等の安全管理措置）を契約に定めた。"),
    ("vd-05", "締結当初", "2-8", ["start"], "作業従事者の名簿と、情報セキュリティの責任者の届出を受けた。"),
    ("vd-06", "締結当初", "2-8", ["start"], "委託事業者等が、区の研修教材等により従事者への研修を実施したことを確認した。"),
    ("vd-07", "締結当初", "2-8", ["start"], "作業場所と、個人情報の管理体制（施錠、持出し制限など）を確認した。"),
    ("vd-08", "締結当初", "2-8", ["start"], "貸与する資料・データの受渡しを記録した。"),
    ("vd-09", "履行中", "2-8", ["during"], "再委託の有無を確認し、再委託がある場合は事前に承諾した。"),
    ("vd-10", "履行中", "2-8", ["during"], "個人情報の取扱状況について、定期的な報告を受け、必要に応じて実地で確認した。"),
    ("vd-11", "履行中", "2-8", ["during"], "目的外の利用や複製をしていないことを確認した。"),
    ("vd-12", "履行中", "2-8", ["during"], "業務システムのアクセス権限が、作業従事者の範囲に限られていることを確認した。"),
    ("vd-13", "終了時", "2-8", ["end"], "貸与した資料・データの返還、または消去の証明を受けた。"),
    ("vd-14", "終了時", "2-8", ["end"], "委託事業者等の作業従事者のアカウントを削除した。"),
    ("vd-15", "終了時", "2-8", ["end"], "契約終了後も守秘義務が続くことを、委託事業者等に確認した。"),
    ("vd-16", "全段階", "2-7", ["start", "during", "end"], "事故等の発生の有無を確認し、発生した場合は区に報告させた。"),
]
VENDOR_2025_REMOVED = {"vd-12"}
VENDOR_2025_TEXT = {"vd-10": "個人情報の取扱状況について、定期的な報告を受けた。"}

CATALOG_IDS = {
    ("self", 2026): "ca-akp7w8zy",
    ("department", 2026): "ca-xn2ban18",
    ("vendor", 2026): "ca-gbfwz50c",
}

REPORT_2026 = {
    "department": {
        "period": "令和8年9月1日から同年10月30日まで",
        "recommendations": [
            "実施率の低い項目（外部記録媒体の管理、アクセスログの確認など）について、情報セキュリティ担当者向け研修で具体的な手順を示す。",
            "偏差値の低い課を個別に訪問し、改善計画の作成を支援する。",
            "次年度の点検項目は、今年度の結果とクラウドサービスの利用拡大を踏まえて見直す。",
        ],
    },
    "self": {
        "period": "令和8年9月1日から同年10月30日まで",
        "recommendations": [
            "「いいえ」の多い項目について、職員向け研修と庁内掲示板で周知する。",
        ],
    },
    "vendor": {
        "recommendations": [
            "業務システムのアクセス権限の確認（No.12）と契約終了後の守秘義務の確認（No.15）の実施率が低いため、点検手順書に確認の時期と方法の例を加える。",
        ],
    },
}


def catalog(kind, fy):
    label = "令和%d年度" % (fy - 2018)
    if kind == "department":
        items = []
        for ref, cat, cl, w, text in DEPARTMENT:
            if fy == 2025 and ref in DEPT_2025_REMOVED:
                continue
            if fy == 2025:
                text = DEPT_2025_TEXT.get(ref, text)
                w = DEPT_2025_WEIGHT.get(ref, w)
            items.append({"ref": ref, "category": cat, "clause": cl,
                          "text": text, "importance": "required",
                          "weight": w, "answer_type": "scale4"})
            if fy == 2025 and ref == "dp-2-5-12":
                for e in DEPT_2025_EXTRA:
                    items.append({"ref": e[0], "category": e[1],
                                  "clause": e[2], "text": e[4],
                                  "importance": "required", "weight": e[3],
                                  "answer_type": "scale4"})
        title = "%s 所属点検項目" % label
        desc = ("所属点検の項目。課の情報セキュリティ担当者が、実施・一部実施"
                "・未実施・わからないの4段階で回答する。")
        issued = "%d-09-01" % fy
    elif kind == "self":
        items = []
        rows = [s for s in SELF if not (fy == 2025 and s[0] in SELF_2025_REMOVED)]
        if fy == 2025:
            rows += SELF_2025_EXTRA
        for ref, cat, cl, text in rows:
            if fy == 2025:
                text = SELF_2025_TEXT.get(ref, text)
            items.append({"ref": ref, "category": cat, "clause": cl,
                          "text": text, "importance": "required",
                          "answer_type": "yes-no-na"})
        title = "%s 自己点検項目" % label
        desc = "全職員が、はい・いいえ・該当なしで回答する。"
        issued = "%d-09-01" % fy
    else:
        items = []
        for ref, cat, cl, stages, text in VENDOR:
            if fy == 2025 and ref in VENDOR_2025_REMOVED:
                continue
            if fy == 2025:
                text = VENDOR_2025_TEXT.get(ref, text)
            items.append({"ref": ref, "category": cat, "clause": cl,
                          "text": text, "importance": "required",
                          "answer_type": "yes-no-na", "stages": stages})
        title = "%s 情報の保護および管理に関する特記事項に係るチェックシート" % label
        desc = ("契約等の締結前・締結当初・履行中・終了時の4段階で、所管課が"
                "委託事業者等の情報セキュリティ対策の状況を点検する。")
        issued = "%d-04-01" % fy
    cid = CATALOG_IDS.get((kind, fy)) or rid("ca", "checklist", kind, fy)
    doc = {"id": cid, "fy": fy, "kind": "checklist-" + kind, "title": title,
           "version": 1, "status": "final", "issued": issued,
           "description": desc}
    if fy == 2025:
        pass
    else:
        doc["based_on"] = rid("ca", "checklist", kind, fy - 1)
        if kind in REPORT_2026:
            doc["report"] = REPORT_2026[kind]
    doc["items"] = items
    return doc


# --- answers -----------------------------------------------------------

NOTES = {
    "partial": ["一部の係で未対応。年度内に対応する。",
                "会計年度任用職員への周知が未了。",
                "手順はあるが、記録が一部不足している。"],
    "not-done": ["手順が未整備。次年度当初までに整備する。",
                 "担当者の異動で引継ぎができていない。課内で検討する。"],
    "unknown": ["確認中。"],
}

VENDORS = ["株式会社見本システム", "架空データサービス株式会社",
           "株式会社サンプル保育", "試作ビルメンテナンス株式会社",
           "株式会社例題コールセンター", "一般社団法人架空福祉会"]
CONTRACTS = ["%sシステム保守業務委託", "%s窓口業務委託",
             "%s台帳データ入力業務委託", "%s関係通知書印刷・封入封かん業務委託"]


def orgs():
    with open(os.path.join(SAMPLE, "orgs.yaml"), encoding="utf-8") as f:
        doc = yaml_load(f)
    out = []
    for d in doc["departments"]:
        for c in d.get("divisions") or []:
            out.append((c["code"], c["name"], d["name"],
                        bool(c.get("handles_my_number"))))
    return out


# The national holidays the submissions' dates can fall on (June to
# December of FY2025 and FY2026), as `nerima-cio cal holidays` gives
# them: a division submits on a ward business day, and lint warns of a
# 提出日 on a closed day.
HOLIDAYS = {datetime.date.fromisoformat(s) for s in (
    "2025-07-21", "2025-08-11", "2025-09-15", "2025-09-23", "2025-10-13",
    "2025-11-03", "2025-11-23", "2025-11-24",
    "2026-07-20", "2026-08-11", "2026-09-21", "2026-09-22", "2026-09-23",
    "2026-10-12", "2026-11-03", "2026-11-23")}


def day(fy, rnd, start=(9, 15), span=45):
    d = datetime.date(fy, *start) + datetime.timedelta(days=rnd.randrange(span))
    while d.weekday() >= 5 or d in HOLIDAYS:
        d += datetime.timedelta(days=1)
    return d


def dept_answer(rnd, skill, ref, mynumber, fy):
    na_refs = {"dp-2-2-06", "dp-2-3-01"}
    if ref in na_refs and not mynumber:
        return "na"
    if ref in {"dp-2-4-06", "dp-2-7-03", "dp-2-7-04", "dp-2-6-08",
               "dp-2-7-02", "dp-2-9-02"} and rnd.random() < 0.35:
        return "na"
    # harder items are done less often; last year a little less
    hard = {"dp-2-5-03": 0.25, "dp-2-6-08": 0.3, "dp-2-2-01": 0.2,
            "dp-2-8-05": 0.3, "dp-2-2-03": 0.2, "dp-2-5-05": 0.15,
            "dp-2-5-13": 0.2, "dp-2-7-03": 0.15}.get(ref, 0.0)
    p = skill - hard - (0.06 if fy == 2025 else 0.0)
    x = rnd.random()
    if x < p:
        return "done"
    if x < p + (1 - p) * 0.55:
        return "partial"
    if x < p + (1 - p) * 0.9:
        return "not-done"
    return "unknown"


def self_answer(rnd, skill, ref, fy):
    hard = {"sf-05": 0.08, "sf-07": 0.1, "sf-08": 0.12,
            "sf-03": 0.05}.get(ref, 0.0)
    p = min(0.99, skill + 0.1 - hard - (0.04 if fy == 2025 else 0.0))
    x = rnd.random()
    if x < p:
        return "yes"
    if x < p + 0.04:
        return "na"
    return "no"


def write(em, path, doc):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(em.document(doc, "checklist.yaml" if doc["id"].startswith(
            "ck-") else "catalog.yaml").encode("utf-8"))


def main():
    S = cs.Schemas(cs.load_schemas())
    em = cs.Emitter(S)
    for old in glob.glob(os.path.join(SAMPLE, "checklists", "*", "ck-*.yaml")):
        os.remove(old)
    divs = orgs()
    for fy in (2025, 2026):
        label = "令和%d年度" % (fy - 2018)
        cats = {}
        for kind in ("self", "department", "vendor"):
            doc = catalog(kind, fy)
            cats[kind] = doc
            write(em, os.path.join(SAMPLE, "catalogs", str(fy),
                                   doc["id"] + ".yaml"), doc)
        for i, (code, name, dept, mynum) in enumerate(divs):
            rnd = random.Random("%s/%d" % (code, fy))
            skill = random.Random(code).uniform(0.55, 0.95)
            # department check: a few divisions have not submitted
            miss = random.Random("miss/%s/%d" % (code, fy)).random()
            if miss > (0.08 if fy == 2026 else 0.04):
                sub = day(fy, rnd)
                answers = []
                for it in cats["department"]["items"]:
                    v = dept_answer(rnd, skill, it["ref"], mynum, fy)
                    a = {"ref": it["ref"], "value": v}
                    if v in NOTES and rnd.random() < 0.5:
                        a["note"] = rnd.choice(NOTES[v])
                    answers.append(a)
                doc = {
                    "id": rid("ck", "department", fy, code), "fy": fy,
                    "kind": "department", "org": code,
                    "title": "%s 所属点検（%s）" % (label, name),
                    "catalog": cats["department"]["id"],
                    "catalog_version": 1,
                    "status": "accepted" if rnd.random() < 0.7 else
                    "received",
                    "submitted": sub.isoformat(),
                    "respondent": rnd.choice(["庶務係長", "庶務担当係長",
                                              "管理係長", "総務係長"]),
                    "answers": answers,
                    "source": {
                        "file": "所属点検_%s_%s.xlsx" % (label, name),
                        "sheet": "点検項目",
                        "imported": "%sT10:00+09:00" % (
                            sub + datetime.timedelta(days=2)).isoformat(),
                    },
                }
                write(em, os.path.join(SAMPLE, "checklists", str(fy),
                                       doc["id"] + ".yaml"), doc)
            # self check: a handful of staff rows per division
            if random.Random("smiss/%s/%d" % (code, fy)).random() > 0.06:
                sub = day(fy, rnd)
                n = rnd.randint(3, 8)
                resp = []
                for k in range(n):
                    resp.append({"respondent": "r%03d" % (k + 1),
                                 "answers": [
                                     {"ref": it["ref"],
                                      "value": self_answer(rnd, skill,
                                                           it["ref"], fy)}
                                     for it in cats["self"]["items"]]})
                doc = {
                    "id": rid("ck", "self", fy, code), "fy": fy,
                    "kind": "self", "org": code,
                    "title": "%s 自己点検（%s）" % (label, name),
                    "catalog": cats["self"]["id"], "catalog_version": 1,
                    "status": "received", "submitted": sub.isoformat(),
                    "staff_total": n + rnd.randint(0, 3),
                    "responses": resp,
                    "source": {
                        "file": "自己点検_%s_%s.xlsx" % (label, name),
                        "sheet": "回答",
                        "imported": "%sT10:00+09:00" % (
                            sub + datetime.timedelta(days=2)).isoformat(),
                    },
                }
                write(em, os.path.join(SAMPLE, "checklists", str(fy),
                                       doc["id"] + ".yaml"), doc)
            # contractor checklists: every fourth division, one or two
            if i % 4 == (fy % 4):
                for c in range(1 + (i % 3 == 0)):
                    stage = STAGES[(i // 4 + c) % 4]
                    contract = CONTRACTS[(i + c) % 4] % name.rstrip("課")
                    vendor = VENDORS[(i * 3 + c) % len(VENDORS)]
                    sub = day(fy, rnd, (6, 1), 200)
                    answers = []
                    for it in cats["vendor"]["items"]:
                        if stage not in it["stages"]:
                            continue
                        x = rnd.random()
                        v = "yes" if x < skill + 0.05 else \
                            "na" if x < skill + 0.1 else "no"
                        a = {"ref": it["ref"], "value": v}
                        if v == "no":
                            a["note"] = "次回の定期報告時に確認する。"
                        answers.append(a)
                    doc = {
                        "id": rid("ck", "vendor", fy, code, c), "fy": fy,
                        "kind": "vendor", "org": code,
                        "title": "%s 特記事項チェックシート（%s）" % (
                            contract, {"before": "締結前", "start": "締結当初",
                                       "during": "履行中",
                                       "end": "終了時"}[stage]),
                        "catalog": cats["vendor"]["id"],
                        "catalog_version": 1, "status": "received",
                        "submitted": sub.isoformat(),
                        "contract": contract, "vendor": vendor,
                        "vendor_type": "contractor",
                        "contract_from": "%d-04-01" % fy,
                        "contract_to": "%d-03-31" % (fy + 1),
                        "stage": stage, "personal_info": True,
                        "answers": answers,
                    }
                    write(em, os.path.join(SAMPLE, "checklists", str(fy),
                                           doc["id"] + ".yaml"), doc)


if __name__ == "__main__":
    main()
