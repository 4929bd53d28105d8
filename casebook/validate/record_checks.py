"""Record checks: rules about one record that the schema alone cannot express.

Codes: E201–E219. Each function is named for the rule it enforces.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from casebook.models.case import APPELLATE_LEVELS, Disposition, Level
from casebook.models.common import SLUG_RE
from casebook.models.statute import ParagraphKind, VersionStatus
from casebook.validate.registry import RecordContext, raw_check, record_check

MAX_TERM_MONTHS = 50 * 12  # Criminal Act Art. 42: aggravated fixed terms stop at 50 years
SUSPENDABLE_MONTHS = 36  # Criminal Act Art. 62(1): only a term of 3 years or less may be suspended


@raw_check
def id_matches_file_name(ctx: RecordContext):
    """E201/E202: `id` is a safe slug and equals the file name without .yaml."""
    data = ctx.record.loaded.data
    stem = ctx.record.stem
    if "id" not in data:
        yield ctx.error((), "E201", "record has no `id`", f"add `id: {stem}` as the first line")
        return
    value = data["id"]
    if not isinstance(value, str) or not SLUG_RE.match(value):
        return  # the schema reports the malformed id (E202)
    if value != stem:
        yield ctx.error(
            ("id",),
            "E201",
            f"id '{value}' does not match the file name '{ctx.record.file.name}'",
            f"rename the file to {value}.yaml, or set `id: {stem}`",
        )
    if not SLUG_RE.match(stem):
        yield ctx.error(
            (),
            "E202",
            f"file name '{ctx.record.file.name}' is not a valid id",
            "file names are lowercase letters, digits and single hyphens, ending in .yaml",
        )


def _duplicates(values):
    counts = Counter(values)
    return {v for v, n in counts.items() if n > 1}


@record_check("statute")
def versions_ordered_and_unique(ctx: RecordContext):
    """E203/E204: versions have unique ids and strictly increasing effective dates."""
    versions = ctx.model.versions
    for i, version in enumerate(versions):
        if version.effective is None and version.known_in_force_on is None:
            yield ctx.error(
                ("versions", i),
                "E207",
                f"version '{version.id}' has neither `effective` nor `known_in_force_on`",
                "give the effective date from the addenda (부칙), or the date a source shows the text in force",
            )
            continue
        if version.effective is None and i > 0:
            yield ctx.error(
                ("versions", i, "known_in_force_on"),
                "E207",
                f"only the first version may have an unknown effective date ('{version.id}' is not the first)",
                "find the effective date in the amending act's addenda (부칙)",
            )
        if i and version.starts <= versions[i - 1].starts:
            yield ctx.error(
                ("versions", i, "effective"),
                "E203",
                f"version '{version.id}' takes effect on {version.starts}, not after the version before it "
                f"('{versions[i - 1].id}', {versions[i - 1].starts})",
                "list versions oldest first; two versions cannot take effect on the same day",
            )
        for k, act in enumerate(version.amending_acts):
            if act.promulgated and version.effective and act.promulgated > version.effective:
                yield ctx.error(
                    ("versions", i, "amending_acts", k, "promulgated"),
                    "E205",
                    f"act {act.number} is promulgated ({act.promulgated}) after version '{version.id}' takes effect ({version.effective})",
                    "check both dates against the act's addenda (부칙)",
                )
    dupes = _duplicates(v.id for v in versions)
    for i, version in enumerate(versions):
        if version.id in dupes:
            yield ctx.error(
                ("versions", i, "id"),
                "E204",
                f"version id '{version.id}' is used twice",
                "give each version its own id",
            )


@record_check("statute")
def version_status_matches_dates(ctx: RecordContext):
    """E206: status agrees with the dates (one in force; later ones prospective; earlier superseded)."""
    versions = ctx.model.versions
    today = ctx.today
    for i, version in enumerate(versions):
        later_started = any(v.starts <= today for v in versions[i + 1 :])
        if version.status is VersionStatus.REPEALED:
            expected = VersionStatus.REPEALED if version.repealed else None
            if version.repealed is None:
                yield ctx.error(
                    ("versions", i, "status"),
                    "E206",
                    f"version '{version.id}' is 'repealed' but has no `repealed` date",
                    "add `repealed: YYYY-MM-DD`",
                )
            continue
        if version.repealed is not None:
            yield ctx.error(
                ("versions", i, "repealed"),
                "E206",
                f"version '{version.id}' has a repeal date but status '{version.status.value}'",
                "set `status: repealed`, or remove the date",
            )
            continue
        if version.starts > today:
            expected = VersionStatus.PROSPECTIVE
        elif later_started:
            expected = VersionStatus.SUPERSEDED
        else:
            expected = VersionStatus.IN_FORCE
        if version.status is not expected:
            yield ctx.error(
                ("versions", i, "status"),
                "E206",
                f"version '{version.id}' (effective {version.effective or 'unknown'}) should have status '{expected.value}', not '{version.status.value}'",
                "a version is in force from its effective date until the next version takes effect",
            )


@record_check("statute")
def paragraphs_complete(ctx: RecordContext):
    """E204/E207/E208/E210: paragraphs are unique, offences carry conducts, class and a sane penalty."""
    for i, version in enumerate(ctx.model.versions):
        keys = [(p.number, p.item) for p in version.paragraphs]
        dupes = _duplicates(keys)
        numbers = {p.number for p in version.paragraphs}
        for j, para in enumerate(version.paragraphs):
            base = ("versions", i, "paragraphs", j)
            label = f"version '{version.id}' paragraph {para.number}" + (f" item {para.item}" if para.item else "")
            if (para.number, para.item) in dupes:
                yield ctx.error((*base, "number"), "E204", f"{label} is listed twice", "merge the two entries")
            if (para.text_ko is None) != (para.text_status == "not-retrieved"):
                yield ctx.error(
                    (*base, "text_status"),
                    "E207",
                    f"{label}: text_status '{para.text_status}' does not match whether text_ko is given",
                    "use 'not-retrieved' exactly when there is no text_ko",
                )
            if para.kind is ParagraphKind.OFFENCE:
                for key, present in (
                    ("conducts", para.conducts),
                    ("materials", para.materials),
                    ("protects", para.protects),
                    ("penalty", para.penalty),
                ):
                    if not present:
                        yield ctx.error(
                            base,
                            "E207",
                            f"{label} is an offence but has no `{key}`",
                            f"add `{key}:` (see schemas/statute.schema.json)",
                        )
            if para.kind is ParagraphKind.AGGRAVATION:
                if not para.aggravates:
                    yield ctx.error(
                        base,
                        "E207",
                        f"{label} is an aggravation but names no paragraphs in `aggravates`",
                        "list the paragraph numbers it aggravates",
                    )
                for k, target in enumerate(para.aggravates):
                    if target not in numbers:
                        yield ctx.error(
                            (*base, "aggravates", k),
                            "E210",
                            f"{label} aggravates paragraph {target}, which this version does not have",
                            f"paragraphs in this version: {', '.join(map(str, sorted(numbers)))}",
                        )
            if para.penalty is not None:
                yield from _penalty_sane(ctx, (*base, "penalty"), label, para.penalty)


def _penalty_sane(ctx: RecordContext, path: tuple, label: str, penalty):
    prison = penalty.imprisonment
    if prison is not None:
        low, high = prison.min_months, prison.max_months
        if low is not None and high is not None and low > high:
            yield ctx.error(
                (*path, "imprisonment"),
                "E208",
                f"{label}: minimum {low:g} months is above maximum {high:g} months",
                "check the statute text (이상 = minimum, 이하 = maximum)",
            )
        for key, value in (("min_months", low), ("max_months", high)):
            if value is not None and value > MAX_TERM_MONTHS:
                yield ctx.error(
                    (*path, "imprisonment", key),
                    "E208",
                    f"{label}: {value:g} months is beyond the 50-year ceiling of Criminal Act Art. 42",
                    "terms are written in months: 7 years = 84",
                )
    has_prison = prison is not None
    has_fine = penalty.fine_max_krw is not None
    expected = {
        "prison-only": (True, False),
        "fine-only": (False, True),
        "alternative": (True, True),
        "cumulative": (True, True),
    }
    if expected[penalty.combination] != (has_prison, has_fine):
        yield ctx.error(
            (*path, "combination"),
            "E208",
            f"{label}: combination '{penalty.combination}' does not fit "
            + (
                "imprisonment and a fine"
                if has_prison and has_fine
                else "imprisonment only"
                if has_prison
                else "a fine only"
                if has_fine
                else "no penalty"
            ),
            "prison-only, fine-only, or alternative/cumulative when both are given",
        )


@record_check("case")
def case_ids_unique(ctx: RecordContext):
    """E204: defendant and proceeding ids are unique within the case."""
    case = ctx.model
    for key, items in (("defendants", case.defendants), ("proceedings", case.proceedings)):
        dupes = _duplicates(item.id for item in items)
        for i, item in enumerate(items):
            if item.id in dupes:
                yield ctx.error(
                    (key, i, "id"), "E204", f"{key[:-1]} id '{item.id}' is used twice", "give each its own id"
                )


@record_check("case")
def case_references_resolve(ctx: RecordContext):
    """E301: defendants and lower proceedings named inside a case exist."""
    case = ctx.model
    defendants = {d.id for d in case.defendants}
    proceedings = {p.id for p in case.proceedings}
    valid_d = ", ".join(sorted(defendants))
    for i, count in enumerate(case.reported_counts):
        for k, ref in enumerate(count.defendants):
            if ref not in defendants:
                yield ctx.error(
                    ("reported_counts", i, "defendants", k),
                    "E301",
                    f"unknown defendant '{ref}'",
                    f"defendants in this case: {valid_d}",
                )
    for i, proc in enumerate(case.proceedings):
        for k, ref in enumerate(proc.appeal_from):
            if ref not in proceedings or ref == proc.id:
                yield ctx.error(
                    ("proceedings", i, "appeal_from", k),
                    "E301",
                    f"unknown lower proceeding '{ref}'",
                    f"proceedings in this case: {', '.join(sorted(proceedings - {proc.id}))}",
                )
        for j, outcome in enumerate(proc.outcomes):
            if outcome.defendant not in defendants:
                yield ctx.error(
                    ("proceedings", i, "outcomes", j, "defendant"),
                    "E301",
                    f"unknown defendant '{outcome.defendant}'",
                    f"defendants in this case: {valid_d}",
                )


@record_check("case")
def proceedings_form_a_chain(ctx: RecordContext):
    """E209: appeals name the decision appealed from; first instances do not; results fit the level."""
    for i, proc in enumerate(ctx.model.proceedings):
        if proc.level in APPELLATE_LEVELS and not proc.appeal_from:
            yield ctx.error(
                ("proceedings", i, "level"),
                "E209",
                f"proceeding '{proc.id}' is at level '{proc.level.value}' but has no `appeal_from`",
                "name the id of the decision appealed from",
            )
        if proc.level is Level.FIRST_INSTANCE and proc.appeal_from:
            yield ctx.error(
                ("proceedings", i, "appeal_from"),
                "E209",
                f"first-instance proceeding '{proc.id}' cannot appeal from another",
                "remove `appeal_from`, or set the right `level`",
            )
        for j, outcome in enumerate(proc.outcomes):
            if outcome.appeal_result is not None and proc.level not in APPELLATE_LEVELS:
                yield ctx.error(
                    ("proceedings", i, "outcomes", j, "appeal_result"),
                    "E209",
                    f"'{proc.id}' is not an appeal, so it has no appeal_result",
                    "remove `appeal_result`",
                )


@record_check("case")
def dates_in_order(ctx: RecordContext):
    """E205: offence period runs forwards, precedes each decision, and each appeal follows its lower court."""
    case = ctx.model
    period = case.offence_period
    if period and period.to and period.from_.earliest() > period.to.latest():
        yield ctx.error(
            ("offence_period", "to"),
            "E205",
            f"offence period ends ({period.to}) before it starts ({period.from_})",
            "swap or correct the dates",
        )
    by_id = {p.id: p for p in case.proceedings}
    for i, proc in enumerate(case.proceedings):
        if proc.decided is None:
            continue
        if period and proc.decided.latest() < period.from_.earliest():
            yield ctx.error(
                ("proceedings", i, "decided"),
                "E205",
                f"'{proc.id}' is decided ({proc.decided}) before the offences began ({period.from_})",
                "check the decision date and the offence period",
            )
        for ref in proc.appeal_from:
            lower = by_id.get(ref)
            if lower is None or lower.decided is None:
                continue
            if proc.decided.latest() <= lower.decided.earliest():
                yield ctx.error(
                    ("proceedings", i, "decided"),
                    "E205",
                    f"'{proc.id}' ({proc.decided}) is not after the decision it appeals, '{lower.id}' ({lower.decided})",
                    "an appeal is decided after the decision below it",
                )


@record_check("case")
def sentences_consistent(ctx: RecordContext):
    """E211/E212: the disposition matches the sentence, and a suspended term is legally suspendable."""
    for i, proc in enumerate(ctx.model.proceedings):
        for j, outcome in enumerate(proc.outcomes):
            base = ("proceedings", i, "outcomes", j)
            sentence = outcome.sentence
            if outcome.disposition is Disposition.SENTENCED and sentence is None:
                yield ctx.error(
                    (*base, "disposition"),
                    "E211",
                    f"'{outcome.defendant}' is 'sentenced' at '{proc.id}' but no sentence is given",
                    "add `sentence:`, or use disposition 'not-reported' if no source states it",
                )
            if (
                outcome.disposition in (Disposition.ACQUITTED, Disposition.PROSECUTION_DISMISSED, Disposition.REMANDED)
                and sentence is not None
            ):
                yield ctx.error(
                    (*base, "sentence"),
                    "E211",
                    f"'{outcome.defendant}' is '{outcome.disposition.value}' at '{proc.id}' but has a sentence",
                    "remove the sentence or correct the disposition",
                )
            for key in ("sentence", "prosecution_request"):
                value = getattr(outcome, key)
                if value is not None:
                    yield from _sentence_shape(ctx, (*base, key), value)


def _sentence_shape(ctx: RecordContext, path: tuple, sentence):
    kinds = [sentence.imprisonment_months is not None, sentence.life_imprisonment, sentence.indeterminate is not None]
    if sum(kinds) > 1:
        yield ctx.error(
            path,
            "E211",
            "a sentence has only one of imprisonment_months, life_imprisonment and indeterminate",
            "keep the one the court imposed",
        )
    if not any(kinds) and sentence.fine_krw is None and sentence.protective_disposition_ko is None:
        yield ctx.error(
            path,
            "E211",
            "the sentence states no penalty",
            "give imprisonment_months, life_imprisonment, indeterminate, fine_krw or protective_disposition_ko",
        )
    if sentence.suspended is not None:
        if sentence.imprisonment_months is None:
            yield ctx.error(
                (*path, "suspended"),
                "E212",
                "a suspension needs the suspended term in imprisonment_months",
                "add imprisonment_months",
            )
        elif sentence.imprisonment_months > SUSPENDABLE_MONTHS:
            yield ctx.error(
                (*path, "suspended"),
                "E212",
                f"a term of {sentence.imprisonment_months:g} months cannot be suspended",
                "Criminal Act Art. 62(1) allows suspension only of a term of 3 years (36 months) or less",
            )
    if sentence.indeterminate is not None and sentence.indeterminate.short_months > sentence.indeterminate.long_months:
        yield ctx.error(
            (*path, "indeterminate"),
            "E211",
            "the short term (단기) is longer than the long term (장기)",
            "swap the two terms",
        )


@record_check("case")
def disclosed_names_are_sourced(ctx: RecordContext):
    """E248: a defendant named in full must cite the official disclosure."""
    for i, defendant in enumerate(ctx.model.defendants):
        if defendant.name_officially_disclosed and not defendant.disclosure_sources:
            yield ctx.error(
                ("defendants", i, "name_officially_disclosed"),
                "E248",
                f"defendant '{defendant.id}' is marked as officially disclosed without a source",
                "cite the report of the official disclosure (신상공개) in disclosure_sources",
            )


@record_check("figure")
def figure_conflicts_marked(ctx: RecordContext):
    """E230/E205: observations run forwards; differing values for one period are marked as conflicts."""
    seen: dict[tuple, list[int]] = {}
    for i, obs in enumerate(ctx.model.observations):
        p = obs.period
        if p.to and p.from_.earliest() > p.to.latest():
            yield ctx.error(
                ("observations", i, "period", "to"),
                "E205",
                f"period ends ({p.to}) before it starts ({p.from_})",
                "correct the dates",
            )
        seen.setdefault((str(p.from_), str(p.to)), []).append(i)
    for (start, end), indices in seen.items():
        values = {ctx.model.observations[i].value for i in indices}
        if len(values) < 2:
            continue
        for i in indices:
            if ctx.model.observations[i].conflict_en is None:
                yield ctx.error(
                    ("observations", i, "value"),
                    "E230",
                    f"the period {start}–{end} has different values ({', '.join(f'{v:g}' for v in sorted(values))}) and this one is not marked as a conflict",
                    "keep both and explain the disagreement in `conflict_en` on each",
                )


@record_check("guideline")
def guideline_tiers_sane(ctx: RecordContext):
    """E208: a guideline tier's minimum is not above its maximum."""
    for i, crime in enumerate(ctx.model.crime_types):
        for j, tier in enumerate(crime.tiers):
            if tier.min_months is not None and tier.max_months is not None and tier.min_months > tier.max_months:
                yield ctx.error(
                    ("crime_types", i, "tiers", j),
                    "E208",
                    f"tier '{tier.name}' of '{crime.id}' has minimum above maximum",
                    "check the months",
                )


