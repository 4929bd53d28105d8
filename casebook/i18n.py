"""The site's one catalogue of interface text, in Korean and English, and each language's
conventions for dates, numbers, terms, money, penalties and citations.

Every label is here once, as (ko, en): interface strings in `UI`, controlled vocabularies in
`VOCABULARIES` (the tables of casebook/models/vocabulary.py, which the models' enums are made
from). `tests/test_i18n.py` fails when a key lacks a translation, when an enum value has no
label, or when a Korean page shows an English interface label.

Catalogue strings are template text (trusted); values put into them are escaped (`Lang.t`).
Record text never passes through here: a record's `_ko` or `_en` field is shown as it is
(render.py `Renderer.field`), and a fact is never translated.
"""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import Markup

from casebook.models import vocabulary as v
from casebook.models.common import PartialDate

LANGUAGES = ("ko", "en")
DEFAULT = "ko"  # at the site root; English under en/
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}

# Interface strings: key -> (Korean, English). `{name}` fields are filled by Lang.t, escaped.
UI: dict[str, tuple[str, str]] = {
    # Shared
    "not_reported": ("보도되지 않음", "not reported"),
    "unknown": ("알 수 없음", "unknown"),
    "today": ("현재", "today"),
    "yes": ("예", "yes"),
    "no": ("아니요", "no"),
    "any": ("전체", "any"),
    "sources": ("출처", "Sources"),
    "record_updated": ("기록 갱신일: {date}", "Record updated {date}."),
    "also_known_as": ("다른 이름", "also known as"),
    "missing_ko": ("국문 없음 — 기록된 영문 그대로", "no Korean text — as recorded in English"),
    "missing_en": ("영문 없음 — 기록된 국문 그대로", "no English text — as recorded in Korean"),
    "missing_summary_ko": ("국문 요약 없음 — 영문 요약", "no Korean summary — English summary"),
    "missing_summary_en": ("영문 요약 없음 — 국문 요약", "no English summary — Korean summary"),
    "missing_title_ko": ("국문 제목 없음", "no Korean title"),
    "missing_title_en": ("영문 제목 없음", "no English title"),
    "about": ("약 ", "about "),
    "approx_suffix": ("", ""),
    # Case page
    "case.offences": ("범행 기간", "Offences"),
    "case.offences_range": ("{start} ~ {end}", "{start} to {end}"),
    "case.platforms": ("플랫폼", "Platforms"),
    "case.minors": ("피해자 중 아동·청소년", "Minors among the victims"),
    "case.reported_figures": ("보도된 수치", "Reported figures"),
    "case.figures_disagree": (
        "{what}에 관해 출처마다 수치가 다릅니다. 모든 수치를 그 출처와 함께 보여 줍니다.",
        "Sources disagree on {what}; every figure is shown with the source that gives it.",
    ),
    "case.figures_each": (
        "모든 수치를 그 출처와 함께 보여 줍니다.",
        "Every figure is shown with the source that gives it.",
    ),
    "case.col_what": ("항목", "What"),
    "case.col_number": ("수", "Number"),
    "case.col_scope": ("범위", "Scope"),
    "case.no_figures": (
        "이 사건에 관해 보도된 수치(피해자 수, 영상물 수)가 없습니다.",
        "No figures (victims, items) are reported for this case.",
    ),
    "case.defendants": ("피고인", "Defendants"),
    "case.col_label": ("표시", "Label"),
    "case.col_role": ("역할", "Role"),
    "case.col_ages": ("보도된 나이", "Ages reported"),
    "case.age_decade": ("{decade}대", "{decade}s"),
    "case.sentences": ("심급별 선고", "Sentences at each instance"),
    "case.col_defendant": ("피고인", "Defendant"),
    "case.col_instance": ("심급", "Instance"),
    "case.col_court": ("법원", "Court"),
    "case.col_decided": ("선고일", "Decided"),
    "case.col_outcome": ("결과", "Outcome"),
    "case.col_ancillary": ("부수처분", "Ancillary orders"),
    "case.col_range": ("처단형 범위와의 비교", "Against the lawful range"),
    "case.range_note": (
        "처단형의 범위는 여기 기록된 공소사실(아래 각 죄명 참조)로 계산합니다. 적용된 조문 버전의 법정형, "
        "상습범 가중, 경합범 가중(형법 제38조)을 반영하며, 기록되지 않은 죄는 반영하지 않습니다.",
        "The lawful range is computed from the counts recorded here (see each count below): the "
        "statutory penalty of the version applied, habitual aggravation, and the concurrent-crimes rule "
        "(Criminal Act Art. 38). Counts not recorded are not in it.",
    ),
    "case.proceedings": ("선고 순서에 따른 재판 경과", "Proceedings, in order of decision"),
    "case.court_not_reported": ("법원 보도되지 않음", "court not reported"),
    "case.date_not_reported": ("선고일 보도되지 않음", "date not reported"),
    "case.presiding_judge": ("재판장", "presiding judge"),
    "case.judges": ("법관", "judges"),
    "case.case_no": ("사건번호 {number}", "case no. {number}"),
    "case.case_no_not_reported": ("사건번호 보도되지 않음", "case number not reported"),
    "case.judgment_link": ("law.go.kr 판결문", "judgment on law.go.kr"),
    "case.judgment_absent": ("판결문 미수록", "judgment text not in Casebook"),
    "case.date_note": ("선고일", "Date"),
    "case.prosecution_sought": ("검찰 구형: {sentence}", "prosecution sought {sentence}"),
    "case.count": ("죄명", "Count"),
    "case.version_not_reported": ("적용 조문 버전 보도되지 않음", "version not reported"),
    "case.version_in_force": ("적용 버전(범행 당시 시행): {version}", "version in force {version}"),
    "case.statutory_range": (
        "법원이 밝힌 법률상 처단형의 범위",
        "Statutory range the court stated (법률상 처단형의 범위)",
    ),
    "case.range_span": ("{low} ~ {high}", "{low} to {high}"),
    "case.no_upper_limit": ("상한 기재 없음", "no upper limit stated"),
    "case.guideline": ("양형기준({role})", "Sentencing guideline ({role})"),
    "case.facts": ("법원이 고려한 사정(보도·판결문 기준)", "Facts the court weighed, as reported"),
    "case.ancillary": ("부수처분", "Ancillary orders"),
    "case.prosecution_request": ("검찰 구형", "Prosecution's request"),
    "case.reasons": ("양형 이유", "Reasons"),
    "case.appeal_filed": ("{by} 상소 제기{on}", "Appeal filed by the {by}{on}"),
    "case.appeal_filed_on": (" ({date})", " on {date}"),
    "case.sources_heading": ("출처", "Sources"),
    "case.range_text": ("처단형 범위 {span}", "range {span}"),
    "case.or_life": (" 또는 무기", " or life"),
    # Comparable decisions (casebook/comparable.py), on the case page
    "cmp.heading": ("비슷한 판결", "Comparable decisions"),
    "cmp.intro": (
        "이 사건의 판결마다, 다른 사건의 판결 중 가장 비슷한 것(결과가 알려진 딥페이크 사건의 판결)을 "
        "보여 줍니다. 같은 조항과 적용 버전을 가장 무겁게 보고, 다음으로 아동·청소년 피해자 여부, "
        "피해자 수, 피해자와의 관계, 전과, 심급을 봅니다. 비교는 ‘이 판결 대 비슷한 판결’ 순서로 적습니다. "
        "한쪽 기록에 없는 사정은 ‘기재 없음’으로 표시하고 일치로도 불일치로도 세지 않으며, "
        "양쪽 모두 기재가 없는 사정은 적지 않습니다.",
        "For each decision of this case, the decisions of other cases most like it (decisions with a "
        "known outcome, in deepfake cases). The same provision and version weigh most, then minors among "
        "the victims, the number of victims, the relationship to the victims, the prior record and the "
        "instance. Each point reads this decision first, then the other. A fact one record does not "
        "state is marked 'not stated' and counts neither as a match nor as a mismatch; a fact neither "
        "states is left out.",
    ),
    "cmp.for_decision": ("{defendant}, {level} ({date})", "{defendant}, {level} ({date})"),
    "cmp.to_decision": ("판결 보기", "see the decision"),
    "cmp.col_decision": ("사건·피고인", "Case and defendant"),
    "cmp.col_where": ("법원·심급·선고일", "Court, instance, date"),
    "cmp.col_sentence": ("선고", "Sentence"),
    "cmp.col_how": ("같은 점과 다른 점", "How it compares"),
    "cmp.none": (
        "비교할 만한 다른 사건의 판결이 아직 없습니다.",
        "No decision of another case is comparable yet.",
    ),
    "cmp.finder_link": ("판결 찾기에서 이 판결과 비슷한 판결 찾기", "Find decisions like this in the finder"),
    "cmp.not_stated": ("기재 없음", "not stated"),
    "cmp.same_provision_version": ("같은 조항·같은 버전", "same provision and version"),
    "cmp.same_provision": ("같은 조항", "same provision"),
    "cmp.same_version": ("같은 적용 버전({value})", "same version ({value})"),
    "cmp.same": ("{what}: {value} (같음)", "{what}: {value} (same)"),
    "cmp.differs": ("{what}: {this} 대 {other}", "{what}: {this} vs {other}"),
    "cmp.f.provision": ("조항", "provisions"),
    "cmp.f.version": ("적용 버전", "version"),
    "cmp.f.minors": ("아동·청소년 피해자", "minors"),
    "cmp.f.victims": ("피해자 수", "victims"),
    "cmp.f.relationship": ("피해자와의 관계", "relationship"),
    "cmp.f.prior_record": ("전과", "prior record"),
    # Statute page
    "statute.title_en_line": (
        "영문 법령명: {title}, 제{article}조: {heading}",
        "{title}, Article {article}: {heading}",
    ),
    "statute.short_title": ("약칭", "short title"),
    "statute.in_force_now": ("현행: {date} 시행 버전", "In force now: version of {date}"),
    "statute.in_force_by": ("시행일 미상({date} 당시 시행 중)", "unknown date (in force by {date})"),
    "statute.cite_as": ("인용", "Cite as"),
    "statute.court_form": ("판결문 형식", "court form"),
    "statute.as_of": ("{date} 기준", "as of {date}"),
    "statute.none_in_force": ("현재 시행 중인 버전이 없습니다.", "No version of this article is in force today."),
    "statute.timeline": ("버전 연혁", "Timeline of versions"),
    "statute.col_version": ("버전", "Version"),
    "statute.col_in_force": ("시행 기간", "In force"),
    "statute.col_acts": ("개정 법률", "Acts"),
    "statute.col_status": ("상태", "Status"),
    "statute.unknown_start": ("? ({date} 당시 시행 중)", "? (in force by {date})"),
    "statute.version": ("{id} 버전", "Version {id}"),
    "statute.what_changed": ("개정 내용", "What changed"),
    "statute.col_para": ("항", "¶"),
    "statute.col_conduct": ("행위", "Conduct"),
    "statute.col_protects": ("보호 대상", "Protects"),
    "statute.col_penalty": ("법정형", "Penalty"),
    "statute.requires": ("요건: {what}", "requires {what}"),
    "statute.cite": ("인용", "Cite"),
    "statute.excerpt": ("(발췌)", "(excerpt)"),
    "statute.text_not_retrieved": ("조문 원문 미확보.", "Korean text not retrieved."),
    "statute.korean_text": ("조문(국문)", "Text (Korean, as enacted)"),
    "statute.note": ("비고", "Note"),
    "statute.amendments": ("개정별 변경 사항", "What each amendment changed"),
    "statute.col_paragraph": ("항", "Paragraph"),
    "statute.col_change": ("변경", "Change"),
    "statute.col_old": ("구 조문", "Old text (구)"),
    "statute.col_new": ("신 조문", "New text (신)"),
    "statute.no_change": ("법정형·구성요건 변경 없음", "no change in penalty or elements"),
    "statute.not_compared": ("비교 불가: 조문 원문 미확보", "not compared: text not retrieved"),
    "statute.cited_by": ("이 조문이 적용된 사건", "Cases citing this article"),
    "statute.act_number": ("법률 제{number}호", "Act No. {number}"),
    "statute.versions_note": ("{n}개 버전", "{n} version(s)"),
    "statute.law_go_kr": ("law.go.kr에서 보기", "on law.go.kr"),
    "statute.paragraph_link": ("이 항으로 가는 주소", "Link to this paragraph"),
    "statute.judgment_link": ("{number} 판결문(law.go.kr)", "judgment {number} on law.go.kr"),
    "search.header_label": ("사이트 검색", "Search the site"),
    "search.header_placeholder": ("검색", "Search"),
    "search.header_button": ("검색", "Search"),
    # The site search's filters (Pagefind shows filter names and values as the pages write them)
    "search.filter_kind": ("종류", "Kind"),
    "search.filter_outcome": ("결과", "Outcome"),
    "search.kind_guide": ("안내", "guide"),
    # Copy buttons (assets/javascripts/copy.js)
    "copy.button": ("복사", "Copy"),
    "copy.label": ("인용 복사", "Copy the citation"),
    "copy.copied": ("복사됨", "Copied"),
    "copy.selected": ("선택됨 — Ctrl+C로 복사", "Selected — press Ctrl+C to copy"),
    # Index pages
    "index.statutes": ("법령", "Statutes"),
    "index.cases": ("사건", "Cases"),
    "statutes.col_act": ("법률", "Act"),
    "statutes.col_article": ("조문", "Article"),
    "statutes.col_heading": ("제목", "Heading"),
    "statutes.col_versions": ("버전 수", "Versions"),
    "statutes.col_in_force": ("현행 버전 시행일", "Current version in force since"),
    "statutes.none_in_force": ("현행 버전 없음", "none in force"),
    "cases.intro": (
        "{n}건. 열 제목을 누르면 정렬됩니다. '가장 무거운 형'은 피고인별 최종 심급 기록 중 가장 무거운 선고이고, "
        "'집행유예'는 최종 심급에서 집행유예를 받은 피고인이 있는지를 말합니다.",
        '{n} matters. Click a column heading to sort. "Heaviest" is the heaviest sentence at the latest '
        'instance on record for any defendant; "Suspended" says whether any defendant\'s latest sentence '
        "was suspended.",
    ),
    "cases.col_case": ("사건", "Case"),
    "cases.col_years": ("선고 연도", "Year(s) decided"),
    "cases.col_courts": ("법원", "Court(s)"),
    "cases.col_defendants": ("피고인 수", "Defendants"),
    "cases.col_heaviest": ("가장 무거운 형", "Heaviest"),
    "cases.col_suspended": ("집행유예", "Suspended"),
    "cases.col_statutes": ("조문", "Statutes"),
    "cases.group_none": ("범행 일자 보도되지 않음", "Offence dates not reported"),
    "cases.group_before": (
        "2024. 10. 16. 이전 범행(2020. 6. 25. 시행 제14조의2)",
        "Offences before 2024-10-16 (Article 14-2 as in force from 2020-06-25)",
    ),
    "cases.group_after": (
        "2024. 10. 16. 이후 범행(개정 제14조의2)",
        "Offences from 2024-10-16 (Article 14-2 as amended)",
    ),
    "cases.group_spanning": ("2024. 10. 16.을 걸친 범행", "Offences spanning 2024-10-16"),
    # Sources page
    "sources.title": ("출처", "Sources"),
    "sources.intro": (
        "Casebook의 모든 사실은 아래 문서 중 하나를 인용합니다. 신뢰도: **A** 법령 원문 또는 기관 자체 발표, "
        "**B** 주요 언론, **C** 재게시·블로그·법률사무소 자료(인용 전 확인 필요).",
        "Every fact in Casebook cites one of these documents. Strength: **A** primary text or the "
        "agency's own release; **B** established news outlet; **C** aggregator, re-post, blog or law "
        "firm (verify before citing).",
    ),
    "sources.col_id": ("식별자", "Id"),
    "sources.col_publisher": ("발행처", "Publisher"),
    "sources.col_title": ("제목", "Title"),
    "sources.col_published": ("발행일", "Published"),
    "sources.col_strength": ("신뢰도", "Strength"),
    # Penalties page
    "penalties.title": ("법정형 한눈에 보기", "Penalties at a glance"),
    "penalties.period": ("{start} ~ {end}", "{start} to {end}"),
    "penalties.col_conduct": ("행위", "Conduct"),
    "penalties.col_victim": ("피해자", "Victim"),
    "penalties.col_provisions": ("조문과 법정형", "Provisions and penalties"),
    "penalties.not_an_offence": ("기록된 조문상 범죄 아님", "not an offence under the articles recorded"),
    "penalties.requires": ("요건: {what}", "requires {what}"),
    "penalties.on_condition": ("조건 {n}", "on condition {n}"),
    # Statistics page
    "stats.title": ("통계", "Statistics"),
    "stats.chart_all": ("기록된 딥페이크 판결의 결과", "Outcomes of recorded deepfake decisions"),
    "stats.chart_final": ("피고인별 최종 결과", "Latest outcome per defendant"),
    "stats.col_all": ("결과(모든 심급의 모든 판결)", "Outcome (every decision at every instance)"),
    "stats.col_decisions": ("판결 수", "Decisions"),
    "stats.col_final": ("결과(피고인별 최종 심급)", "Outcome (latest instance on record, per defendant)"),
    "stats.col_defendants": ("피고인 수", "Defendants"),
    "stats.col_share": ("집행유예 비율", "Suspended share"),
    "stats.by_year": ("선고 연도별", "By year of decision"),
    "stats.by_version": ("적용된 제14조의2 버전별", "By the version of Article 14-2 applied"),
    "stats.by_minors": ("피해자 중 아동·청소년 유무별", "By whether minors were among the victims"),
    "stats.by_instance": ("심급별", "By instance"),
    "stats.year_not_reported": ("선고 연도 보도되지 않음", "year not reported"),
    "stats.minors_yes": ("피해자 중 아동·청소년 있음", "minors among the victims"),
    "stats.minors_no": ("성인 피해자만", "adult victims only"),
    "stats.v_none": ("제14조의2 죄명 기록 없음", "no Art. 14-2 count recorded"),
    "stats.v_both": ("제14조의2: 두 버전에 걸친 범행", "Art. 14-2: offences under both versions"),
    "stats.v_2020": ("2020. 6. 25. 시행 제14조의2(5년 이하)", "Art. 14-2 as in force 2020-06-25 (up to 5 years)"),
    "stats.v_2024": ("2024. 10. 16. 개정 제14조의2(7년 이하)", "Art. 14-2 as amended 2024-10-16 (up to 7 years)"),
    "stats.v_unknown": ("제14조의2: 버전 알 수 없음", "Art. 14-2: version not known"),
    "stats.v_other": ("{date} 시행 제14조의2", "Art. 14-2 as in force {date}"),
    "stats.col_period": ("기간", "Period"),
    "stats.col_value": ("값({unit})", "Value ({unit})"),
    "stats.col_breakdown": ("세부", "Breakdown"),
    "stats.col_note": ("비고", "Note"),
    "stats.conflict": ("불일치", "Conflict"),
    "period.from": ("{date}부터", "from {date}"),
    # Guidelines page
    "guidelines.title": ("양형기준", "Sentencing guidelines"),
    "guidelines.status": ("상태", "status"),
    "guidelines.adopted": ("의결", "adopted"),
    "guidelines.effective": ("시행", "effective"),
    "guidelines.applies_by": ("적용 기준", "applies by"),
    "guidelines.col_tier": ("구간", "Tier"),
    "guidelines.col_from": ("하한", "From"),
    "guidelines.col_to": ("상한", "To"),
    "guidelines.no_ranges": ("출처에서 확인된 형량 범위가 없습니다.", "No ranges are known from the sources."),
    # Downloads, changes, diagnostics
    "downloads.title": ("내려받기", "Downloads"),
    "downloads.col_records": ("기록", "Records"),
    "downloads.col_schema": ("스키마", "Schema"),
    "csv.statute.statute": ("조문 기록의 id (statutes/<id>.html)", "id of the article's record (statutes/<id>.html)"),
    "csv.statute.article": ("조 번호 (14-2는 제14조의2)", "article number (14-2 is Article 14-2, 제14조의2)"),
    "csv.statute.version": ("버전 id (대개 시행일)", "version id (usually the date it took effect)"),
    "csv.statute.effective": (
        "시행일 (YYYY-MM-DD); 알 수 없으면 비어 있음",
        "date it took effect (YYYY-MM-DD); empty if not known",
    ),
    "csv.statute.status": ("버전 상태", "status of the version"),
    "csv.statute.paragraph": ("항 번호", "paragraph number (항)"),
    "csv.statute.kind": ("항의 종류", "kind of paragraph"),
    "csv.statute.conducts": ("처벌하는 행위, 공백으로 구분", "conducts it punishes, separated by spaces"),
    "csv.statute.materials": ("대상 영상물의 종류, 공백으로 구분", "kinds of material it covers, separated by spaces"),
    "csv.statute.protects": ("보호 대상", "whom it protects"),
    "csv.statute.min_months": ("징역 하한(개월)", "minimum imprisonment, in months"),
    "csv.statute.max_months": ("징역 상한(개월)", "maximum imprisonment, in months"),
    "csv.statute.life": ("무기징역이 가능한지 (True/False)", "whether life imprisonment is available (True/False)"),
    "csv.statute.fine_max_krw": ("벌금 상한(원)", "maximum fine, in won"),
    "csv.statute.penalty": ("법정형(영문)", "the statutory penalty, in words (English)"),
    "csv.case.case": ("사건 기록의 id (cases/<id>.html)", "id of the case's record (cases/<id>.html)"),
    "csv.case.proceeding": ("심급(재판) 기록의 id", "id of the proceeding (one instance)"),
    "csv.case.level": ("심급", "instance"),
    "csv.case.court": ("법원(영문)", "court, in English"),
    "csv.case.decided": ("선고일 (YYYY, YYYY-MM 또는 YYYY-MM-DD)", "date decided (YYYY, YYYY-MM or YYYY-MM-DD)"),
    "csv.case.case_number": ("사건번호 (예: 2024고합93)", "case number (e.g. 2024고합93)"),
    "csv.case.defendant": ("피고인 표시(익명)", "defendant's (anonymised) label id"),
    "csv.case.disposition": ("처분", "disposition"),
    "csv.case.outcome_class": ("결과 분류", "outcome class"),
    "csv.case.imprisonment_months": ("징역 기간(개월)", "term of imprisonment, in months"),
    "csv.case.suspended_months": (
        "집행유예 기간(개월); 집행유예이나 기간이 보도되지 않았으면 옆의 값",
        "period of suspension, in months; the value beside it when suspended for a period not reported",
    ),
    "csv.case.fine_krw": ("벌금(원)", "fine, in won"),
    "csv.case.life": ("무기징역 여부 (True/False)", "life imprisonment (True/False)"),
    "csv.case.title_en": ("사건 이름(영문)", "the case's title in English"),
    "csv.case.title_ko": ("사건 이름(국문)", "the case's title in Korean"),
    "csv.case.relevance": (
        "딥페이크 사건인지, 비교용 사건인지",
        "a deepfake case or a comparison case",
    ),
    "csv.case.court_ko": ("법원(국문)", "court, in Korean"),
    "csv.case.statutes": ("적용된 조문 (공백으로 구분)", "statutes applied, separated by spaces"),
    "csv.case.minors": (
        "피해자 중 아동·청소년이 있는지 (True/False, 비어 있으면 알 수 없음)",
        "whether minors were among the victims (True/False; empty when unknown)",
    ),
    "csv.case.judgment_backed": (
        "판결문 자체가 출처인지 (True/False)",
        "whether the judgment's own text is a source (True/False)",
    ),
    "csv.case.prosecution_request_months": ("검찰 구형 징역(개월)", "imprisonment the prosecution sought, in months"),
    "csv.case.statutory_range_min_months": (
        "판결이 밝힌 처단형 하한(개월)",
        "lower end of the statutory range the judgment states, in months",
    ),
    "csv.case.statutory_range_max_months": (
        "판결이 밝힌 처단형 상한(개월)",
        "upper end of the statutory range the judgment states, in months",
    ),
    "csv.case.fact": (
        "법원이 고려한 사정: {label}. 출처가 말하지 않으면 비어 있음, ~는 대략",
        "a fact the court weighed: {label}; empty where no source says, ~ marks an approximate value",
    ),
    "csv.source.source": ("출처 기록의 id", "id of the source's record"),
    "csv.source.publisher": ("발행처", "publisher"),
    "csv.source.title": ("제목 (원어)", "title, in its own language"),
    "csv.source.url": ("주소", "address (URL)"),
    "csv.source.published": ("발행일", "date published"),
    "csv.source.language": ("언어", "language"),
    "csv.source.kind": ("종류", "kind"),
    "csv.source.strength": (
        "신뢰도 A/B/C (A: 원문·공식 발표, B: 언론, C: 재게시·블로그)",
        "strength A/B/C (A: primary text or official release; B: established news outlet; C: re-post, blog)",
    ),
    "csv.figure.figure": ("통계 기록의 id", "id of the figure's record"),
    "csv.figure.agency": ("집계 기관(영문)", "agency that counted, in English"),
    "csv.figure.metric": ("지표(영문)", "what is counted, in English"),
    "csv.figure.unit": ("단위", "unit"),
    "csv.figure.from": ("기간 시작", "start of the period"),
    "csv.figure.to": ("기간 끝", "end of the period"),
    "csv.figure.value": ("값", "value"),
    "csv.figure.approximate": ("대략적인 값인지 (True/False)", "whether the value is approximate (True/False)"),
    "csv.figure.conflict": ("출처 간 불일치 설명(영문)", "how sources disagree, in English"),
    "csv.figure.sources": ("출처 id, 공백으로 구분", "source ids, separated by spaces"),
    "csv.guideline.guideline": ("양형기준 기록의 id", "id of the guideline's record"),
    "csv.guideline.status": ("상태", "status"),
    "csv.guideline.effective": ("시행일", "date it took effect"),
    "csv.guideline.crime_type": ("범죄 유형 id", "crime type id"),
    "csv.guideline.tier": ("구간", "tier"),
    "csv.guideline.min_months": ("권고 형량 하한(개월)", "lower end of the recommended range, in months"),
    "csv.guideline.max_months": ("권고 형량 상한(개월)", "upper end of the recommended range, in months"),
    "dictionary.title": ("데이터 사전", "Data dictionary"),
    "dictionary.intro": (
        "내려받기 CSV 파일의 열과 그 뜻입니다. 값은 언어와 무관한 기록의 값(영문 코드)이며, 비어 있는 칸은 출처가 말하지 않는 것입니다.",
        "Each column of the CSV downloads and what it means. Values are the records' own, the same in both languages; an empty cell is something no source states.",
    ),
    "dictionary.col_column": ("열", "Column"),
    "dictionary.col_meaning": ("뜻", "Meaning"),
    "dictionary.col_values": ("값", "Values"),
    "dictionary.rows": ("행 단위: {what}", "One row per {what}"),
    "dictionary.link": ("각 열의 뜻은 데이터 사전에 있습니다.", "What each column means is in the data dictionary."),
    "downloads.col_excel": ("CSV (Excel용)", "CSV for Excel"),
    "downloads.excel_note": (
        "Excel용 CSV는 같은 내용에 UTF-8 BOM을 붙여, Excel이 한글을 깨뜨리지 않고 엽니다.",
        "The CSV for Excel has the same content with a UTF-8 byte-order mark, so Excel opens the Korean text correctly.",
    ),
    "rows.statute": ("버전별 항", "paragraph of each version"),
    "rows.case": ("판결(한 심급의 한 피고인)", "decision (one defendant at one instance)"),
    "rows.source": ("출처", "source"),
    "rows.figure": ("관측값", "observation"),
    "rows.guideline": ("양형기준 구간", "guideline tier"),
    "changes.title": ("최근 변경", "Recently changed"),
    "changes.col_updated": ("갱신일", "Updated"),
    "changes.col_kind": ("종류", "Kind"),
    "changes.col_record": ("기록", "Record"),
    "feed.title": ("Casebook: 최근 변경된 기록", "Casebook: recently changed records"),
    "feed.entry": ("{kind} 기록 갱신", "{kind} record updated"),
    "diagnostics.title": ("진단 코드", "Diagnostic codes"),
    "diagnostics.col_code": ("코드", "Code"),
    "diagnostics.col_rule": ("규칙", "Rule"),
    "diagnostics.col_fix": ("고치는 방법", "How to fix"),
    "diagnostics.col_example": ("예", "Example"),
    "coverage.title": ("수록 범위", "Coverage"),
    "coverage.col_outcome": ("결과", "Outcome"),
    "coverage.col_decisions": ("판결 수", "Decisions"),
    "coverage.all": ("전체", "All"),
    # Finder (finder.js prints these; {found}, {total}, {shown} are filled in the browser)
    "finder.show_all": ("모두 보기", "Show all"),
    "finder.count": ("판결 {total}건 중 {found}건", "{found} of {total} decisions"),
    "finder.showing": (" (처음 {shown}건 표시)", " (showing the first {shown})"),
    "finder.loading": (
        "판결 {total}건을 모두 불러오는 중입니다. 거르기와 정렬은 다 불러온 뒤 적용됩니다.",
        "Loading all {total} decisions; filters and sorting apply once they are in.",
    ),
    "finder.load_failed": (
        "판결 전체를 불러오지 못했습니다. 처음 {shown}건만 보입니다.",
        "Could not load all decisions; only the first {shown} are shown.",
    ),
    "finder.like": ("비슷한 판결", "Decisions like this"),
    "finder.like_heading": (
        "{decision}와(과) 비슷한 판결 (가장 비슷한 것부터)",
        "Decisions like {decision}, most comparable first",
    ),
    "finder.like_missing": ("주소의 판결 {key}은(는) Casebook에 없습니다.", "There is no decision {key} in Casebook."),
    "finder.like_none": (
        "이 판결과 비슷한 판결이 기록되어 있지 않습니다.",
        "No comparable decisions are recorded for this one.",
    ),
    "finder.like_back": ("모든 판결로 돌아가기", "Back to all decisions"),
    # Penalty on a date (penalty-tool.js prints these)
    "tool.choose_date": (
        "범행일(기간이면 첫날)을 고르십시오.",
        "Choose the offence date (the first day, for a period).",
    ),
    "tool.period_reversed": (
        "기간의 끝({to})이 시작({on})보다 앞섭니다.",
        "The end of the period ({to}) is before its start ({on}).",
    ),
    "tool.judged_before": (
        "선고일({judged})이 범행일({last})보다 앞섭니다. 선고가 먼저일 수는 없습니다.",
        "The judgment date ({judged}) is before the offence date ({last}): a judgment cannot come first.",
    ),
    "tool.none": (
        "그날 이 행위를 처벌한 조문이 Casebook에 없습니다.",
        "No provision in Casebook punished this conduct on that date.",
    ),
    "tool.none_then": (
        "그 기간에 이 행위를 처벌한 조문이 Casebook에 없습니다.",
        "No provision in Casebook punished this conduct then.",
    ),
    "tool.penalty": ("법정형: ", "Penalty: "),
    "tool.requires": ("요건: ", "Requires: "),
    "tool.at_judgment": ("선고 시({date}): {reason}.", "At judgment ({date}): {reason}."),
    "tool.governing": ("적용 법률: ", "Governing: "),
    "tool.on_condition": (
        "조건부: {text}인 경우에만 ({definition}; 판단 기준: {decisions}).",
        "On a condition: only {text} ({definition}; the test is set by {decisions}).",
    ),
    "tool.conditional": (" (조건부)", " (on a condition)"),
    "tool.later": (
        "{on}에는 시행 전: {from}부터 {names}도 이 행위를 처벌합니다. 그날 이전의 행위는 행위 시의 법률에 따릅니다(형법 제1조 제1항).",
        "Not in force on {on}: from {from}, {names} also punishes it; an act before that day is judged by the law at the time of the act (Criminal Act Art. 1(1)).",
    ),
    "tool.stretch": ("{from} ~ {until}", "{from} to {until}"),
    "tool.continuing": (
        "기간 내내 보관했다면 {start}부터 {to}까지 처벌 대상입니다{before}. 소지는 계속범이므로, 범죄가 시행된 뒤에도 "
        "보관한 파일은 별도의 행위 없이 시행일부터 처벌됩니다(대법원, 조선일보 2026. 5. 18. 보도).",
        "Kept through the period, it is punishable from {start} to {to}{before}. Possession is a continuing offence: files kept after the offence took effect are punishable from its entry into force, with no further act needed (Supreme Court, reported by Chosun Ilbo 2026-05-18).",
    ),
    "tool.continuing_before": (
        "({start} 이전에는 기록된 조문상 범죄가 아니었음)",
        "; before {start} it was not an offence under the articles recorded",
    ),
    "tool.continuing_none": (
        "기간 중 어느 부분도 기록된 조문상 처벌 대상이 아니었습니다.",
        "No part of the period was punishable under the articles recorded.",
    ),
    "tool.each_act": (
        "각 행위는 그 행위를 한 날의 법률에 따릅니다(형법 제1조 제1항). 행위가 속한 기간을 보십시오.",
        "Each act is judged by the law on the day it was done (Criminal Act Art. 1(1)): see the part of the period it falls in.",
    ),
    "tool.end_law": ("기간 말({to})의 법률: {names}.", "The law at the end of the period ({to}): {names}."),
    "tool.r_not_a_crime": (
        "형법 제1조 제2항: 선고 시 이 조문상 범죄를 구성하지 않으므로 이 조문으로 처벌할 수 없음",
        "Criminal Act Art. 1(2): the act no longer constitutes a crime under this article at judgment, so it is not punishable under it",
    ),
    "tool.r_same": (
        "형법 제1조 제1항: 행위 시와 선고 시에 같은 버전이 시행 중",
        "Criminal Act Art. 1(1): the same version was in force at the act and at judgment",
    ),
    "tool.r_lighter": (
        "형법 제1조 제2항: 행위 후 법률이 변경되어 신법의 형이 가벼우므로 신법 적용",
        "Criminal Act Art. 1(2): the law was changed after the act and the new penalty is lighter, so the new law applies",
    ),
    "tool.r_old": (
        "형법 제1조 제1항: 행위 시의 법률 적용(신법이 가볍지 않음)",
        "Criminal Act Art. 1(1): the law at the time of the act applies (the later version is not lighter)",
    ),
    # Sentences, outcomes and orders in words
    "s.not_reported": ("형 보도되지 않음", "sentence not reported"),
    "s.life": ("무기징역", "life imprisonment"),
    "s.prison": ("징역 {term}", "{term} imprisonment"),
    "s.indeterminate": ("징역 장기 {long}, 단기 {short}", "indeterminate term: {short} to {long}"),
    "s.suspended": ("집행유예 {term}", "suspended for {term}"),
    "s.suspended_unknown": ("집행유예(기간 보도되지 않음)", "suspended for a term not reported"),
    "s.probation": ("보호관찰", "with probation"),
    "s.community_service": ("사회봉사 {hours}시간", "{hours} hours of community service"),
    "s.fine": ("벌금 {amount}", "fine of {amount}"),
    "s.protective": ("보호처분 {what}", "protective disposition {what}"),
    "s.appeal": ("{result}; {text}", "appeal {result}; {text}"),
    "a.treatment": ("성폭력 치료프로그램 이수 {hours}시간", "{hours} h treatment programme"),
    "a.other_program": ("기타 프로그램 이수 {hours}시간", "{hours} h other programme"),
    "a.employment_ban": ("취업제한 {years}년", "{years}-year employment ban"),
    "a.disclosure_years": ("신상정보 공개 {years}년", "{years}-year disclosure"),
    "a.disclosure": ("신상정보 공개", "disclosure of personal information"),
    "a.notification_years": ("신상정보 고지 {years}년", "{years}-year notification"),
    "a.notification": ("신상정보 고지", "notification of personal information"),
    "a.monitoring": ("전자장치 부착 {years}년", "{years}-year electronic monitoring"),
    "a.forfeiture": ("몰수 {amount}", "forfeiture {amount}"),
    "a.collection": ("추징 {amount}", "collection {amount}"),
    # Penalties in words
    "p.life_or_min": ("무기 또는 {min} 이상의 징역", "life or at least {min}"),
    "p.life": ("무기징역", "life imprisonment"),
    "p.range": ("{min} 이상 {max} 이하의 징역", "{min} to {max}"),
    "p.min": ("{min} 이상의 유기징역", "at least {min} (up to 30 years)"),
    "p.max": ("{max} 이하의 징역", "up to {max}"),
    "p.prison": ("징역", "imprisonment"),
    "p.disqualification": ("{years}년 이하의 자격정지", "suspension of qualifications up to {years} years"),
    "p.fine": ("{amount} 이하의 벌금", "a fine of up to {amount}"),
    "p.or": (" 또는 ", " or "),
    "p.and": (" 및 ", " and "),
    # Facts in words
    "f.about": ("약 {n}", "about {n}"),
    "f.deposit": ("예 ({amount})", "yes ({amount})"),
}

