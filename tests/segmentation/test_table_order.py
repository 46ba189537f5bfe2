"""A table's cells read row by row (``_row_major``): the same order as matching every cell against every row,
without doing that. A page of the Reichsanzeiger lists a table's cells after all its text; a statistical
supplement holds tables of thousands of cells, and a source may list them row by row, so that every cell is a
column run of its own."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model.document import Block, Box, Line
from reader.segmentation import geometry
from reader.segmentation.geometry import _cell_columns, _row_major, _row_pitch, block_box


def _cell(rid: str, box: Box) -> Block:
    return Block(id=rid, lines=[Line(id=f"{rid}.l", text=rid, box=box)], box=box, type="table")


def _reference(cells: list[Block]) -> list[Block]:
    """The rule as first written: each cell compared with every row made so far."""
    boxed = [(bx, c) for c in cells if (bx := block_box(c)) is not None]
    columns = _cell_columns(boxed)
    tol = 0.5 * _row_pitch(columns)
    rows: list[tuple[list[float], list[tuple[Box, Block]]]] = []
    for column in columns:
        taken: set[int] = set()
        for bx, c in column:
            mid = (bx[1] + bx[3]) / 2
            near = [(abs(y[0] - mid), k) for k, (y, _) in enumerate(rows) if k not in taken and abs(y[0] - mid) <= tol]
            if near:
                k = min(near)[1]
                rows[k][0][0] = mid
                rows[k][1].append((bx, c))
            else:
                k = len(rows)
                rows.append(([mid, mid], [(bx, c)]))
            taken.add(k)
    rows.sort(key=lambda row: row[0][1])
    return [c for _, row in rows for _, c in sorted(row, key=lambda t: t[0][0])]


def _table(n_rows: int, n_cols: int, skew: float, jitter: list[float], by_row: bool) -> list[Block]:
    cells = []
    for r in range(n_rows):
        for c in range(n_cols):
            top = 100 + 40 * r - skew * c + jitter[(r * n_cols + c) % len(jitter)]
            cells.append((r, c, _cell(f"r{r}c{c}", (100 + 150 * c, top, 240 + 150 * c, top + 30))))
    if not by_row:
        cells.sort(key=lambda t: (t[1], t[0]))
    return [b for _, _, b in cells]


@settings(max_examples=150, deadline=None)
@given(n_rows=st.integers(1, 12), n_cols=st.integers(1, 6), skew=st.floats(-25, 25),
       jitter=st.lists(st.floats(-30, 30), min_size=1, max_size=20), by_row=st.booleans(),
       drop=st.sets(st.integers(0, 71), max_size=10))
def test_the_order_is_the_one_every_cell_against_every_row_gives(n_rows: int, n_cols: int, skew: float,
                                                                 jitter: list[float], by_row: bool,
                                                                 drop: set[int]) -> None:
    """Skewed, jittered, ragged (cells missing), listed by column or by row: nearest row within half a pitch,
    ties to the older row, rows by their first cell — exactly as the brute force."""
    cells = [b for i, b in enumerate(_table(n_rows, n_cols, skew, jitter, by_row)) if i not in drop]
    assert [b.id for b in _row_major(cells)] == [b.id for b in _reference(cells)]


def test_a_clean_table_comes_out_row_by_row() -> None:
    cells = _table(5, 4, 8.0, [0.0], by_row=False)
    assert [b.id for b in _row_major(cells)] == [f"r{r}c{c}" for r in range(5) for c in range(4)]


def test_a_cell_is_measured_against_the_rows_near_it_only(monkeypatch) -> None:  # noqa: ANN001
    """A table of 400 rows × 5 columns, listed row by row (2,000 column runs of one cell): distances measured stay
    a few per cell. Measuring every cell against every row (the first version) took ~800,000 here."""
    measured = [0]
    builtin_abs = abs

    def counted(x: float) -> float:
        measured[0] += 1
        return builtin_abs(x)

    monkeypatch.setattr(geometry, "abs", counted, raising=False)
    cells = _table(400, 5, 3.0, [0.0, 4.0, -4.0], by_row=True)
    out = _row_major(cells)
    assert [b.id for b in out] == [f"r{r}c{c}" for r in range(400) for c in range(5)]
    assert 0 < measured[0] <= 4 * len(cells), measured[0]
