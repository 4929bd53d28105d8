"""The command line as a contributor uses it: exit codes, formats, scoping, no tracebacks."""

import subprocess
import sys

from conftest import FIXTURES, REPO


def run(*args, cwd=REPO):
    return subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_broken_corpus_exits_1_with_one_line_per_problem():
    result = run("validate", "--root", str(FIXTURES / "broken"), "--today", "2026-01-01")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    problems = [
        line.split(" ")[:2]
        for line in result.stdout.splitlines()
        if line and not line.startswith(("    hint:", "15 files"))
    ]
    pinned = [f"{':'.join(where.split(':')[:2])}: {code}" for where, code in problems]
    assert pinned == (FIXTURES / "broken.expected").read_text(encoding="utf-8").splitlines()
    assert "sources/bad-fields.yaml:6:7: E104 kind: 'newspaper' is not an allowed value" in result.stdout
    assert "    hint: did you mean 'news'? allowed values:" in result.stdout
    assert result.stdout.rstrip().endswith("15 files checked: 51 errors, 1 warning.")


def test_github_format_emits_annotations():
    result = run("validate", "--root", str(FIXTURES / "broken"), "--today", "2026-01-01", "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("::error file=cases/logic-errors.yaml,line=1,col=5,title=E302::") for line in lines)
    assert any(line.startswith("::warning file=cases/logic-errors.yaml,line=2,") for line in lines)
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)
    assert all("%0Ahint: " in line for line in lines)


def test_paths_limit_what_is_reported():
    result = run(
        "validate", "--root", ".", "statutes/wrong-name.yaml", "--today", "2026-01-01", cwd=FIXTURES / "broken"
    )
    assert result.returncode == 1
    reported = {line.split(":")[0] for line in result.stdout.splitlines() if ": E" in line or ": W" in line}
    assert reported == {"statutes/wrong-name.yaml"}


def test_clean_corpus_exits_0_and_strict_fails_on_warnings(tmp_path):
    result = run("validate", "--root", str(FIXTURES / "valid"), "--today", "2026-01-01")
    assert (result.returncode, result.stdout.strip()) == (0, "6 files checked: no problems.")
    result = run("validate", "--root", str(FIXTURES / "broken"), "--today", "2026-01-01", "figures", "--strict")
    assert result.returncode == 1


def test_usage_errors_exit_2():
    assert run("validate", "--format", "xml").returncode == 2
    assert run("validate", "no/such/path.yaml").returncode == 2
    assert run("frobnicate").returncode == 2
    assert run("validate", "--root", "/no/such/dir").returncode == 2


def test_list_checks_describes_every_check():
    result = run("validate", "--list-checks")
    assert result.returncode == 0
    assert "id_matches_file_name: E201/E202" in result.stdout
    assert "no_victim_personal_data: E240" in result.stdout


def test_without_the_dependencies_the_entry_point_says_what_to_install(tmp_path):
    """A fresh clone run with a Python that lacks the packages: one line, exit 1, no traceback.

    `-S` leaves out every site-packages folder (the venv's and the system's), so this works
    whatever the interpreter has installed; /usr/bin/python3 is tried as well where present.
    """
    import os
    import shutil

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    pythons = [[sys.executable, "-S"]] + ([["/usr/bin/python3", "-S"]] if shutil.which("/usr/bin/python3") else [])
    for python in pythons:
        for args in (["validate"], [], ["search", "x"], ["-m", "casebook", "validate"]):
            command = [*python, *args] if args[:1] == ["-m"] else [*python, str(REPO / "build_site.py"), *args]
            result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
            assert result.returncode == 1, (command, result.stderr)
            assert "Traceback" not in result.stderr and result.stdout == ""
            assert result.stderr.count("\n") == 1, result.stderr
            assert "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt" in result.stderr
            assert "pydantic" in result.stderr


def test_the_setup_check_knows_every_requirement():
    from casebook.setup_check import MODULES

    names = [
        line.split("==")[0].split("[")[0].strip()
        for line in (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert sorted(names) == sorted(MODULES)
