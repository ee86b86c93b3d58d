"""Word-level differences of texts, as shown in ``hyte diff`` for a changed text."""

from __future__ import annotations

import difflib
import re

from hytecli.diff_changes import WordOp

#: Words (letters and digits, joined by -, ', ., ,, : or / inside a word, so "05/2025", "12,5",
#: "hyte-palvelujen" are one word), single punctuation marks, and runs of white space.
_TOKEN = re.compile(r"\s+|\w+(?:[-'’.,:/]\w+)*|[^\w\s]")


def word_diff(old: str, new: str) -> tuple[WordOp, ...]:
    """Return the word-level difference of two texts as runs of kept, deleted and inserted text.

    White space between two changed words is folded into the change, so "a b c" → "a x y c"
    gives ``a [-b c-]{+x y+} c`` rather than two separate changes. Concatenating the ``equal``
    and ``delete`` runs gives ``old``; the ``equal`` and ``insert`` runs give ``new``.
    """
    a = _TOKEN.findall(old)
    b = _TOKEN.findall(new)
    blocks: list[tuple[str, list[str], list[str]]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            blocks.append(("equal", a[i1:i2], b[j1:j2]))
        else:
            blocks.append(("change", a[i1:i2], b[j1:j2]))
    merged: list[tuple[str, list[str], list[str]]] = []
    for index, block in enumerate(blocks):
        between_changes = (
            block[0] == "equal"
            and all(token.isspace() for token in block[1])
            and 0 < index < len(blocks) - 1
        )
        if (block[0] == "change" or between_changes) and merged and merged[-1][0] == "change":
            merged[-1] = ("change", merged[-1][1] + block[1], merged[-1][2] + block[2])
        elif between_changes:
            merged.append(("change", block[1], block[2]))
        else:
            merged.append(block)
    ops: list[WordOp] = []
    for kind, old_tokens, new_tokens in merged:
        if kind == "equal":
            ops.append(WordOp("equal", "".join(old_tokens)))
            continue
        if old_tokens:
            ops.append(WordOp("delete", "".join(old_tokens)))
        if new_tokens:
            ops.append(WordOp("insert", "".join(new_tokens)))
    return tuple(ops)
