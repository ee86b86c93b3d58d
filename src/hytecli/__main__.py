"""``python -m hytecli``: the same as the ``hyte`` command."""

from hytecli.cli import run

run()
