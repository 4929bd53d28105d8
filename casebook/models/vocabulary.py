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


def _enum(name: str, table: dict[str, tuple[str, str]]) -> type[enum.Enum]:
    return enum.StrEnum(name, {key.replace("-", "_").upper(): key for key in table})


Conduct = _enum("Conduct", CONDUCTS)
ProtectedClass = _enum("ProtectedClass", PROTECTED_CLASSES)
MentalElement = _enum("MentalElement", MENTAL_ELEMENTS)
Material = _enum("Material", MATERIALS)
PriorRecord = _enum("PriorRecord", PRIOR_RECORDS)
Relationship = _enum("Relationship", RELATIONSHIPS)
