"""Generate a realistic synthetic corpus for benchmarks (never written into cases/).

python bench/generate_corpus.py OUT_DIR --cases 10000

OUT_DIR gets a copy of the real statutes/, sources/ and site configuration, plus N synthetic
cases of about 2 KB each: several defendants and instances, counts citing real statute
paragraphs in the version in force on the offence dates, Korean and English text, sources.
Deterministic for a given N (seeded), so runs are comparable.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COURTS = [
    ("서울중앙지방법원", "Seoul Central District Court"),
    ("부산지방법원", "Busan District Court"),
    ("대구지방법원", "Daegu District Court"),
    ("인천지방법원", "Incheon District Court"),
    ("광주지방법원", "Gwangju District Court"),
    ("대전지방법원", "Daejeon District Court"),
    ("수원지방법원", "Suwon District Court"),
    ("제주지방법원", "Jeju District Court"),
]
HIGH = [
    ("서울고등법원", "Seoul High Court"),
    ("부산고등법원", "Busan High Court"),
    ("대구고등법원", "Daegu High Court"),
]
SURNAMES = [
    ("김", "Kim"),
    ("이", "Lee"),
    ("박", "Park"),
    ("최", "Choi"),
    ("정", "Jeong"),
    ("강", "Kang"),
    ("조", "Jo"),
    ("윤", "Yoon"),
]
WHAT = ["acquaintances", "classmates", "colleagues", "celebrities", "university alumni", "teachers", "neighbours"]


def _sentence(rng: random.Random, possession_only: bool = False) -> str:
    if possession_only:  # Art. 14-2(4): up to 3 years or KRW 30 million
        return rng.choice(
            [f"imprisonment_months: {rng.choice([6, 10, 12])}", f"fine_krw: {rng.choice([3, 5, 10])}000000"]
        )
    kind = rng.random()
    if kind < 0.45:
        months = rng.choice([6, 8, 10, 12, 18, 24, 30, 36])
        return f"imprisonment_months: {months}\n          suspended: {{period_months: {rng.choice([12, 24, 36, 48])}, probation: true}}"
    if kind < 0.85:
        return f"imprisonment_months: {rng.choice([12, 18, 24, 36, 48, 60, 72, 84])}"
    return f"fine_krw: {rng.choice([3, 5, 7, 10, 15]) * 1_000_000}"


def case_yaml(i: int, rng: random.Random) -> str:
    year = rng.choice([2021, 2022, 2023, 2025, 2026])
    start = f"{year - 1}-{rng.randint(1, 12):02d}" if year < 2025 else f"2024-{rng.randint(11, 12):02d}"
    end = f"{year - 1}-12" if year < 2025 else f"{year}-0{rng.randint(1, 3)}"
    paragraphs = "[1, 2]" if year < 2025 else rng.choice(["[1, 2]", "[4]", "[1]"])
    court_ko, court_en = rng.choice(COURTS)
    high_ko, high_en = rng.choice(HIGH)
    who = rng.choice(WHAT)
    n_def = rng.randint(1, 3)
    defendants = []
    outcomes1, outcomes2 = [], []
    for d in range(n_def):
        ko, en = rng.choice(SURNAMES)
        age = rng.randint(16, 55)
        did = f"{en.lower()}-{age}-{d}"
        defendants.append(
            f"  - id: {did}\n    label_en: {en} ({age})\n    label_ko: {ko}모({age})\n    role_en: Defendant who made and shared deepfakes of {who}.\n"
            f"    ages:\n      - age: {age}\n        when_en: at the first-instance sentence\n        sources:\n          - source: bench-source-{i % 50}\n"
        )
        block = (
            f"      - defendant: {did}\n        disposition: sentenced\n        counts:\n          - statute: sexual-crimes-act-14-2\n"
            f"            paragraphs: {paragraphs}\n            label_ko: 성폭력처벌법위반(허위영상물편집·반포등)\n            outcome: convicted\n"
            f"        sentence:\n          {_sentence(rng, paragraphs == '[4]')}\n        sources:\n          - source: bench-source-{i % 50}\n"
            f"            quote: 허위영상물 편집·반포 혐의로 기소된 피고인에게 형을 선고했다\n"
        )
        outcomes1.append(block)
        outcomes2.append(
            block.replace("disposition: sentenced", "disposition: sentenced\n        appeal_result: dismissed")
        )
    return (
        f"id: bench-case-{i:05d}\ntitle_ko: {court_ko} 딥페이크 사건 {i}\ntitle_en: {court_en} deepfake case {i}\n"
        f"aliases: [{court_en.split()[0]} deepfake {i}, 딥페이크 {i}번 사건]\nrelevance: deepfake\n"
        f"summary_en: >-\n  Synthetic benchmark record {i}: sexual deepfakes of {who} shared in a chat room; "
        f"the court weighed settlements with some victims.\nplatforms: [Telegram]\n"
        f"offence_period: {{from: {start}, to: {end}}}\n"
        f"minors_among_victims:\n  value: {str(rng.random() < 0.3).lower()}\n  sources:\n    - source: bench-source-{i % 50}\n"
        f"defendants:\n{''.join(defendants)}"
        f"proceedings:\n  - id: first-instance\n    level: first-instance\n    court_ko: {court_ko}\n    court_en: {court_en}\n"
        f"    decided: {year}-{rng.randint(4, 9):02d}-{rng.randint(1, 28):02d}\n    outcomes:\n{''.join(outcomes1)}"
        f"    sources:\n      - source: bench-source-{i % 50}\n"
        f"  - id: appeal\n    level: appeal\n    court_ko: {high_ko}\n    court_en: {high_en}\n"
        f"    decided: {year}-{rng.randint(10, 12):02d}-{rng.randint(1, 28):02d}\n    appeal_from: [first-instance]\n"
        f"    outcomes:\n{''.join(outcomes2)}    sources:\n      - source: bench-source-{i % 50}\n"
        f"sources:\n  - source: bench-source-{i % 50}\nupdated: 2026-11-21\n"
    )


def source_yaml(i: int) -> str:
    return (
        f"id: bench-source-{i}\npublisher: Benchmark Daily\ntitle: Synthetic court report {i}\n"
        f"url: https://bench.example.org/{i}\npublished: 2025-01-01\nlanguage: ko\nkind: news\nstrength: B\nupdated: 2026-11-21\n"
    )


def generate(out: Path, cases: int) -> Path:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ("statutes", "sources", "docs"):
        shutil.copytree(REPO / name, out / name)
    shutil.copy(REPO / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copy(REPO / "CONTRIBUTING.md", out / "CONTRIBUTING.md")
    shutil.copy(REPO / "CONTRIBUTING.ko.md", out / "CONTRIBUTING.ko.md")
    for folder in ("cases", "figures", "guidelines"):
        (out / folder).mkdir()
    for i in range(50):
        (out / "sources" / f"bench-source-{i}.yaml").write_text(source_yaml(i), encoding="utf-8")
    rng = random.Random(cases)
    for i in range(cases):
        (out / "cases" / f"bench-case-{i:05d}.yaml").write_text(case_yaml(i, rng), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--cases", type=int, default=1000)
    args = parser.parse_args()
    generate(args.out, args.cases)
    print(f"{args.cases} synthetic cases in {args.out}")


if __name__ == "__main__":
    main()
