"""Names of Kolada's areas that reports print: riket, the regions (län) and Örebro läns kommuner.

Kolada's region ids are ``00`` + the county code (SCB's länskod); municipalities
have SCB's four-digit kommunkod.  An area not listed here is given its name in
the mapping (``{id: "1280", namn: Malmö}``).
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

OREBRO_LANS_KOMMUNER = {
    "1814": "Lekeberg", "1860": "Laxå", "1861": "Hallsberg", "1862": "Degerfors",
    "1863": "Hällefors", "1864": "Ljusnarsberg", "1880": "Örebro", "1881": "Kumla",
    "1882": "Askersund", "1883": "Karlskoga", "1884": "Nora", "1885": "Lindesberg",
}

NAMN: dict[str, str] = {"0000": "Riket", **{f"00{k}": v for k, v in LAN.items()},
                        **OREBRO_LANS_KOMMUNER}
"""Area id → the name a report prints."""