# Ages as the press gives them: "(40)", "(20s)" / "(20대)", "(teen)" / "(10대)".
_AGE_EN = r"(?: \((?:\d{1,3}|\d0s|teen|minor)\))?"
_AGE_KO = r"(?:\s*\((?:\d{1,3}|\d0대|미성년)\))?"
_ANON_KO = re.compile(rf"^(?:\d0대\s*)?(?:[가-힣]모|[A-Z]|[가-힣])\s*(?:씨|군|양)?{_AGE_KO}(?:씨|군|양)?$")
_ANON_EN = re.compile(
    rf"^(?:[A-Z][a-z]{{0,9}}|[A-Z]){_AGE_EN}$|^(?:Defendant|Accomplice|Operator|Manager|Member|Minor|Student|Soldier) [A-Z0-9]{_AGE_EN}$"
)


@record_check("case")
def defendants_anonymised(ctx: RecordContext):
    """E249: defendants appear by anonymised label unless the state disclosed the name."""
    for i, defendant in enumerate(ctx.model.defendants):
        if defendant.name_officially_disclosed:
            continue
        if not _ANON_EN.match(defendant.label_en):
            yield ctx.error(
                ("defendants", i, "label_en"),
                "E249",
                f"label '{defendant.label_en}' looks like more than an anonymised label",
                "use the press' label: a surname and the reported age, e.g. 'Park (40)', or 'A'",
            )
        if defendant.label_ko and not _ANON_KO.match(defendant.label_ko):
            yield ctx.error(
                ("defendants", i, "label_ko"),
                "E249",
                f"label '{defendant.label_ko}' looks like a full name",
                "use the press' label, e.g. '박모(40)' or 'A씨'",
            )