# Record kinds, as the "Recently changed" page and the feed name them.
KINDS = {
    "statute": ("법령", "statute"),
    "case": ("사건", "case"),
    "source": ("출처", "source"),
    "figure": ("통계", "figure"),
    "guideline": ("양형기준", "guideline"),
}
VICTIMS = {"adult": ("성인", "adult"), "child": ("아동·청소년", "child or youth")}
APPEAL_BY = {"prosecution": ("검사", "prosecution"), "defendant": ("피고인", "defendant")}

VOCABULARIES: dict[str, dict[str, tuple[str, str]]] = {
    "conduct": v.CONDUCTS,
    "material": v.MATERIALS,
    "protects": v.PROTECTED_CLASSES,
    "mental_element": v.MENTAL_ELEMENTS,
    "prior_record": v.PRIOR_RECORDS,
    "relationship": v.RELATIONSHIPS,
    "figure_unit": v.FIGURE_UNITS,
    "fact": v.SENTENCING_FACTS,
    "level": v.LEVELS,
    "disposition": v.DISPOSITIONS,
    "appeal_result": v.APPEAL_RESULTS,
    "count_outcome": v.COUNT_OUTCOMES,
    "counted": v.COUNTED_THINGS,
    "guideline_role": v.GUIDELINE_ROLES,
    "version_status": v.VERSION_STATUSES,
    "paragraph_kind": v.PARAGRAPH_KINDS,
    "guideline_status": v.GUIDELINE_STATUSES,
    "applies_by": v.GUIDELINE_APPLIES_BY,
    "tier": v.GUIDELINE_TIERS,
    "outcome": v.OUTCOME_CLASSES,
    "outcome_short": v.OUTCOME_SHORT,
    "victim": VICTIMS,
    "kind": KINDS,
    "appeal_by": APPEAL_BY,
}

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _escaped(value: object) -> object:
    from casebook.site.escape import md

    return value if isinstance(value, (int, float, Markup)) else md(value)


