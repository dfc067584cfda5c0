"""A figure as a Swedish reader writes it, for messages and reports alike.

``tal(Decimal("-1234.5"))`` → ``−1 234,5``: decimal comma, a no-break space between
thousands, a real minus sign, and as many decimals as the figure was written
with.  Pure and dependency-free, so the rules (which never format for the
page) and ``check``'s messages say numbers the same way the reports do.
"""

from __future__ import annotations

from decimal import Decimal

MINUS = "\u2212"
NBSP = "\u00a0"


def tal(value: Decimal | int) -> str:
    d = Decimal(value)
    if not d.is_finite():
        return "–"
    exponent = d.as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    text = f"{abs(d):,.{decimals}f}"
    integer, _, fraction = text.partition(".")
    sign = MINUS if d < 0 else ""
    return sign + integer.replace(",", NBSP) + ("," + fraction if fraction else "")
