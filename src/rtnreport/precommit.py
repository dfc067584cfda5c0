"""The pre-commit hook: check only the years whose files a commit touches.

``python -m rtnreport.precommit data/2024/mal.yaml data/2025/text/x.md`` runs
``rtnreport check --strict 2024 2025`` (last year too, since trends read it).
"""

from __future__ import annotations

import re
import sys

from .__main__ import cli


def years_of(paths: list[str]) -> list[str]:
    years = {m.group(1) for p in paths if (m := re.match(r"^data/(\d{4})/", p.replace("\\", "/")))}
    return sorted(years)


def main(argv: list[str] | None = None) -> None:
    years = years_of(list(sys.argv[1:] if argv is None else argv))
    if not years:
        return
    cli.main(["check", "--strict", *years], prog_name="rtnreport")


if __name__ == "__main__":
    main()
