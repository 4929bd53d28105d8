"""Controlled vocabularies, each value with its Korean legal term and English gloss.

The enums used by the models are generated from these tables, so a value added here is
at once valid in records, listed in the JSON Schemas and available to the site.
"""

from __future__ import annotations

import enum

# conduct id: (Korean statutory verb, English gloss)
CONDUCTS: dict[str, tuple[str, str]] = {
    "film": ("촬영", "film"),
    "edit": ("편집·합성·가공", "edit, synthesise or process"),
    "produce": ("제작", "produce"),
    "import-export": ("수입·수출", "import or export"),
    "distribute": ("반포·제공·전시·상영·배포", "distribute, provide or display"),
    "distribute-for-profit": ("영리 목적 반포·판매·임대", "distribute, sell or rent for profit"),
    "sell": ("판매·대여", "sell or rent"),
    "advertise": ("광고·소개", "advertise or introduce"),
    "possess": ("소지", "possess"),
    "transport": ("운반", "transport"),
    "purchase": ("구입", "purchase"),
    "store": ("저장", "store"),
    "view": ("시청", "view"),
    "threaten": ("협박", "threaten"),
    "coerce": ("강요", "coerce"),
    "procure": ("알선", "procure a child or youth for a producer"),
    "defame": ("명예훼손", "defame"),
    "send-by-telecom": (
        "통신매체를 통하여 상대방에게 도달하게 함",
        "send to a person through a means of communication",
    ),
}

# Conducts that continue while a state lasts (계속범): possessing or storing a file goes on as long
# as the file is kept, so a period of such conduct is punishable from the day a provision takes
# effect (Supreme Court, reported 2026-05-18: chosun-2026-05-18-supreme-court-possession-continuing-offence).
CONTINUING_CONDUCTS = frozenset({"possess", "store"})

PROTECTED_CLASSES: dict[str, tuple[str, str]] = {
    "anyone": ("사람", "anyone"),
    "children-and-youth": ("아동·청소년", "children and youth (under 19)"),
    "public": ("사회 일반", "the public (offences against public morals, e.g. obscenity)"),
}

# What the conduct is done to or with; the same verb (possess) is a different offence for filmed
# material (Art. 14), a deepfake (Art. 14-2) or child sexual exploitation material (Youth Act Art. 11).
MATERIALS: dict[str, tuple[str, str]] = {
    "filmed": ("촬영물", "material filmed of a person (illegal filming)"),
    "synthetic": ("편집물·합성물·가공물 (허위영상물)", "edited or synthesised material (deepfakes)"),
    "csem": ("아동·청소년성착취물", "child or youth sexual exploitation material"),
    "obscene": ("음란물", "obscene material"),
    "statement": ("사실·거짓의 사실", "a statement of fact (defamation)"),
    "shaming-message": (
        "성적 수치심이나 혐오감을 일으키는 말·음향·글·그림·영상·물건",
        "words, sounds, writing, pictures, images or objects causing sexual shame or disgust",
    ),
}

MENTAL_ELEMENTS: dict[str, tuple[str, str]] = {
    "purpose-of-distribution": ("반포등을 할 목적", "for the purpose of distribution"),
    "for-profit": ("영리를 목적으로", "for profit"),
    "intent-to-slander": ("비방할 목적", "with intent to slander"),
}


# Facts courts weigh (case records' `facts:`): a defendant's record and relationship to the victims.
PRIOR_RECORDS: dict[str, tuple[str, str]] = {
    "none": ("전과 없음 (초범)", "no prior record"),
    "similar-offence": ("동종 전과", "a prior conviction for a similar offence"),
    "other": ("이종 전과", "prior convictions for other offences only"),
}

