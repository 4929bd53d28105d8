"""The folders a build works in: removed when it ends, and by the next build when it was killed."""

import os
import signal
import subprocess
import sys
from pathlib import Path

from casebook.site import build as site_build
from casebook.site import work_folders
from casebook.validate.cache import cache_dir
from conftest import FIXTURE_TODAY, REPO

HOLDER = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from casebook.site import work_folders
with work_folders.held(Path(sys.argv[2]), sys.argv[3]) as folder:
    (folder / "docs").mkdir()
    print(folder, flush=True)
    sys.stdin.read()  # until the test kills it
"""


def held_by_a_process(parent: Path, prefix: str) -> tuple[subprocess.Popen, Path]:
    """A process that holds a work folder in `parent` until it is killed."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(REPO), str(parent), prefix],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    return process, Path(process.stdout.readline().strip())


def killed(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGKILL)  # no clean-up runs, as when a machine stops
    process.wait()
    process.stdin.close()
    process.stdout.close()


def test_a_folder_in_use_is_left_and_a_killed_process_folder_is_removed(tmp_path):
    process, folder = held_by_a_process(tmp_path, "staging-")
    try:
        assert work_folders.sweep(tmp_path, "staging-") == []
        assert (folder / "docs").is_dir(), "a running build's folder was removed"
    finally:
        killed(process)
    assert folder.is_dir()  # the kill left it behind
    assert work_folders.sweep(tmp_path, "staging-") == [folder]
    assert not folder.exists()


def test_folders_without_the_lock_or_with_another_name_are_left(tmp_path):
    (tmp_path / "staging-someone-elses").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / work_folders.LOCK_NAME).touch()
    (tmp_path / "staging-link").symlink_to(tmp_path / "elsewhere")
    assert work_folders.sweep(tmp_path, "staging-") == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "other", "staging-link", "staging-someone-elses"]


def test_a_build_removes_what_killed_builds_left_and_its_own_folders(site_repo):
    cache = cache_dir(site_repo)
    cache.mkdir(parents=True, exist_ok=True)
    left = []
    for parent, prefix in ((cache, site_build.WORK_PREFIX), (site_repo, site_build.STAGING_PREFIX)):
        process, folder = held_by_a_process(parent, prefix)
        killed(process)
        left.append(folder)
    assert all(folder.is_dir() for folder in left)
    assert site_build.build_site(site_repo, site_repo / "site", today=FIXTURE_TODAY) == 0
    assert [folder for folder in left if folder.exists()] == []
    assert not list(cache.glob(site_build.WORK_PREFIX + "*")), "the build left its staged docs"
    assert not list(site_repo.glob(site_build.STAGING_PREFIX + "*")), "the build left its staging folder"
    assert (site_repo / "site" / "en" / "cases" / "example-case.html").is_file()
