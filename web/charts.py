"""Horizontal bar charts laid out in Python and drawn as inline SVG by the template.

No JavaScript and no CDN: the CSP forbids both, and a server-drawn chart prints, e-mails
and screenshots the same everywhere. Colours come from CSS classes in app.css.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

LABEL_WIDTH = 120
BAR_AREA = 300
VALUE_WIDTH = 50
ROW_HEIGHT = 26
BAR_HEIGHT = 18


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int
    css: str


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: list[Bar]
    total: int

    @property
    def width(self) -> int:
        return LABEL_WIDTH + BAR_AREA + VALUE_WIDTH

    @property
    def height(self) -> int:
        return max(ROW_HEIGHT, ROW_HEIGHT * len(self.bars))

    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def bar_chart(title: str, rows: Iterable[tuple[str, int, str]]) -> BarChart:
    """``rows`` are (label, value, css class); bar lengths scale to the largest value."""
    data = list(rows)
    peak = max((value for _, value, _ in data), default=0)
    bars = [
        Bar(
            label=label,
            value=value,
            y=index * ROW_HEIGHT,
            width=round(BAR_AREA * value / peak) if peak else 0,
            css=css,
        )
        for index, (label, value, css) in enumerate(data)
    ]
    return BarChart(title=title, bars=bars, total=sum(value for _, value, _ in data))
