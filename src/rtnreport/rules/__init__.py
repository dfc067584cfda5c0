"""Rules: pure functions that compute every derived figure from the models.

No I/O and no formatting here: numbers in, numbers (or None for "–") out.

* :mod:`.arith` — arithmetic with missing values, and on intervals;
* :mod:`.ekonomi` — resultatrapport, driftredovisning, investeringar, handlingsplan;
* :mod:`.personal` — lönekostnad, kostnadsanalys, årsarbetare, sjukfrånvaro;
* :mod:`.maluppfyllelse` — the 3.1 summary and indicator assessment;
* :mod:`.consistency` — published figures against computed ones;
* :mod:`.report` — the compute phase of a whole year.
"""
