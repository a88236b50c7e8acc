"""Tables that fit the terminal: the least needed columns give way, one by one, until the rest fit its width."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.measure import Measurement
from rich.table import Table

UNBOUNDED = 100_000
FOLDED_WIDTH = 30


def fitted_table(
    console: Console,
    rows: Sequence[Mapping[str, str]],
    *,
    give_way: Sequence[str],
    fold: Sequence[str] = (),
    **options: Any,
) -> Table:
    """A table of `rows` (each a mapping by column, the first row's order giving the columns') whose cells are not
    wrapped at the console's width.

    The columns in `give_way` are left out in that order while the table is wider than the console; the columns in
    `fold` (paths, URLs, lists) are folded onto more lines when even the remaining ones are too wide.
    """
    columns = list(rows[0])
    kept = list(columns)
    for dropped in (None, *give_way):
        if dropped is not None:
            kept.remove(dropped)
        # Measured as if the console were unbounded, with folded columns at their narrowest useful width: the width
        # the table needs before rich squeezes (and cuts) its cells.
        needed = _table(kept, rows, fold, options, fold_width=FOLDED_WIDTH)
        if Measurement.get(console, console.options.update_width(UNBOUNDED), needed).maximum <= console.width:
            break
    table = _table(kept, rows, fold, options)
    if len(kept) < len(columns):
        left_out = ", ".join(name for name in columns if name not in kept)
        table.caption = "; ".join(filter(None, (table.caption, f"too narrow for {left_out}")))
    return table


def _table(
    columns: Sequence[str],
    rows: Sequence[Mapping[str, str]],
    fold: Sequence[str],
    options,
    fold_width: int | None = None,
) -> Table:
    table = Table(**options)
    for name in columns:
        folded = name in fold
        table.add_column(
            name,
            overflow="fold" if folded else "ellipsis",
            no_wrap=not folded,
            min_width=len(name),
            max_width=fold_width if folded else None,
        )
    for row in rows:
        table.add_row(*(row[name] for name in columns))
    return table


def sources_table(console: Console, rows: Sequence[Mapping[str, str]], **options: Any) -> Table:
    """Sources, as `newsflow sources list` and `newsflow status` show them: the daily rate, the last new article and
    the kind give way first, and a long location or error folds."""
    return fitted_table(console, rows, give_way=("per day", "last new", "kind"), fold=("location", "errors"), **options)
