"""``rtnreport schema``: JSON Schema for each data file kind, for editors.

yaml-language-server (VS Code's YAML extension and others) reads the schemas
through the associations in ``.vscode/settings.json``, so analysts get
completion and validation while typing.  ``check`` stays the authority: the
schema cannot express cross-file references or the published-figure checks.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..models import FILE_MODELS


def schemas() -> dict[str, dict]:
    """file name (``mal.yaml``) → its JSON Schema."""
    out = {}
    for name, model in FILE_MODELS.items():
        schema = model.model_json_schema(mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"rtnreport: data/<år>/{name}"
        out[name] = schema
    return out


def schema_filename(data_file: str) -> str:
    return data_file.replace(".yaml", ".schema.json")


def write_schemas(out_dir: Path) -> list[Path]:
    from .build import atomic_write

    written = []
    for name, schema in schemas().items():
        path = out_dir / schema_filename(name)
        atomic_write(path, (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode())
        written.append(path)
    return written


def editor_settings(schema_dir: str = "schemas") -> dict:
    """The yaml.schemas associations for .vscode/settings.json."""
    return {"yaml.schemas": {f"./{schema_dir}/{schema_filename(n)}": [f"data/*/{n}"]
                             for n in FILE_MODELS},
            "yaml.customTags": [],
            "files.encoding": "utf8"}
