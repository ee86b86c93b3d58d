"""hytecli.beside: work run in a forked process gives the same result as run here."""

from __future__ import annotations

import os

import pytest

from hytecli.beside import run_beside


def test_both_results_come_back() -> None:
    parent = os.getpid()
    beside, here = run_beside(lambda: (os.getpid(), list(range(100_000))), lambda: os.getpid())
    assert here == parent
    assert beside[1] == list(range(100_000))  # larger than a pipe's buffer


def test_without_fork_both_run_here() -> None:
    assert run_beside(os.getpid, os.getpid, fork=False) == (os.getpid(), os.getpid())


def test_a_failing_child_is_run_again_here_and_its_error_raised_here() -> None:
    calls: list[int] = []

    def fails() -> int:
        calls.append(os.getpid())
        raise ValueError("broken")

    with pytest.raises(ValueError, match="broken"):
        run_beside(fails, lambda: 1)
    assert calls == [os.getpid()]  # the child's call was in its own memory


def test_an_unpicklable_result_is_made_here() -> None:
    beside, here = run_beside(lambda: lambda: 5, lambda: 2)
    assert beside() == 5 and here == 2


def test_an_error_here_still_ends_the_child() -> None:
    with pytest.raises(KeyError):
        run_beside(lambda: 1, lambda: {}["x"])
