"""Charts as inline SVG, generated from data: no JavaScript, no images to fetch.

Each chart has ``role="img"``, a ``<title>`` and a ``<desc>`` that states the
figures in words, so a screen reader gets the same content.  Series are told
apart by line style and marker shape as well as colour.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from markupsafe import Markup, escape

from .format import MISSING, number

FONT = "DejaVu Sans, Arial, sans-serif"
INK = "#1a1a1a"
GRID = "#c8c8c8"
POS = "#1f5f8b"
NEG = "#a3322a"
SERIES_STYLE = [  # colour, dash, marker
    ("#1f5f8b", "", "circle"),
    ("#a3322a", "6 3", "square"),
    ("#2d6a2d", "2 3", "triangle"),
    ("#6b4c9a", "10 4 2 4", "diamond"),
]


MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_YEAR_MONTH = re.compile(r"(\d{4})[Mm-](\d{1,2})")


def tid_label(tid: str) -> str:
    """A time point as a reader says it: ``2022M11`` (statistics' notation) → ``nov 2022``."""
    match = _YEAR_MONTH.fullmatch(str(tid).strip())
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{MONTHS[int(match.group(2)) - 1]} {match.group(1)}"
    return str(tid)


def _f(x: float) -> str:
    return f"{x:.1f}"


def _open(chart_id: str, width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="{FONT}" font-size="12">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]


def bar_chart(chart_id: str, title: str, labels: Sequence[str],
              values: Sequence[Decimal | None], unit: str, decimals: int = 1) -> Markup:
    """Horizontal bars, one per label, with the value printed beside each bar."""
    longest = max((len(lab) for lab in labels), default=10)
    label_w, bar_w, row_h, top = min(440, 7 * longest + 16), 300, 24, 10
    has_neg = any(v is not None and v < 0 for v in values)
    # Each side of the zero line gets room for its longest bar and, beyond it, its value:
    # a negative bar's value never runs into the row's label.
    value_w = 64
    width = label_w + (value_w if has_neg else 0) + bar_w + value_w
    height = top * 2 + row_h * len(labels) + 20
    max_pos = max((float(v) for v in values if v is not None and v > 0), default=0.0)
    max_neg = max((-float(v) for v in values if v is not None and v < 0), default=0.0)
    unit_px = bar_w / ((max_pos + max_neg) or 1.0)
    zero = label_w + (value_w if has_neg else 0) + max_neg * unit_px
    desc = "; ".join(f"{lab}: {number(v, decimals)} {unit}" if v is not None else f"{lab}: {MISSING}"
                     for lab, v in zip(labels, values))
    out = _open(chart_id, width, height, title, desc)
    out.append(f'<line x1="{_f(zero)}" y1="{top}" x2="{_f(zero)}" '
               f'y2="{top + row_h * len(labels)}" stroke="{INK}" stroke-width="1"/>')
    for i, (lab, v) in enumerate(zip(labels, values)):
        y = top + i * row_h
        out.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" fill="{INK}">'
                   f'{escape(lab)}</text>')
        if v is None:
            out.append(f'<text x="{_f(zero + 6)}" y="{y + 16}" fill="{INK}">{MISSING}</text>')
            continue
        length = abs(float(v)) * unit_px
        x = zero if v >= 0 else zero - length
        colour = POS if v >= 0 else NEG
        out.append(f'<rect x="{_f(x)}" y="{y + 4}" width="{_f(length)}" height="{row_h - 8}" '
                   f'fill="{colour}"/>')
        tx = zero + length + 6 if v >= 0 else zero - length - 6
        anchor = "start" if v >= 0 else "end"
        out.append(f'<text x="{_f(tx)}" y="{y + 16}" text-anchor="{anchor}" fill="{INK}">'
                   f'{number(v, decimals)}</text>')
    out.append(f'<text x="{_f(zero)}" y="{height - 4}" text-anchor="middle" fill="{INK}">'
               f'{escape(unit)}</text>')
    out.append("</svg>")
    return Markup("\n".join(out))


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "circle":
        return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="3.2" fill="{colour}"/>'
    if kind == "square":
        return f'<rect x="{_f(x - 3)}" y="{_f(y - 3)}" width="6" height="6" fill="{colour}"/>'
    if kind == "triangle":
        return (f'<path d="M{_f(x)} {_f(y - 3.8)} L{_f(x + 3.6)} {_f(y + 2.8)} '
                f'L{_f(x - 3.6)} {_f(y + 2.8)} Z" fill="{colour}"/>')
    return (f'<path d="M{_f(x)} {_f(y - 4)} L{_f(x + 4)} {_f(y)} L{_f(x)} {_f(y + 4)} '
            f'L{_f(x - 4)} {_f(y)} Z" fill="{colour}"/>')


