"""Names of Kolada's areas that reports print: riket and the regions (län).

Kolada's region ids are ``00`` + the county code (SCB's länskod); municipalities
have SCB's four-digit kommunkod.  A kommun (or any area not listed here) is given
its name in the mapping (``{id: "1280", namn: Malmö}``): the project names its own.
"""

from __future__ import annotations

LAN = {
    "01": "Stockholms län", "03": "Uppsala län", "04": "Södermanlands län",
    "05": "Östergötlands län", "06": "Jönköpings län", "07": "Kronobergs län",
    "08": "Kalmar län", "09": "Gotlands län", "10": "Blekinge län", "12": "Skåne län",
    "13": "Hallands län", "14": "Västra Götalands län", "17": "Värmlands län",
    "18": "Örebro län", "19": "Västmanlands län", "20": "Dalarnas län",
    "21": "Gävleborgs län", "22": "Västernorrlands län", "23": "Jämtlands län",
    "24": "Västerbottens län", "25": "Norrbottens län",
}

NAMN: dict[str, str] = {"0000": "Riket", **{f"00{k}": v for k, v in LAN.items()}}
"""Area id → the name a report prints."""