@functools.cache
def _shape(model) -> tuple[dict[str, int], dict[str, type]]:
    """The model's key order, and the model of each nested key (computed once per model)."""
    from casebook.models.introspect import keys_of, nested_model

    order = {key: index for index, key in enumerate(keys_of(model))}
    nested = {}
    for name, field in model.model_fields.items():
        inner = nested_model(field.annotation)
        if inner is not None:
            nested[field.alias or name] = inner
    return order, nested


def _order_problems(data, model, path=()):
    """Paths whose keys are not in the model's order (the order `validate --fix` writes)."""
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from _order_problems(item, model, (*path, i))
        return
    if not isinstance(data, dict) or model is None:
        return
    order, nested = _shape(model)
    positions = [order[k] for k in data if k in order]
    if positions != sorted(positions):
        yield path
        return
    for key, inner in nested.items():
        if key in data:
            yield from _order_problems(data[key], inner, (*path, key))


@record_check("statute", "case", "source", "figure", "guideline")
def keys_in_canonical_order(ctx: RecordContext):
    """W305: keys follow the schema's order (id first), so diffs stay small and files alike."""
    for path in _order_problems(ctx.record.loaded.data, ctx.record.kind.model):
        where = ".".join(str(p) for p in path) or "the top level"
        yield ctx.warning(
            path,
            "W305",
            f"keys at {where} are not in the usual order",
            "run `python build_site.py validate --fix` to reorder them (values are never changed)",
        )
        return  # one warning per file is enough: --fix reorders everything