def line_chart(chart_id: str, title: str, x_labels: Sequence[str], names: Sequence[str],
               series: Sequence[Sequence[Decimal | None]], unit: str,
               decimals: int = 1) -> Markup:
    """Lines over time, one per series (e.g. Män, Kvinnor, Totalt)."""
    x_labels = [tid_label(lab) for lab in x_labels]
    width = 680
    left, right, top = 50, 40, 24
    # legend entries wrap onto more lines rather than overlap
    legend_rows, lx = 1, left
    for name in names:
        need = 34 + int(7.2 * len(name)) + 20
        if lx > left and lx + need > width - right:
            legend_rows, lx = legend_rows + 1, left
        lx += need
    ph = 200
    bottom = 44 + 16 * legend_rows
    height = top + ph + bottom
    pw = width - left - right
    flat = [float(v) for s in series for v in s if v is not None]
    lo, hi = (min(flat), max(flat)) if flat else (0.0, 1.0)
    pad = (hi - lo) * 0.15 or 1.0
    lo, hi = lo - pad, hi + pad
    step = _nice_step((hi - lo) / 5)
    lo = (lo // step) * step
    hi = -((-hi) // step) * step

    def px(i: int) -> float:
        return left + (pw * i / max(1, len(x_labels) - 1))

    def py(v: float) -> float:
        return top + ph - (v - lo) / (hi - lo) * ph

    first, last = x_labels[0] if x_labels else "", x_labels[-1] if x_labels else ""
    parts = []
    for name, s in zip(names, series):
        listed = "; ".join(f"{lab}: {number(v, decimals) if v is not None else MISSING}"
                           for lab, v in zip(x_labels, s))
        parts.append(f"{name} – {listed}.")
    desc = " ".join([f"Linjediagram, {unit}, {first}–{last}.", *parts])
    out = _open(chart_id, width, height, title, desc)
    v = lo
    while v <= hi + 1e-9:
        y = py(v)
        out.append(f'<line x1="{left}" y1="{_f(y)}" x2="{width - right}" y2="{_f(y)}" '
                   f'stroke="{GRID}" stroke-width="0.6"/>')
        out.append(f'<text x="{left - 6}" y="{_f(y + 4)}" text-anchor="end" fill="{INK}">'
                   f'{number(Decimal(str(round(v, 6))), 0 if step >= 1 else 1)}</text>')
        v += step
    # Horizontal labels, as many as fit side by side; the last point is always named.
    label_px = 7.2 * max((len(lab) for lab in x_labels), default=1) + 12
    every = max(1, -(-len(x_labels) * label_px // pw))
    every = int(every)
    shown = [i for i in range(len(x_labels)) if i % every == 0]
    if x_labels and shown[-1] != len(x_labels) - 1:
        if px(len(x_labels) - 1) - px(shown[-1]) < label_px:
            shown.pop()
        shown.append(len(x_labels) - 1)
    for i in shown:
        x = px(i)
        out.append(f'<line x1="{_f(x)}" y1="{top + ph}" x2="{_f(x)}" y2="{top + ph + 4}" '
                   f'stroke="{INK}" stroke-width="1"/>')
        out.append(f'<text x="{_f(x)}" y="{top + ph + 18}" text-anchor="middle" fill="{INK}">'
                   f'{escape(x_labels[i])}</text>')
    for k, (name, s) in enumerate(zip(names, series)):
        colour, dash, marker = SERIES_STYLE[k % len(SERIES_STYLE)]
        points = [(px(i), py(float(v))) for i, v in enumerate(s) if v is not None]
        if len(points) > 1:
            d = " ".join(("M" if j == 0 else "L") + f"{_f(x)} {_f(y)}"
                         for j, (x, y) in enumerate(points))
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        out.extend(_marker(marker, x, y, colour) for x, y in points)
    lx, ly = left, top + ph + 44
    for k, name in enumerate(names):
        colour, dash, marker = SERIES_STYLE[k % len(SERIES_STYLE)]
        need = 34 + int(7.2 * len(name)) + 20
        if lx > left and lx + need > width - right:
            lx, ly = left, ly + 16
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 28}" y2="{ly - 4}" stroke="{colour}" '
                   f'stroke-width="2"{dash_attr}/>')
        out.append(_marker(marker, lx + 14, ly - 4, colour))
        out.append(f'<text x="{lx + 34}" y="{ly}" fill="{INK}">{escape(name)}</text>')
        lx += need
    out.append(f'<text x="{left}" y="{top - 6}" text-anchor="start" fill="{INK}">'
               f'{escape(unit)}</text>')
    out.append("</svg>")
    return Markup("\n".join(out))


def _nice_step(raw: float) -> float:
    if raw <= 0:
        return 1.0
    magnitude = 10 ** int(f"{raw:e}".split("e")[1])
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * magnitude:
            return m * magnitude
    return 10 * magnitude
