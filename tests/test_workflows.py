"""The pull-request and publishing workflows, pre-commit hooks and templates are valid and
call commands that exist; the validation a pull request runs passes on main."""

import json
import re
import subprocess
import sys

import yaml

from conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def _subcommands() -> set[str]:
    from casebook.cli import _parser

    parser = _parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return set(action.choices)


def _runs(data) -> list[str]:
    return [step["run"] for job in data["jobs"].values() for step in job.get("steps", []) if "run" in step]


def test_workflows_are_valid_yaml_with_pinned_actions_and_read_only_defaults():
    assert {p.name for p in WORKFLOWS} == {"pull-request.yml", "pages.yml"}
    for path in WORKFLOWS:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["permissions"] == {"contents": "read"}, path.name
        for job in data["jobs"].values():
            for step in job.get("steps", []):
                if "uses" in step:
                    assert re.fullmatch(r"[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]


def test_workflow_commands_exist():
    known = _subcommands()
    commands = [run for path in WORKFLOWS for run in _runs(yaml.safe_load(path.read_text(encoding="utf-8")))]
    hooks = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    commands += [hook["entry"] for repo in hooks["repos"] for hook in repo["hooks"]]
    used = {m.group(1) for c in commands for m in re.finditer(r"build_site\.py (\S+)", c)}
    assert used and used <= known, used - known
    assert any("python -m pytest" in c for c in commands)


def test_the_pull_request_validation_passes_on_main():
    result = subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), "validate", "--format", "github", "--strict"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    assert result.stdout == ""  # no annotations


def test_issue_form_and_pull_request_templates():
    form = yaml.safe_load(
        (REPO / ".github" / "ISSUE_TEMPLATE" / "report-incorrect-record.yml").read_text(encoding="utf-8")
    )
    assert [b["id"] for b in form["body"] if "id" in b] == ["record", "wrong", "source"]
    templates = {p.name for p in (REPO / ".github" / "PULL_REQUEST_TEMPLATE").glob("*.md")}
    assert templates == {"add-case.md", "amend-statute.md", "infrastructure.md"}


def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_changed_records_summary_names_what_changed_and_shows_record_text_as_text(valid_repo):
    _git(valid_repo, "init", "-q")
    _git(valid_repo, "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A")
    _git(valid_repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    hostile = "x](https://evil.example/l) ![i](https://evil.example/i.png) @octocat | cell `tick`"
    case = valid_repo / "cases" / "example-case.yaml"
    text = case.read_text(encoding="utf-8").replace("  - id: appeal\n", f"  - id: {json.dumps(hostile)}\n")
    case.write_text(text + f"{json.dumps('[' + hostile)}: 1\n", encoding="utf-8")
    (valid_repo / "sources" / "news-b.yaml").write_text("id: news-b\n", encoding="utf-8")
    _git(valid_repo, "add", "-A")  # a pull request's files are committed
    result = subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), "changed-records", "--root", str(valid_repo), "--base", "HEAD"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("**2 record file(s) changed**")
    assert "| ` sources/news-b.yaml ` | added |" in out
    assert "`` proceedings `` changed" not in out and "` proceedings ` changed (new: " in out
    rows = [line for line in out.splitlines() if line.startswith("| `")]
    assert len(rows) == 2 and all(line.count(" | ") == 1 for line in rows)  # no cell came from the text
    # Outside code spans nothing of the record's text is left to become a link, image or mention.
    outside = re.sub(r"(`+) .*? \1", "", out)
    assert "evil.example" not in outside and "@octocat" not in outside


def test_changed_records_never_follows_a_link_or_opens_a_fifo(tmp_path):
    import os
    import shutil

    repo = tmp_path / "repo"
    shutil.copytree(REPO / "tests" / "fixtures" / "valid", repo)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=repo, check=True)
    os.mkfifo(tmp_path / "pipe")  # reading it would block for ever
    (repo / "cases" / "example-case.yaml").unlink()
    (repo / "cases" / "example-case.yaml").symlink_to(tmp_path / "pipe")
    result = subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), "changed-records", "--root", str(repo), "--base", "HEAD"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert "not read" in result.stdout
