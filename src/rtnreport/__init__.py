"""rtnreport: a committee's plans and follow-ups, from YAML in git, as public reports.

Library first: every CLI command is a thin wrapper over a function here
(:func:`rtnreport.commands.check.run_check`, …).
"""

__version__ = "0.1.0"
