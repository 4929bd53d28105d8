"""The case record: one matter, its defendants and the chain of proceedings.

A proceeding is one decision at one instance; per defendant it records the counts
(each citing a statute paragraph), the disposition, the sentence and ancillary orders.
Every outcome cites its sources; nothing a source does not state is filled in.
"""

from __future__ import annotations

import enum
from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from casebook.models.case_number import CASE_NUMBER_PATTERN
from casebook.models.common import Citation, Date, PartialDate, Period, Slug, Sources, StrictModel, Text
from casebook.models.vocabulary import PriorRecord, Relationship

Months = float  # months; halves allowed (15 days), as Korean judgments compute halved terms


class Level(enum.StrEnum):
    FIRST_INSTANCE = "first-instance"
    APPEAL = "appeal"
    SUPREME_COURT = "supreme-court"
    JUVENILE_DIVISION = "juvenile-division"


APPELLATE_LEVELS = {Level.APPEAL, Level.SUPREME_COURT}


class Disposition(enum.StrEnum):
    SENTENCED = "sentenced"
    ACQUITTED = "acquitted"
    REFERRED_TO_JUVENILE_DIVISION = "referred-to-juvenile-division"
    PROTECTIVE_DISPOSITION = "protective-disposition"
    PROSECUTION_DISMISSED = "prosecution-dismissed"
    # 파기환송: the higher court quashed the judgment and sent the case back without sentencing;
    # the sentence comes from the retrial, recorded as its own proceeding.
    REMANDED = "remanded"
    NOT_REPORTED = "not-reported"


class AppealResult(enum.StrEnum):
    DISMISSED = "dismissed"
    QUASHED = "quashed"
    QUASHED_EX_OFFICIO = "quashed-ex-officio"


class CountOutcome(enum.StrEnum):
    CONVICTED = "convicted"
    ACQUITTED = "acquitted"
    DISMISSED = "dismissed"
    NOT_REPORTED = "not-reported"


class CountedThing(enum.StrEnum):
    VICTIMS = "victims"
    MINOR_VICTIMS = "minor-victims"
    ITEMS_PRODUCED = "items-produced"
    ITEMS_DISTRIBUTED = "items-distributed"
    ITEMS = "items"
    PARTICIPANTS = "participants"


class ReportedCount(StrictModel):
    """A number as one source reports it; conflicting numbers are separate entries."""

    counted: CountedThing
    value: int = Field(ge=0)
    approximate: bool = Field(False, description="The source says 'about' or 'more than' (여, 약).")
    scope_en: Text | None = Field(None, description="Whom or what the number covers, if not the whole case.")
    defendants: list[Slug] = Field(default_factory=list, description="Defendant ids the number is about.")
    sources: Sources


class ReportedAge(StrictModel):
    """An age as reported: exact (`age: 40`) or only a decade (`decade: 30` for "30s", 30대)."""

    age: int | None = Field(None, ge=10, le=120, description="The age in years, where a source gives it.")
    decade: int | None = Field(
        None, ge=10, le=90, multiple_of=10, description="Only the decade is reported: 30 for '30s' (30대)."
    )
    when_en: Text = Field(description="When the age was reported, e.g. 'at the first-instance sentence'.")
    sources: Sources

    @model_validator(mode="after")
    def _one_of_age_or_decade(self):
        if (self.age is None) == (self.decade is None):
            raise PydanticCustomError(
                "age_or_decade", "give exactly one of `age` (e.g. 40) or `decade` (e.g. 30 for '30s')"
            )
        return self


class Defendant(StrictModel):
    id: Slug
    label_en: Text = Field(description="Anonymised label as the press uses it, e.g. 'Park (40)'.")
    label_ko: Text | None = Field(None, description="Korean label, e.g. '박모(40)'.")
    name_officially_disclosed: bool = Field(
        False, description="True only where the state officially disclosed the identity (신상공개)."
    )
    disclosure_sources: list[Citation] = Field(
        default_factory=list, description="Citations for the official disclosure; required when disclosed."
    )
    role_en: Text
    ages: list[ReportedAge] = Field(default_factory=list)
    minor: bool | None = Field(None, description="Whether the defendant was a minor at the time; omit if unknown.")


