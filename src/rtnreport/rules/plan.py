"""Planning rules: which uppdrag go to the nämnd, and how many."""

from __future__ import annotations

from collections.abc import Sequence

from .. import models as m

TILL_NAMNDEN = ("namnden", "alla_namnder")


def uppdrag_till_namnden(uppdrag: Sequence[m.Uppdrag]) -> list[m.Uppdrag]:
    """The fullmäktige uppdrag the nämnd receives: numbered, to the nämnd or to all nämnder.

    These are the items of "Sammanfattning av uppdrag till <nämnden>
    (N st)", in its order: the nämnd's own by number, then those to all nämnder in
    the order of their målsättningar; the förvaltning's own uppdrag are not among them.
    """
    own = [u for u in uppdrag if u.nummer and u.mottagare == "namnden"]
    shared = [u for u in uppdrag if u.nummer and u.mottagare == "alla_namnder"]
    return sorted(own, key=_number) + shared


def _number(u: m.Uppdrag) -> tuple[int, str]:
    digits = "".join(ch for ch in u.nummer or "" if ch.isdigit())
    return (int(digits) if digits else 10**6, u.nummer or "")
