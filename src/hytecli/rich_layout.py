"""Laying out Rich tables that fit a terminal whole: ids and header words are never cut.

:func:`fit_columns` shares a terminal's width among columns (:class:`Column`) by their least and
natural widths; :func:`fitted_table` makes the empty Rich table, or says it cannot fit, so the
caller shows blocks of lines instead. Used by :mod:`hytecli.status_rich`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: A word of plan prose (a title, a responsible party) longer than this may be folded in a table
#: cell rather than make the whole table fall back to blocks; ids and header words never are.
PROSE_WORD = 16
#: The narrowest Title column worth a table; below it the items are shown as blocks of lines.
TITLE_WIDTH = 30


@dataclass(frozen=True)
class Column:
    """A table column to lay out: its header and cells as plain text, and how it may wrap.

    A ``fixed`` column is never wrapped: its width is its longest line. Other columns wrap at
    spaces and are never narrower than the longest word of their header, any of their ``whole``
    tokens (ids), ``floor``, or their longest word up to :data:`PROSE_WORD` cells. Spare room
    goes to the columns in proportion to ``weight``, up to each column's longest line.
    """

    header: str
    cells: tuple[str, ...]
    fixed: bool = False
    weight: int = 1
    whole: tuple[str, ...] = ()
    floor: int = 0

    def bounds(self) -> tuple[int, int]:
        """Return the column's least and natural content width, in terminal cells."""
        from rich.cells import cell_len

        texts = (self.header, *self.cells)
        longest = max((cell_len(line) for text in texts for line in text.splitlines()), default=0)
        if self.fixed:
            return longest, longest
        words = [cell_len(word) for text in self.cells for word in text.split()]
        least = max(
            [cell_len(word) for word in self.header.split()]
            + [cell_len(token) for token in self.whole]
            + [min(max(words, default=0), PROSE_WORD), self.floor]
        )
        return least, max(least, longest)


def fit_columns(columns: Sequence[Column], width: int) -> list[int] | None:
    """Return content widths for ``columns`` that add up to at most ``width``, or ``None``.

    ``None`` means the columns cannot fit without breaking an id or a header word (or cutting a
    column off); the caller then shows the rows as blocks of lines instead.
    """
    bounds = [column.bounds() for column in columns]
    widths = [least for least, _most in bounds]
    spare = width - sum(widths)
    if spare < 0:
        return None
    while spare > 0:
        growing = [i for i, (_least, most) in enumerate(bounds) if widths[i] < most]
        if not growing:
            break
        pick = min(growing, key=lambda i: (widths[i] / columns[i].weight, i))
        widths[pick] += 1
        spare -= 1
    return widths


def frame_width(table: Any, columns: int) -> int:
    """Cells a Rich table of ``columns`` columns spends on its box and cell padding."""
    frame = ((2 if table.show_edge else 0) + columns - 1) if table.box else 0
    _top, right, _bottom, left = table.padding
    frame += (left + right) * columns
    if not table.pad_edge:
        frame -= left + right
    return int(frame)


def fitted_table(console: Any, columns: Sequence[Column], **options: Any) -> Any:
    """Return an empty Rich table with ``columns`` sized to fit ``console``, else ``None``."""
    from rich.table import Table

    table = Table(**options)
    widths = fit_columns(columns, console.width - frame_width(table, len(columns)))
    if widths is None:
        return None
    for column, width in zip(columns, widths, strict=True):
        table.add_column(no_wrap=column.fixed, overflow="fold", width=width)
    return table