class CountRef(StrictModel):
    """One count (죄명) as charged, citing the statute paragraph(s)."""

    statute: Slug
    paragraphs: list[int] = Field(min_length=1)
    version: Slug | None = Field(
        None, description="Pin the statute version; by default the version in force on the offence date."
    )
    label_ko: Text | None = Field(None, description="The count as named, e.g. 성폭력처벌법위반(허위영상물편집·반포등).")
    outcome: CountOutcome
    offence_period: Period | None = Field(None, description="If this count's offences differ from the case's.")
    version_not_reported_en: Text | None = Field(
        None,
        description="Say why the version cannot be told (no source gives the offence dates, and they span "
        "several versions); W301 then stays quiet and the page says 'version not reported'.",
    )
    note_en: Text | None = None


class Suspension(StrictModel):
    period_months: Months | None = Field(
        None,
        ge=12,
        le=60,
        description="Suspension period (집행유예 기간), 1–5 years; omit when no source reports it "
        "(the page then says 'term not reported').",
    )
    probation: bool | None = Field(None, description="Probation (보호관찰) ordered; omit if not reported.")
    probation_months: Months | None = Field(None, gt=0, le=60, description="Probation period, where reported.")
    community_service_hours: int | None = Field(None, ge=1, description="사회봉사 hours.")


class Indeterminate(StrictModel):
    """Juvenile indeterminate sentence (부정기형): 단기 short term, 장기 long term."""

    short_months: Months = Field(gt=0)
    long_months: Months = Field(gt=0)


class Sentence(StrictModel):
    imprisonment_months: Months | None = Field(None, gt=0, le=600, multiple_of=0.5)
    life_imprisonment: bool = False
    indeterminate: Indeterminate | None = None
    suspended: Suspension | None = Field(None, description="Execution of the imprisonment suspended.")
    fine_krw: int | None = Field(None, ge=1)
    protective_disposition_ko: Text | None = Field(None, description="보호처분 as ordered, e.g. '1·2·3호'.")
    note_en: Text | None = None


class Ancillary(StrictModel):
    treatment_program_hours: int | None = Field(None, ge=1, description="이수명령: sex-offence programme hours.")
    other_program_hours: int | None = Field(None, ge=1, description="Other programme hours (e.g. stalking).")
    employment_ban_years: float | None = Field(None, gt=0, description="취업제한 years.")
    disclosure_ordered: bool | None = Field(None, description="신상정보 공개 ordered (period may be unreported).")
    disclosure_years: float | None = Field(None, gt=0, description="신상정보 공개 years.")
    notification_ordered: bool | None = Field(None, description="신상정보 고지 ordered (period may be unreported).")
    notification_years: float | None = Field(None, gt=0, description="신상정보 고지 years.")
    electronic_monitoring_years: float | None = Field(None, gt=0, description="전자장치 부착 years.")
    employment_ban_exempted: bool | None = Field(None, description="취업제한 명령 면제: the court ordered no ban.")
    disclosure_exempted: bool | None = Field(None, description="공개명령 면제: the court ordered no disclosure.")
    notification_exempted: bool | None = Field(None, description="고지명령 면제: the court ordered no notification.")
    confiscation_ordered: bool | None = Field(None, description="몰수: devices or files confiscated (amount aside).")
    forfeiture_krw: int | None = Field(None, ge=1, description="몰수 amount.")
    collection_krw: int | None = Field(None, ge=1, description="추징 amount.")
    detained_in_court: bool | None = Field(None, description="법정구속.")
    note_en: Text | None = None


class BoolFact(StrictModel):
    value: bool
    sources: Sources