@record_check("statute", "case", "source", "figure", "guideline")
def updated_is_not_in_the_future(ctx: RecordContext):
    """E214: `updated` is a day that has come (the feed and "Recently changed" sort by it)."""
    updated = ctx.model.updated
    if updated > ctx.today:
        yield ctx.error(
            ("updated",),
            "E214",
            f"updated {updated.isoformat()} is after today ({ctx.today.isoformat()})",
            f"write the day of your change: updated: {ctx.today.isoformat()}",
        )


@raw_check
def no_placeholders_left(ctx: RecordContext):
    """E250: no TODO placeholder from `build_site.py new` is left in a record."""

    for path, text in ctx.strings:
        if text.strip() != "TODO":
            continue
        where = ".".join(str(p) for p in path)
        yield ctx.error(
            path,
            "E250",
            f"{where} is still the placeholder TODO",
            "fill in the value from your source, or delete the line if it is optional",
        )


@record_check("source")
def judgments_identify_themselves(ctx: RecordContext):
    """E213: a judgment source names its court, case number and date, and is strength A."""
    source = ctx.model
    if source.kind.value == "judgment":
        if source.judgment is None:
            yield ctx.error(
                ("kind",),
                "E213",
                "a judgment source has no `judgment:` block",
                "add judgment: {court_ko: …, case_number: …, decided: YYYY-MM-DD, prec_seq: …} from its header",
            )
        if source.strength != "A":
            yield ctx.error(
                ("strength",),
                "E213",
                f"a judgment is the primary text: strength must be A, not {source.strength}",
                "write strength: A",
            )
        if source.url is None:
            yield ctx.error(
                ("kind",),
                "E213",
                "a judgment source has no `url`",
                "cite where the text can be read, e.g. the law.go.kr address in its front matter (출처)",
            )
    elif source.judgment is not None:
        yield ctx.error(
            ("judgment",),
            "E213",
            f"only a source of kind 'judgment' carries a `judgment:` block (this one is '{source.kind.value}')",
            "write kind: judgment, or remove the block",
        )