RELATIONSHIPS: dict[str, tuple[str, str]] = {
    "acquaintance": ("지인", "acquaintance"),
    "schoolmate": ("같은 학교 (동급생·선후배·동문)", "schoolmate (classmate, senior, junior or alumna)"),
    "colleague": ("직장 동료", "colleague"),
    "teacher-student": ("교사와 학생", "teacher and student"),
    "partner": ("연인·전 연인·배우자", "partner or former partner"),
    "family": ("친족", "family"),
    "public-figure": ("연예인·유명인", "public figure"),
    "online-contact": ("온라인에서만 알게 된 사람", "known only online"),
    "stranger": ("모르는 사람", "stranger"),
    "other": ("기타", "other"),
}

# The facts themselves, in the order a case page lists them: field -> (Korean, English).
SENTENCING_FACTS: dict[str, tuple[str, str]] = {
    "prior_record": ("전과", "Prior record"),
    "relationship": ("피해자와의 관계", "Relationship to the victims"),
    "victims": ("피해자 수", "Victims"),
    "minor_victims": ("그중 아동·청소년", "Of them minors"),
    "items_made": ("제작·편집한 영상물 수", "Items made"),
    "items_distributed": ("반포한 영상물 수", "Items distributed"),
    "items_possessed": ("소지·구입·저장·시청한 영상물 수", "Items possessed or viewed"),
    "for_profit": ("영리 목적", "For profit"),
    "settlement": ("합의", "Settlement with victims"),
    "no_punishment_wish": ("처벌불원", "Victims did not want punishment"),
    "deposit": ("공탁", "Deposit for victims"),
    "confession": ("자백·범행 인정", "Confession"),
    "detained": ("구속 상태", "In custody before judgment"),
}


# The models' own enums (case.py, statute.py, guideline.py) and derived classes, labelled for
# the site (casebook/i18n.py gathers every table; tests/test_i18n.py checks each enum value
# has its label). The Korean is the term Korean judgments and the press use.
LEVELS: dict[str, tuple[str, str]] = {
    "first-instance": ("1심", "first instance"),
    "appeal": ("항소심", "appeal"),
    "supreme-court": ("상고심(대법원)", "Supreme Court"),
    "juvenile-division": ("소년부", "juvenile division"),
}

DISPOSITIONS: dict[str, tuple[str, str]] = {
    "sentenced": ("유죄 선고", "sentenced"),
    "acquitted": ("무죄", "acquitted"),
    "referred-to-juvenile-division": ("소년부 송치", "referred to juvenile division"),
    "protective-disposition": ("보호처분", "protective disposition"),
    "prosecution-dismissed": ("공소기각", "prosecution dismissed"),
    "remanded": ("파기환송", "quashed and remanded"),
    "not-reported": ("결과 보도되지 않음", "not reported"),
}

APPEAL_RESULTS: dict[str, tuple[str, str]] = {
    "dismissed": ("상소 기각", "dismissed"),
    "quashed": ("원심 파기", "quashed"),
    "quashed-ex-officio": ("직권 파기", "quashed ex officio"),
}

COUNT_OUTCOMES: dict[str, tuple[str, str]] = {
    "convicted": ("유죄", "convicted"),
    "acquitted": ("무죄", "acquitted"),
    "dismissed": ("공소기각", "dismissed"),
    "not-reported": ("결과 보도되지 않음", "not reported"),
}

# What an official figure counts (figure records' `unit`): the Korean label heads the value
# column of the statistics page.
FIGURE_UNITS: dict[str, tuple[str, str]] = {
    "cases": ("건", "cases"),
    "persons": ("명", "persons"),
    "victims": ("피해자 수", "victims"),
    "requests": ("요청 건수", "requests"),
    "reports": ("신고 건수", "reports"),
    "judgments": ("판결 수", "judgments"),
    "operations": ("수사 건수", "operations"),
    "items": ("건수(게시물 등)", "items"),
    "services": ("지원 건수", "services"),
    "deletion-support services": ("삭제 지원 건수", "deletion-support services"),
    "percent": ("비율(%)", "percent"),
}