class PriorRecordFact(StrictModel):
    value: PriorRecord
    sources: Sources


class RelationshipFact(StrictModel):
    values: list[Relationship] = Field(min_length=1, description="Every relationship the source states.")
    sources: Sources


class NumberFact(StrictModel):
    value: int = Field(ge=0)
    approximate: bool = Field(False, description="The source says 'about' or 'more than' (여, 약).")
    sources: Sources


class RangeMonths(StrictModel):
    """A range of imprisonment in months, as a judgment states it."""

    min_months: Months = Field(ge=0, multiple_of=0.5)
    max_months: Months | None = Field(None, gt=0, multiple_of=0.5, description="Omit for life or an open top.")


class StatutoryRange(RangeMonths):
    """법률상 처단형의 범위: the range the court had to sentence within, exactly as stated."""

    as_stated_ko: Text = Field(description="The judgment's words, e.g. '징역 2년 6개월∼22년 6개월'.")
    fine_max_krw: int | None = Field(None, ge=1, description="Where the stated range includes a fine (벌금 … 이하).")
    discretionary_mitigation: bool | None = Field(
        None,
        description="정상참작감경 (Criminal Act Art. 53) is listed in the judgment's 법령의 적용; omit if not read.",
    )
    repeat_offence: bool | None = Field(
        None, description="누범가중 (Criminal Act Art. 35) is listed in the judgment's 법령의 적용; omit if not read."
    )
    sources: Sources


class GuidelineRole(enum.StrEnum):
    OFFENCE = "offence"  # one offence's recommended range
    MULTIPLE_OFFENCES = "multiple-offences"  # 다수범죄 처리기준에 따른 권고형의 범위
    FINAL = "final"  # the range the court states as its final recommended range


class GuidelineEntry(StrictModel):
    """A sentencing-guideline entry as the judgment states it (양형기준에 따른 권고형의 범위)."""

    role: GuidelineRole = GuidelineRole.OFFENCE
    offence_ko: Text | None = Field(None, description="The offence the entry is for, as stated.")
    type_ko: Text | None = Field(
        None, description="Guideline type, e.g. '디지털 성범죄 > 허위영상물 등 제작·반포 > 제1유형'."
    )
    tier_ko: Text | None = Field(None, description="Tier (영역), e.g. '기본영역', '감경영역', '가중영역'.")
    factors_ko: Text | None = Field(None, description="Special factors named (특별양형인자), as stated.")
    recommended: RangeMonths | None = Field(None, description="Recommended range in months, as stated.")
    as_stated_ko: Text = Field(description="The judgment's words for this entry.")
    sources: Sources


class SentencingFacts(StrictModel):
    """Facts courts weigh, per defendant per decision; omit a fact no source states."""

    prior_record: PriorRecordFact | None = None
    relationship: RelationshipFact | None = Field(None, description="The defendant's relationship to the victims.")
    victims: NumberFact | None = Field(None, description="Number of victims in the counts decided.")
    minor_victims: NumberFact | None = Field(None, description="How many of them were minors (children or youth).")
    items_made: NumberFact | None = Field(None, description="Items (videos, images) made or edited.")
    items_distributed: NumberFact | None = Field(None, description="Items distributed.")
    items_possessed: NumberFact | None = Field(None, description="Items possessed, bought, stored or viewed.")
    for_profit: BoolFact | None = Field(None, description="Made or sold for money (영리 목적).")
    settlement: BoolFact | None = Field(None, description="Agreement with victims (합의).")
    no_punishment_wish: BoolFact | None = Field(
        None, description="Victims said they did not want punishment (처벌불원)."
    )
    deposit: BoolFact | None = Field(None, description="Money deposited for victims (공탁).")
    deposit_krw: int | None = Field(None, ge=1, description="Amount deposited, where stated; cite it in `deposit`.")
    confession: BoolFact | None = Field(None, description="Admitted the offences (자백, 범행 인정).")
    detained: BoolFact | None = Field(None, description="In custody before this judgment (구속 기소, 구속 상태).")


