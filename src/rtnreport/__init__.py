"""rtnreport: the reports of Regional tillväxtnämnd, Region Örebro län, from YAML.

Library first: every CLI command is a thin wrapper over a function here
(:func:`rtnreport.commands.check.run_check`, …).
"""

__version__ = "0.1.0"