COUNTED_THINGS: dict[str, tuple[str, str]] = {
    "victims": ("피해자", "victims"),
    "minor-victims": ("아동·청소년 피해자", "minor victims"),
    "items-produced": ("제작된 영상물", "items produced"),
    "items-distributed": ("반포된 영상물", "items distributed"),
    "items": ("영상물", "items"),
    "participants": ("참여자", "participants"),
}

GUIDELINE_ROLES: dict[str, tuple[str, str]] = {
    "offence": ("범죄별 권고형", "offence"),
    "multiple-offences": ("다수범죄 처리기준", "multiple offences"),
    "final": ("최종 권고형", "final"),
}

VERSION_STATUSES: dict[str, tuple[str, str]] = {
    "in-force": ("시행 중", "in force"),
    "superseded": ("개정됨", "superseded"),
    "prospective": ("시행 예정", "prospective"),
    "repealed": ("폐지", "repealed"),
}

PARAGRAPH_KINDS: dict[str, tuple[str, str]] = {
    "offence": ("범죄", "offence"),
    "aggravation": ("가중", "aggravation"),
    "attempt": ("미수", "attempt"),
    "definition": ("정의", "definition"),
    "procedure": ("절차", "procedure"),
    "general-rule": ("총칙", "general rule"),
}

GUIDELINE_STATUSES: dict[str, tuple[str, str]] = {
    "in-force": ("시행 중", "in force"),
    "superseded": ("대체됨", "superseded"),
    "under-revision": ("수정 중", "under revision"),
}

GUIDELINE_APPLIES_BY: dict[str, tuple[str, str]] = {
    "indictment-date": ("공소제기 시점", "indictment date"),
    "not-retrieved": ("확인되지 않음", "rule not retrieved"),
}

GUIDELINE_TIERS: dict[str, tuple[str, str]] = {
    "mitigated": ("감경영역", "mitigated"),
    "basic": ("기본영역", "basic"),
    "aggravated": ("가중영역", "aggravated"),
    "special-aggravated": ("특별가중영역", "special aggravated"),
    "habitual": ("상습범", "habitual"),
    "multiple": ("다수범", "multiple offences"),
}

# casebook/outcomes.py's classes: every decision falls in exactly one.
OUTCOME_CLASSES: dict[str, tuple[str, str]] = {
    "custodial": ("실형", "Prison (not suspended)"),
    "suspended": ("집행유예", "Suspended prison term"),
    "fine": ("벌금형", "Fine only"),
    "juvenile": (
        "소년(부정기형·소년부 송치·보호처분)",
        "Juvenile (indeterminate term, referral or protective disposition)",
    ),
    "acquitted": ("무죄", "Acquitted"),
    "other": ("기타(공소기각, 파기환송)", "Other (prosecution dismissed, or quashed and remanded for retrial)"),
    "not-reported": ("결과 보도되지 않음", "Outcome not reported"),
}
OUTCOME_SHORT: dict[str, tuple[str, str]] = {
    "custodial": ("실형", "prison"),
    "suspended": ("집행유예", "suspended"),
    "fine": ("벌금", "fine"),
    "juvenile": ("소년", "juvenile"),
    "acquitted": ("무죄", "acquitted"),
    "other": ("기타", "other"),
    "not-reported": ("보도되지 않음", "not reported"),
}


def _enum(name: str, table: dict[str, tuple[str, str]]) -> type[enum.Enum]:
    return enum.StrEnum(name, {key.replace("-", "_").replace(" ", "_").upper(): key for key in table})


Conduct = _enum("Conduct", CONDUCTS)
ProtectedClass = _enum("ProtectedClass", PROTECTED_CLASSES)
MentalElement = _enum("MentalElement", MENTAL_ELEMENTS)
Material = _enum("Material", MATERIALS)
PriorRecord = _enum("PriorRecord", PRIOR_RECORDS)
Relationship = _enum("Relationship", RELATIONSHIPS)
FigureUnit = _enum("FigureUnit", FIGURE_UNITS)