class Lang:
    """One language's catalogue and conventions; templates get it as `L`."""

    def __init__(self, code: str):
        if code not in LANGUAGES:
            raise ValueError(f"not a site language: {code!r}")
        self.code = code
        self.index = LANGUAGES.index(code)
        self.other = LANGUAGES[1 - self.index]

    @property
    def ko(self) -> bool:
        return self.code == "ko"

    # Interface text ------------------------------------------------------------------------
    def s(self, key: str, **values) -> str:
        """A catalogue string as plain text (for data files, charts and the feed)."""
        text = UI[key][self.index]
        return text.format(**values) if values else text

    def t(self, key: str, **values) -> Markup:
        """A catalogue string for a page: trusted template text, the values escaped."""
        text = UI[key][self.index]
        return Markup(text.format(**{k: _escaped(x) for k, x in values.items()}) if values else text)

    def v(self, vocabulary: str, value: object) -> str:
        """A vocabulary value's label, e.g. v('level', 'appeal') -> '항소심' / 'appeal'."""
        key = getattr(value, "value", value)
        return VOCABULARIES[vocabulary][key][self.index]

    # Conventions ---------------------------------------------------------------------------
    def date(self, value: object) -> str:
        """2024. 10. 16. / 16 Oct 2024; a partial date as far as it is known (2025. 3. / Mar 2025)."""
        if value is None or value == "":
            return ""
        if isinstance(value, (dt.date, PartialDate)):
            y, m, d = value.year, value.month, value.day
        else:
            match = _ISO.match(str(value))
            if not match:
                return str(value)
            y, m, d = (int(g) if g else None for g in match.groups())
        if self.ko:
            return f"{y}." + (f" {m}." if m else "") + (f" {d}." if d else "")
        if d:
            return f"{d} {_MONTHS_EN[m - 1]} {y}"
        return f"{_MONTHS_EN[m - 1]} {y}" if m else str(y)

    def number(self, n: float) -> str:
        return f"{n:,.10g}"

    def term(self, months: float) -> str:
        """18 -> 1년 6개월 / 1 year 6 months; 67.5 -> 5년 7개월 15일 / 5 years 7 months 15 days."""
        from casebook import formatting

        if not self.ko:
            return formatting.term(months)
        whole = int(months)
        days = 15 if months - whole else 0
        years, rest = divmod(whole, 12)
        parts = [f"{years}년"] if years else []
        parts += [f"{rest}개월"] if rest else []
        parts += [f"{days}일"] if days else []
        return " ".join(parts) or "0개월"

    def krw(self, amount: int) -> str:
        """50,000,000 -> 5,000만 원 / KRW 50,000,000."""
        if not self.ko:
            return f"KRW {amount:,}"
        eok, rest = divmod(amount, 100_000_000)
        man, won = divmod(rest, 10_000)
        parts = [f"{eok:,}억"] if eok else []
        parts += [f"{man:,}만"] if man else []
        if won or not parts:
            return " ".join([*parts, f"{won:,}원"])
        return " ".join(parts) + " 원"

    def years(self, value: float) -> str:
        return f"{value:g}"

    def penalty(self, p) -> str:
        """A statutory penalty in one line: 7년 이하의 징역 또는 5,000만 원 이하의 벌금."""
        pieces = []
        prison = p.imprisonment
        if prison is not None:
            low = self.term(prison.min_months) if prison.min_months else None
            high = self.term(prison.max_months) if prison.max_months else None
            if prison.life and low:
                pieces.append(self.s("p.life_or_min", min=low))
            elif prison.life:
                pieces.append(self.s("p.life"))
            elif low and high:
                pieces.append(self.s("p.range", min=low, max=high))
            elif low:
                pieces.append(self.s("p.min", min=low))
            elif high:
                pieces.append(self.s("p.max", max=high))
            else:
                pieces.append(self.s("p.prison"))
        if p.disqualification_max_years:
            pieces.append(self.s("p.disqualification", years=self.years(p.disqualification_max_years)))
        if p.fine_max_krw:
            pieces.append(self.s("p.fine", amount=self.krw(p.fine_max_krw)))
        return self.s("p.and" if p.combination == "cumulative" else "p.or").join(pieces)

    def article(self, statute) -> str:
        """제14조의2 / Art. 14-2."""
        main, _, branch = statute.article.partition("-")
        if self.ko:
            return f"제{main}조의{branch}" if branch else f"제{main}조"
        return f"Art. {statute.article}"

    # Computed phrases of the law code (ranges.py, changes.py), which speak English --------
    def phrase(self, text: str) -> str:
        """A sentence the law code (shared with the command line) built in English, in this
        language: its fixed words from `PHRASES`, its terms and amounts by this language's
        conventions. Unknown wording stays as it is."""
        if not self.ko or not text:
            return text
        for pattern, korean in PHRASES:
            text = pattern.sub(korean, text)
        text = _EN_KRW.sub(lambda m: self.krw(int(m.group(1).replace(",", ""))), text)
        return _EN_TERM.sub(lambda m: self.term(_months_of(m)), text)


