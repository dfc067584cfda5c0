"""Planning rules: which uppdrag go to the nämnd, and how many."""

from __future__ import annotations

from collections.abc import Sequence

from .. import models as m

TILL_NAMNDEN = ("namnden", "alla_namnder")


def uppdrag_till_namnden(uppdrag: Sequence[m.Uppdrag]) -> list[m.Uppdrag]:
    """The fullmäktige uppdrag the nämnd receives: numbered, to the nämnd or to all nämnder.

    These are the items of "Sammanfattning av uppdrag till regional tillväxtnämnd
    (N st)"; the förvaltning's own uppdrag are not among them.
    """
    return [u for u in uppdrag if u.nummer and u.mottagare in TILL_NAMNDEN]
