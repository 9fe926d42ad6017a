"""What the tests of forked work share: skip where this process cannot fork safely, and
whether every child was reaped."""

from __future__ import annotations

import os

import pytest

from pokin._fork import can_fork

forking = pytest.mark.skipif(not can_fork(), reason="this process cannot fork safely")


def no_child_left() -> bool:
    """Whether this process has no child left, running or unreaped."""
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False
