"""The case record: one matter, its defendants and the chain of proceedings.

A proceeding is one decision at one instance; per defendant it records the counts
(each citing a statute paragraph), the disposition, the sentence and ancillary orders.
Every outcome cites its sources; nothing a source does not state is filled in.
"""

from __future__ import annotations

import enum
from typing import Literal

from pydantic import Field

from casebook.models.common import Citation, Date, PartialDate, Period, Slug, Sources, StrictModel, Text

CASE_NUMBER_PATTERN = r"^[0-9]{4}[가-힣]{1,4}[0-9]{1,7}$"

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
    age: int = Field(ge=10, le=120)
    when_en: Text = Field(description="When the age was reported, e.g. 'at the first-instance sentence'.")
    sources: Sources


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
    note_en: Text | None = None


class Suspension(StrictModel):
    period_months: Months = Field(ge=12, le=60, description="Suspension period (집행유예 기간), 1–5 years.")
    probation: bool | None = Field(None, description="Probation (보호관찰) ordered; omit if not reported.")
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
    forfeiture_krw: int | None = Field(None, ge=1, description="몰수 amount.")
    collection_krw: int | None = Field(None, ge=1, description="추징 amount.")
    detained_in_court: bool | None = Field(None, description="법정구속.")
    note_en: Text | None = None


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


class BoolFact(StrictModel):
    value: bool
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
    platforms: list[Text] = Field(default_factory=list)
    offence_period: Period | None = None
    offence_period_sources: list[Citation] = Field(default_factory=list)
    reported_counts: list[ReportedCount] = Field(default_factory=list)
    minors_among_victims: BoolFact | None = Field(None, description="Omit if no source says.")
    defendants: list[Defendant] = Field(min_length=1)
    proceedings: list[Proceeding] = Field(default_factory=list)
    sources: Sources
    updated: Date
