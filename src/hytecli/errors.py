"""The base of hyte's expected errors: problems with the user's input or setup, not bugs.

Library functions raise subclasses of :class:`HyteError` with a message that says what is wrong
and what to do; the command line prints the message without a traceback and exits with
``exit_code`` (1 for bad input or a refused change, 2 for a usage problem such as a missing
repository). Anything else reaching the command line is a bug (exit 3).
"""

from __future__ import annotations


class HyteError(Exception):
    """An expected problem; ``str(error)`` is the message for the user.

    Attributes:
        exit_code: The command line's exit code for it: 1 (bad input, refused) or 2 (usage).
    """

    exit_code: int = 1
