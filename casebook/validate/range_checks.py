"""Range checks: a decision's stated statutory range (처단형) against the range engine.

Code W306. For every outcome whose record has `statutory_range` (the judgment's own words),
the engine's range for the recorded counts must equal it; a difference is a warning naming
both ranges and the step that differs (casebook.stated_ranges). Outcomes whose counts the
engine cannot take (no offence dates, attempts, fine-only counts) are not warned about.
"""

from __future__ import annotations

import datetime as dt

from casebook.corpus import Corpus
from casebook.diagnostics import warning
from casebook.validate.registry import corpus_check


@corpus_check
def stated_ranges_agree_with_the_engine(corpus: Corpus, today: dt.date):
    """W306: a judgment's stated statutory range (처단형) equals the engine's for the recorded counts."""
    from casebook.stated_ranges import compare  # local: the engine imports the law modules

    statutes = {k: r.model for k, r in corpus.by_id("statute").items()}
    for record in corpus.typed("case"):
        case = record.model
        for i, proc in enumerate(case.proceedings):
            for j, outcome in enumerate(proc.outcomes):
                if outcome.statutory_range is None:
                    continue
                result = compare(case, outcome, statutes)
                if result.status != "differs":
                    continue
                path = ("proceedings", i, "outcomes", j, "statutory_range")
                yield warning(
                    record.display,
                    *record.loaded.source_map.locate(path),
                    "W306",
                    result.detail,
                    "check the counts (one per crime, as the judgment's 법령의 적용 lists them, each with its "
                    "offence dates) and record `discretionary_mitigation` / `repeat_offence` as the judgment states them",
                )
