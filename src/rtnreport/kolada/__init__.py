"""Indicator outcomes from Kolada, the open KPI database of Swedish municipalities and regions.

- :mod:`.client`: the HTTP client (paging, batching, retries, timeout) over an
  injectable transport, so tests never open a socket;
- :mod:`.svar`: a response (live or saved) as values by (kpi, område, år, kön);
- :mod:`.importera`: what an import would change in a follow-up's indikatorer.yaml,
  written with its comments kept (ruamel.yaml round-trip, for writing only);
- :mod:`.kontroll`: ``check``'s comparison of imported values with the saved responses;
- :mod:`.omraden`: the names of the areas rtnreport knows.

Saved responses live beside the data they fed: ``data/<år>/<rapport>/kolada/<KPI>.json``.
"""
