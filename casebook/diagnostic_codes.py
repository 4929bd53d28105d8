"""The catalogue of diagnostic codes: what each code means, how to fix it, and an example.

Every code a check emits is listed here exactly once, with one rule (`tests/test_diagnostic_codes.py`
fails on a code used but not listed, listed but never used, or listed twice). `validate
--list-checks` prints the table and the site's "Diagnostics" page is rendered from it.

Ranges: E0xx reading the file, E1xx the schema, E2xx one record's rules (E24x–E25x privacy
and hostile text), E3xx rules across records, W warnings, E999 a bug in a check.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    rule: str
    hint: str
    example: str


CODES: dict[str, Code] = {
    # Reading the file (loader.py, discovery.py)
    "E001": Code("The file can be read and is UTF-8.", "re-save the file as UTF-8", "a file saved as EUC-KR"),
    "E002": Code(
        "The file is valid YAML, indented with spaces.", "fix the syntax the message points at", "a tab before a key"
    ),
    "E003": Code("Keys are plain text and written once per mapping.", "merge the two entries", "`title_en:` twice"),
    "E004": Code("No YAML tags.", "remove the '!' tag", "`!!python/object:os.system`"),
    "E005": Code("No anchors, aliases or merge keys.", "write the value out in full", "`<<: *base`"),
    "E006": Code("A record file is at most 1 MB.", "split the record", "a pasted judgment"),
    "E007": Code("No NUL bytes.", "re-save the file as text", "a binary file named .yaml"),
    "E008": Code("Nesting is at most a few dozen levels.", "flatten the structure", "30,000 `[` in a row"),
    "E009": Code("A record is a non-empty mapping.", "start the file with `id:`", "an empty file or a list"),
    "E010": Code("Record files end in .yaml (lowercase).", "rename the file", "`snu.yml`, `SNU.YAML`"),
    "E011": Code(
        "A record is a real file inside the repository.", "replace the link with the file", "a symlink to /etc"
    ),
    "E012": Code("Record file names do not start with '.'.", "rename the file to its id", "`.hidden.yaml`"),
    "E013": Code(
        "A record is a plain file: no FIFO, device, socket, folder or link to one.",
        "replace it with the record itself",
        "a FIFO named x.yaml",
    ),
    "E014": Code("Record file names have no spaces or dots around them.", "rename it to its id", "`snu .yaml`"),
    "E015": Code(
        "Numbers are written as a reader reads them.",
        "write plain decimal digits, or quote a code",
        "`060` (read as 48), `1:20` (read as 80)",
    ),
    "E016": Code(
        "True and false are written as true and false.",
        "write true or false; quote 'yes' if you mean the word",
        "`minor: yes`",
    ),
    # The schema (validate/schema.py)
    "E101": Code("Only the keys the schema defines.", "check the spelling; see schemas/", "`verdict:` in a case"),
    "E102": Code("Every required key is present.", "add the key", "a source without `publisher`"),
    "E103": Code("Each value has the schema's type and shape.", "write the value as the hint says", "`age: forty`"),
    "E104": Code(
        "Values from a vocabulary are one of its terms.", "use one of the listed values", "`relevance: deep-fake`"
    ),
    "E105": Code("Dates are real dates, written YYYY[-MM[-DD]].", "write 2024-10-16, or 2024-10", "`2024-02-30`"),
    # One record (validate/record_checks.py)
    "E201": Code(
        "A record has an `id` equal to its file name.", "rename the file or the id", "`id: other` in snu.yaml"
    ),
    "E202": Code("Ids are lowercase slugs.", "use letters, digits and single hyphens", "`Bad Id`"),
    "E203": Code("Statute versions take effect in order.", "list versions oldest first", "2024 before 2020"),
    "E204": Code("Ids and numbers are unique within a record.", "give each its own id", "two proceedings `appeal`"),
    "E205": Code("Dates run forwards.", "check both dates", "an appeal decided before the first instance"),
    "E206": Code(
        "A version's status agrees with its dates.", "set the status the dates imply", "an old version `in-force`"
    ),
    "E207": Code(
        "A statute version or paragraph has what its kind needs.",
        "add the missing part",
        "an offence without `conducts`",
    ),
    "E208": Code("Penalties and tiers are sane.", "check the statute text (이상/이하)", "a minimum above the maximum"),
    "E209": Code(
        "Proceedings form a chain of instances.", "name the decision appealed from", "an appeal without `appeal_from`"
    ),
    "E210": Code("An aggravation names paragraphs of its own version.", "list existing paragraphs", "aggravates ¶9"),
    "E211": Code(
        "The disposition and the sentence agree.",
        "give the sentence or fix the disposition",
        "`sentenced` without a sentence",
    ),
    "E212": Code(
        "A suspended term is one the law lets a court suspend.",
        "at most 3 years (Criminal Act Art. 62)",
        "5 years suspended",
    ),
    "E213": Code(
        "A judgment source names its court, number and date, is strength A and has a URL.",
        "copy them from the judgment's header",
        "`kind: judgment` without `judgment:`",
    ),
    "E214": Code("`updated` is not after today.", "write the day of the change", "`updated: 2026-12-03` on 2 December"),
    "E230": Code(
        "Different values for one period are marked as conflicts.", "explain each in `conflict_en`", "two 2024 totals"
    ),
    # Privacy and hostile text (validate/privacy.py, record_checks.py)
    "E240": Code("No resident registration numbers.", "remove it", "900101-1234567"),
    "E241": Code("No phone numbers.", "remove it", "010-1234-5678"),
    "E242": Code("No e-mail addresses.", "remove it", "name@example.com"),
    "E243": Code("No links to chat rooms or invites.", "cite a report about the room instead", "t.me/…"),
    "E244": Code("No links to image or file hosts.", "cite a news report or court record", "imgur.com/…"),
    "E245": Code("No home addresses.", "give at most the city or court", "…로 152, 101동 1203호"),
    "E246": Code("Victims are never named.", "write 'a victim' or 'victim A'", "피해자 김OO"),
    "E247": Code("No school together with a personal name.", "leave the school or the name out", "○○고 김OO"),
    "E248": Code(
        "A full name cites the state's official disclosure.",
        "cite it in `disclosure_sources`",
        "a named defendant without a source",
    ),
    "E249": Code(
        "Defendants appear by anonymised label.", "use the press' label, e.g. 'Park (40)'", "a full name as label"
    ),
    "E250": Code("No TODO placeholder is left.", "fill it in, or delete the optional line", "`court_en: TODO`"),
    "E251": Code(
        "No invisible direction, zero-width, soft-hyphen or filler characters.",
        "delete the character",
        "U+202E in a title",
    ),
    "E253": Code(
        "A source address shows where it leads.",
        "copy the address as the browser's address bar shows it",
        "https://t%2Eme/…",
    ),
    "E252": Code(
        "No value longer than 20,000 characters.", "summarise; long texts belong in the source", "a pasted article"
    ),
    # Across records (validate/corpus_checks.py)
    "E301": Code(
        "References resolve: sources, statutes, versions, paragraphs, defendants, proceedings.",
        "use one of the listed ids",
        "cites `news-x`, which does not exist",
    ),
    "E302": Code("No two records of one kind share an id.", "rename one", "two files with `id: snu`"),
    "E303": Code(
        "A count cites a version in force during the offences.",
        "cite the version then in force (Criminal Act Art. 1)",
        "the 2024 version for a 2022 offence",
    ),
    "E304": Code(
        "Articles of one act agree on the act's titles.", "make the titles match", "two short titles for one act"
    ),
    "E305": Code(
        "A decision that cites its own judgment takes its case number and date.",
        "copy them from the judgment",
        "decided 2024-05-22, judgment says 05-23",
    ),
    "E306": Code(
        "A stated range or guideline entry cites a judgment.",
        "cite the judgment with its words",
        "`statutory_range` citing a news report",
    ),
    # Warnings
    "W001": Code("No byte-order mark.", "`validate --fix` removes it", "a file saved by Notepad"),
    "W002": Code("Hangul in composed form (NFC).", "`validate --fix` composes it", "decomposed 한글 from macOS"),
    "W301": Code(
        "Offences spanning several versions say which one applied.",
        "pin `version:` or say why in `version_not_reported_en`",
        "2020–2025 offences, no version",
    ),
    "W302": Code(
        "Two cases that look like the same matter.", "merge them, or make the titles tell them apart", "two SNU files"
    ),
    "W303": Code("Every source is cited.", "cite it or remove it", "a source no record uses"),
    "W304": Code(
        "A term within the lawful range of its counts.",
        "check the sentence and the counts",
        "12 years for one 5-year count",
    ),
    "W306": Code(
        "A judgment's stated statutory range equals the engine's for the recorded counts.",
        "check the counts (one per crime, each with its dates) and record discretionary_mitigation / repeat_offence",
        "징역 1년∼42년 stated, 1–35 years computed",
    ),
    "W305": Code("Keys in the schema's order.", "`validate --fix` reorders them", "`sources:` before `id:`"),
    # A bug in Casebook, never in the data
    "E999": Code("A check failed with an internal error.", "report it; the other checks still ran", "—"),
}


def code_table() -> list[tuple[str, Code]]:
    return sorted(CODES.items())
