"""``rtnreport schema``: JSON Schema for each data file kind, for editors.

yaml-language-server (VS Code's YAML extension and others) reads the schemas
through the associations in ``.vscode/settings.json``, so analysts get
completion and validation while typing, and a short Swedish description of
every key on hover (from :mod:`rtnreport.descriptions`).  ``check`` stays the
authority: the schema cannot express cross-file references or the
published-figure checks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..descriptions import FILER, beskrivning
from ..models import FILE_MODELS, FOLLOWUP_FILE_MODELS, ProjektFil

FOLLOWUP_PREFIX = "rapport-"
"""Schemas of a report's own files are named ``rapport-<kind>.schema.json``."""

PROJECT_FILE = "rtnreport.yaml"
"""The project file; its schema is ``rtnreport.schema.json``."""


def describe(schema: dict[str, Any], root_model: str) -> dict[str, Any]:
    """Give every property of ``schema`` (its own and its ``$defs``') a Swedish description.

    A description the type already carries ("Tal med decimalpunkt", the id
    pattern) is kept after the field's.  The models' docstrings, which
    pydantic puts on each definition, are for developers and are dropped.
    """
    parts = [(root_model, schema)] + list(schema.get("$defs", {}).items())
    for model, part in parts:
        if "properties" not in part:
            continue
        if part is not schema:
            part.pop("description", None)
        for field, prop in part["properties"].items():
            text = beskrivning(model, field)
            if text is None:
                continue
            own = prop.get("description")
            prop["description"] = text if not own or own in text else f"{text} {own}."
    return schema


def _schema(model: Any, key: str, where: str) -> dict[str, Any]:
    schema = model.model_json_schema(mode="validation")
    describe(schema, model.__name__)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"rtnreport: {where}"
    schema["description"] = FILER[key]
    return schema


def schemas() -> dict[str, dict]:
    """schema key (``mal.yaml`` for the plan, ``rapport-mal.yaml`` for a report,
    ``rtnreport.yaml`` for the project file) → schema."""
    out = {}
    for prefix, models, where in (("", FILE_MODELS, "data/<år>/"),
                                  (FOLLOWUP_PREFIX, FOLLOWUP_FILE_MODELS,
                                   "data/<år>/<rapport-id>/")):
        for name, model in models.items():
            out[prefix + name] = _schema(model, prefix + name, where + name)
    out[PROJECT_FILE] = _schema(ProjektFil, PROJECT_FILE, PROJECT_FILE)
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
    associations[f"./{schema_dir}/{schema_filename(PROJECT_FILE)}"] = [PROJECT_FILE]
    return {"yaml.schemas": associations,
            "yaml.customTags": [],
            "files.encoding": "utf8"}


class SettingsNotJson(Exception):
    """The project's .vscode/settings.json is not JSON; the schemas were written anyway."""

    def __init__(self, message: str, written: list[Path]):
        super().__init__(message)
        self.written = written


def write_project_schemas(root: Path, out_dir: Path | None = None) -> list[Path]:
    """Write the schemas (default: ``schemas/``) and merge their associations into the
    project's ``.vscode/settings.json``, keeping every other setting there."""
    from ..outputs import atomic_write

    target = out_dir or root / "schemas"
    written = write_schemas(target)
    try:
        rel = target.resolve().relative_to(root.resolve())
    except ValueError:
        return written  # schemas outside the project: no editor association to write
    settings = root / ".vscode" / "settings.json"
    current: dict = {}
    if settings.exists():
        try:
            current = json.loads(settings.read_text(encoding="utf-8"))
        except ValueError:
            raise SettingsNotJson(f"{settings} är inte giltig JSON", written) from None
    current.update(editor_settings(str(rel)))
    atomic_write(settings, (json.dumps(current, ensure_ascii=False, indent=2) + "\n").encode())
    return written + [settings]
