"""The site's penalty tool gives the CLI's answers: its script only looks up what casebook.penalty_timeline wrote.

Runs the real docs/assets/javascripts/penalty-tool.js under Node with a tiny fake DOM (not a
browser test); skipped where Node is not installed.
"""

import json
import shutil
import subprocess
import sys

import pytest

from casebook.i18n import Lang
from casebook.site import tooldata
from casebook.validate.run import validate_repository
from conftest import REPO, penalty_json

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


@pytest.fixture(scope="module")
def data_js(tmp_path_factory):
    corpus = validate_repository(REPO).corpus
    path = tmp_path_factory.mktemp("tool") / "provisions.js"
    path.write_text(tooldata.tool_files(corpus, Lang("en"))["data/provisions.js"], encoding="utf-8")
    return path


def tool(data_js, query):
    out = subprocess.run(
        [
            NODE,
            str(REPO / "tests" / "penalty_tool_harness.js"),
            str(data_js),
            str(REPO / "docs/assets/javascripts/penalty-tool.js"),
            query,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


cli = penalty_json


def test_a_deepfake_of_a_minor_on_2024_03_01_lists_the_youth_act_on_its_condition(data_js):
    lines = tool(data_js, "conduct=possess&victim=child&material=synthetic&on=2024-03-01")
    answer = cli("--conduct", "possess", "--victim", "child", "--on", "2024-03-01")
    cited = [line for line in lines if line.startswith(("성폭력처벌법", "청소년성보호법"))]
    assert cited == [p["citation_ko"] for p in answer["provisions"] + answer["conditional"]]
    # On 2024-03-01 the version of Act 19337 (in force 2023-10-12) applies.
    assert cited == [
        "청소년성보호법 제11조 제2항 (2023. 10. 12. 시행)",
        "청소년성보호법 제11조 제5항 (2023. 10. 12. 시행)",
    ]
    assert (
        sum(
            "On a condition: only if the material counts as a representation clearly recognisable" in line
            for line in lines
        )
        == 2
    )
    assert any("2024도17801, 2024노1823" in line for line in lines)
    assert any(
        line.startswith("Not in force on 2024-03-01: from 2024-10-16, 성폭력처벌법 제14조의2 제4항") for line in lines
    )


def test_a_period_of_possession_is_cut_where_the_law_changes(data_js):
    lines = tool(data_js, "conduct=possess&victim=adult&material=synthetic&on=2019-01-01&to=2024-12-31")
    answer = cli("--conduct", "possess", "--victim", "adult", "--from", "2019-01-01", "--to", "2024-12-31")
    assert [line for line in lines if line[:4].isdigit()] == ["2019-01-01 to 2024-10-15", "2024-10-16 to 2024-12-31"]
    assert [(p["from"], p["to"]) for p in answer["periods"]] == [
        ("2019-01-01", "2024-10-15"),
        ("2024-10-16", "2024-12-31"),
    ]
    assert answer["punishable_from"] == "2024-10-16"
    assert any(
        line.startswith("Kept through the period, it is punishable from 2024-10-16 to 2024-12-31") for line in lines
    )


def test_governing_law_at_judgment_is_the_clis(data_js):
    lines = tool(data_js, "conduct=edit&victim=adult&material=synthetic&on=2023-05-01&judged=2025-01-10")
    answer = cli("--conduct", "edit", "--victim", "adult", "--on", "2023-05-01", "--judged", "2025-01-10")
    reasons = [line for line in lines if line.startswith("At judgment")]
    assert reasons == [f"At judgment (2025-01-10): {g['reason']}." for g in answer["governing"]]


def test_a_judgment_before_the_offence_is_refused(data_js):
    lines = tool(data_js, "conduct=possess&victim=adult&material=synthetic&on=2025-01-01&judged=2024-12-01")
    assert lines == [
        "The judgment date (2024-12-01) is before the offence date (2025-01-01): a judgment cannot come first."
    ]
    out = subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), "penalty", "--conduct", "possess", "--victim", "adult"]
        + ["--from", "2024-01-01", "--to", "2025-01-01", "--judged", "2024-12-01"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert out.returncode == 2 and "the judgment date 2024-12-01 is before the offence date 2025-01-01" in out.stderr


def test_record_text_in_the_script_cannot_close_it():
    text = tooldata.script("x", {"a": "</script><img src=x onerror=alert(1)>&\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text[len("window.x = ") : -2]) == {"a": "</script><img src=x onerror=alert(1)>&\u2028"}