def court_citation_ko(statute, version, paragraph: int | None = None) -> str:
    """The Korean court's form: 「성폭력범죄의 처벌 등에 관한 특례법」(2024. 10. 16. 법률 제20459호로
    개정된 것) 제14조의2 제4항 — the act number from the version's amending acts (the latest)."""
    act = f"「{statute.act.title_ko}」"
    acts = sorted(version.amending_acts, key=lambda a: (a.promulgated or dt.date.min, a.number))
    ko = Lang("ko")
    if acts:
        last = acts[-1]
        when = ko.date(last.promulgated) + " " if last.promulgated else ""
        act += f"({when}법률 제{last.number}호로 개정된 것)"
    text = f"{act} {ko.article(statute)}"
    return text + (f" 제{paragraph}항" if paragraph is not None else "")


_EN_TERM = re.compile(r"\b(?:(\d+) years?)(?: (\d+) months?)?(?: (\d+) days)?\b|\b(\d+) months?(?: (\d+) days)?\b")
_EN_KRW = re.compile(r"KRW ([\d,]+)")


def _months_of(m: re.Match) -> float:
    if m.group(4) is not None:
        return int(m.group(4)) + (0.5 if m.group(5) else 0)
    return int(m.group(1)) * 12 + int(m.group(2) or 0) + (0.5 if m.group(3) else 0)


