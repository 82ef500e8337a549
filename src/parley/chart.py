"""The brief's cooperation-conflict chart, drawn by matplotlib on a real time axis.

    svg = trend_svg([("2025-06", -8.0, 2), ("2025-09", 3.5, 1)])

One bar per month at its place in time: months without events are gaps on the axis, not
skipped. The figure is built without pyplot (no global state, no display) and saved as SVG
with a fixed hash salt and no date, so the same trend gives the same file.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import matplotlib
from matplotlib import dates as mdates
from matplotlib.figure import Figure

# The PLOVER intensity scale: -10 = war, +10 = material aid.
INTENSITY_RANGE = 10.0
COOPERATION, CONFLICT = "#2e7d32", "#c62828"
BAR_DAYS = 24  # a month's bar, in days of the axis


def _month_start(month: str) -> date:
    year, number = month.split("-")[:2]
    return date(int(year), int(number), 1)


_STYLE: Any = {"svg.hashsalt": "parley", "svg.fonttype": "none", "font.family": "sans-serif",
          "font.size": 9}


def day_number(day: date) -> float:
    """matplotlib's number for a date (days since its epoch) on the time axis."""
    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def trend_svg(trend: list[tuple[str, float, int]]) -> str:
    """Mean PLOVER intensity per month (YYYY-MM, mean, events) as an SVG bar chart."""
    with matplotlib.rc_context(_STYLE):
        figure = trend_figure(trend)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def trend_figure(trend: list[tuple[str, float, int]]) -> Figure:
    """The chart as a matplotlib Figure: one bar per month, left edge on its first day."""
    with matplotlib.rc_context(_STYLE):
        figure = Figure(figsize=(7.2, 2.8), dpi=100)
        axes = figure.add_subplot()
        months = [_month_start(month) for month, _, _ in trend]
        means = [mean for _, mean, _ in trend]
        colours = [COOPERATION if mean >= 0 else CONFLICT for mean in means]
        # a bar starts at its month's first day: its left edge sits on the month's tick
        axes.bar(months, means, width=BAR_DAYS, align="edge", color=colours)  # type: ignore[arg-type]
        for when, mean, (_, _, count) in zip(months, means, trend, strict=True):
            offset = 0.4 if mean >= 0 else -0.4
            axes.annotate(str(count), (day_number(when) + BAR_DAYS / 2, mean + offset),
                          ha="center", va="bottom" if mean >= 0 else "top", fontsize=7)
        axes.axhline(0, color="#444444", linewidth=0.8)
        axes.set_ylim(-INTENSITY_RANGE, INTENSITY_RANGE)
        axes.set_ylabel("mean PLOVER intensity")
        axes.set_title("Cooperation (+) and conflict (-) per month; numbers: events", fontsize=9)
        if months:
            first, last = min(months), max(months)
            axes.set_xlim(day_number(first) - 10, day_number(last) + BAR_DAYS + 10)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=10)  # type: ignore[no-untyped-call]
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
        axes.grid(axis="y", color="#dddddd", linewidth=0.5)
        figure.tight_layout()
    return figure
