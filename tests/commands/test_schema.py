"""rtnreport schema: the committed schemas are current and accept the shipped data."""

from __future__ import annotations

import json
from decimal import Decimal

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import ROOT
from rtnreport.__main__ import cli
from rtnreport.commands.schema import editor_settings, schema_filename, schemas
from rtnreport.models import FILE_MODELS, FOLLOWUP_FILE_MODELS
from rtnreport.yamlload import load_file


def test_committed_schemas_are_up_to_date():
    for name, schema in schemas().items():
        path = ROOT / "schemas" / schema_filename(name)
        assert path.exists(), f"run 'rtnreport schema' ({path} missing)"
        assert json.loads(path.read_text(encoding="utf-8")) == schema, (
            f"{path} is stale: run 'rtnreport schema'")


def test_editor_settings_associate_every_file_kind():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == editor_settings()["yaml.schemas"]


def _jsonable(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


@pytest.mark.parametrize("path", sorted((ROOT / "data").glob("*/*.yaml"))
                         + sorted((ROOT / "data").glob("*/*/*.yaml")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_data_validates_against_its_schema(path):
    in_report_folder = path.parent.parent.parent == ROOT / "data"
    schema = schemas()[("rapport-" if in_report_folder else "") + path.name]
    data, _ = load_file(path)
    jsonschema.validate(_jsonable(data), schema)


def test_schema_rejects_what_check_rejects():
    schema = schemas()["uppdrag.yaml"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"uppdrag": [{"id": "Ogiltigt Id", "text": "x"}]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"uppdrag": [{"id": "a", "text": "x", "okänt": 1}]}, schema)


def test_schema_command_writes_files(tmp_path, copy_2024):
    r = CliRunner().invoke(cli, ["--project", str(copy_2024.root), "schema"])
    assert r.exit_code == 0
    written = list((copy_2024.root / "schemas").glob("*.schema.json"))
    assert len(written) == len(FILE_MODELS) + len(FOLLOWUP_FILE_MODELS)
    assert (copy_2024.root / ".vscode" / "settings.json").exists()