# English phrases of ranges.py and changes.py -> Korean (regular expressions, in order).
_PHRASE_TABLE: list[tuple[str, str]] = [
    (r"above the lawful maximum \(", "처단형 상한 초과 ("),
    (r"at the statutory maximum", "법정형 상한"),
    (r"below even the mitigated minimum \(", "감경한 하한보다도 낮음 ("),
    (r"below the statutory minimum \(([^)]*)\): mitigation applied", r"법정형 하한(\1) 미만: 감경 적용"),
    (r"within the statutory range", "법정형 범위 내"),
    (r"suspended \(lawful: term of 3 years or less\)", "집행유예(적법: 3년 이하의 형)"),
    (r"suspended although the term exceeds 3 years", "집행유예(형이 3년을 넘음에도)"),
    (r"range incomplete: ", "범위 불완전: "),
    (r"no version on record for the offence dates", "범행 당시 버전 기록 없음"),
    (r": no penalty data", ": 법정형 자료 없음"),
    (r"\(version ([^)]*)\)", r"(\1 버전)"),
    (r"below the basic range of ([\w-]+) \(([^)]*) to ([^)]*)\)", r"\1 기본영역(\2 ~ \3) 미만"),
    (r"above the basic range of ([\w-]+) \(([^)]*) to ([^)]*)\)", r"\1 기본영역(\2 ~ \3) 초과"),
    (r"within the basic range of ([\w-]+)", r"\1 기본영역 내"),
    (r"^range (.+?) to (.+?)( or life)?(: |$)", r"처단형 범위 \1 ~ \2\3\4"),
    (r" or life", " 또는 무기"),
    # changes.py
    (r"minimum (.+?) replaces maximum (.+)", r"상한 \2 → 하한 \1"),
    (r"maximum (.+?) → (.+)", r"상한 \1 → \2"),
    (r"minimum (.+?) → (.+)", r"하한 \1 → \2"),
    (r"none stated", "기재 없음"),
    (r"life imprisonment added", "무기징역 추가"),
    (r"life imprisonment removed", "무기징역 삭제"),
    (r"^fine (.+?) → (.+)", r"벌금 상한 \1 → \2"),
    (r"\bnone\b", "없음"),
    (r"new paragraph", "신설 항"),
    (r"new offence: ", "신설 범죄: "),
    (r"paragraph deleted", "항 삭제"),
    (r"\(was: ", "(종전: "),
    (r"renumbered from ¶(\d+) to ¶(\d+)", r"¶\1 → ¶\2로 항 번호 변경"),
    (r"now also covers ", "추가된 행위: "),
    (r" element removed", " 요건 삭제"),
    (r" element added", " 요건 추가"),
    (r"for the purpose of distribution", "반포등을 할 목적"),
    (r"up to (\d[^,;)]*?)(?= or | and |$|[,;)])", r"\1 이하의 징역"),
    (r"a fine of up to ", "벌금 상한 "),
]
PHRASES = [(re.compile(p), k) for p, k in _PHRASE_TABLE]
