"""A long-lived process (the preview server, the test run) keeps no garbage from one run to the next."""

import gc

from conftest import validate


def test_validation_leaves_the_garbage_collector_as_it_found_it(valid_repo):
    frozen = gc.get_freeze_count()
    enabled = gc.isenabled()
    for _ in range(2):  # as `serve` does on every edit
        validate(valid_repo)
    assert gc.get_freeze_count() == frozen  # nothing set aside for good: old corpora can be collected
    assert gc.isenabled() == enabled