class AppealFiled(StrictModel):
    by: Literal["prosecution", "defendant"]
    on: PartialDate | None = None
    sources: Sources


class DefendantOutcome(StrictModel):
    defendant: Slug
    disposition: Disposition
    appeal_result: AppealResult | None = Field(
        None, description="At an appeal or the Supreme Court: what became of the appeal."
    )
    counts: list[CountRef] = Field(default_factory=list)
    sentence: Sentence | None = Field(None, description="The sentence in force after this decision.")
    ancillary: Ancillary | None = None
    prosecution_request: Sentence | None = Field(None, description="What the prosecution asked for (구형).")
    prosecution_request_sources: list[Citation] = Field(
        default_factory=list, description="Citations for the prosecution's request, where `sources` do not state it."
    )
    facts: SentencingFacts | None = Field(None, description="Facts the court weighed, each with its source.")
    statutory_range: StatutoryRange | None = Field(
        None, description="법률상 처단형의 범위 as the judgment states it (judgment sources only)."
    )
    guidelines: list[GuidelineEntry] = Field(
        default_factory=list, description="Sentencing-guideline entries as the judgment states them."
    )
    reasons_en: Text | None = Field(None, description="Reasons the court gave, as reported.")
    appeals_filed: list[AppealFiled] = Field(default_factory=list, description="Appeals lodged against this decision.")
    sources: Sources


class Proceeding(StrictModel):
    id: Slug
    level: Level
    court_ko: Text | None = Field(None, description="Court as named in Korean; omit if no source names it.")
    court_en: Text | None = None
    division_ko: Text | None = Field(None, description="Division, e.g. 형사합의31부.")
    division_en: Text | None = None
    presiding_judge_en: Text | None = None
    judges_en: list[Text] = Field(
        default_factory=list, description="Judges named in reports, presiding judge first if known."
    )
    decided: PartialDate | None = Field(None, description="Decision date, as precise as the sources allow.")
    decided_note_en: Text | None = Field(None, description="How a partial or inferred date was worked out.")
    decided_by: Date | None = Field(
        None,
        description="The latest day the decision can have been made, when `decided` is partial: e.g. the "
        "date of a report saying 'sentenced on the 18th' without a month.",
    )
    indicted: PartialDate | None = Field(
        None, description="Indictment date (first instance), where reported: sentencing guidelines apply by it."
    )
    case_number: str | None = Field(
        None, pattern=CASE_NUMBER_PATTERN, description="Only where a source gives it, e.g. 2024도17801."
    )
    appeal_from: list[Slug] = Field(
        default_factory=list, description="Ids of the proceedings appealed from (several when appeals were merged)."
    )
    outcomes: list[DefendantOutcome] = Field(min_length=1)
    note_en: Text | None = None
    sources: Sources


class Case(StrictModel):
    id: Slug
    title_ko: Text
    title_en: Text
    aliases: list[Text] = Field(
        default_factory=list, description="Other names people use, any language or romanisation."
    )
    relevance: Literal["deepfake", "benchmark"] = Field(
        description="'deepfake' for synthetic sexual material; 'benchmark' for related cases kept for comparison."
    )
    summary_en: Text
    platforms: list[Text] = Field(
        default_factory=list, description="Platforms used, as reported, e.g. 'Telegram', 'X (Twitter)'."
    )
    offence_period: Period | None = None
    offence_period_sources: list[Citation] = Field(default_factory=list)
    reported_counts: list[ReportedCount] = Field(default_factory=list)
    minors_among_victims: BoolFact | None = Field(None, description="Omit if no source says.")
    defendants: list[Defendant] = Field(min_length=1)
    proceedings: list[Proceeding] = Field(default_factory=list)
    sources: Sources
    updated: Date
