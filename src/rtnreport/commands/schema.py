"""``rtnreport schema``: JSON Schema for each data file kind, for editors.

yaml-language-server (VS Code's YAML extension and others) reads the schemas
through the associations in ``.vscode/settings.json``, so analysts get
completion and validation while typing.  ``check`` stays the authority: the
schema cannot express cross-file references or the published-figure checks.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..models import FILE_MODELS, FOLLOWUP_FILE_MODELS

FOLLOWUP_PREFIX = "rapport-"
"""Schemas of a report's own files are named ``rapport-<kind>.schema.json``."""


def schemas() -> dict[str, dict]:
    """schema key (``mal.yaml`` for the plan, ``rapport-mal.yaml`` for a report) → schema."""
    out = {}
    for prefix, models, where in (("", FILE_MODELS, "data/<år>/"),
                                  (FOLLOWUP_PREFIX, FOLLOWUP_FILE_MODELS,
                                   "data/<år>/<rapport-id>/")):
        for name, model in models.items():
            schema = model.model_json_schema(mode="validation")
            schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
            schema["title"] = f"rtnreport: {where}{name}"
            out[prefix + name] = schema
    return out


def schema_filename(data_file: str) -> str:
    return data_file.replace(".yaml", ".schema.json")


def write_schemas(out_dir: Path) -> list[Path]:
    from ..outputs import atomic_write

    written = []
    for name, schema in schemas().items():
        path = out_dir / schema_filename(name)
        atomic_write(path, (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode())
        written.append(path)
    return written


def editor_settings(schema_dir: str = "schemas") -> dict:
    """The yaml.schemas associations for .vscode/settings.json."""
    associations = {f"./{schema_dir}/{schema_filename(n)}": [f"data/*/{n}"]
                    for n in FILE_MODELS}
    associations.update({
        f"./{schema_dir}/{schema_filename(FOLLOWUP_PREFIX + n)}": [f"data/*/*/{n}"]
        for n in FOLLOWUP_FILE_MODELS})
    return {"yaml.schemas": associations,
            "yaml.customTags": [],
            "files.encoding": "utf8"}
