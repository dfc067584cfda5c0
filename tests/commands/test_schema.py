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
from rtnreport.descriptions import FALT, MODELL_FALT
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
    assert len(written) == len(FILE_MODELS) + len(FOLLOWUP_FILE_MODELS) + 1  # + rtnreport.yaml
    assert (copy_2024.root / ".vscode" / "settings.json").exists()


def _properties(node, where=""):
    """Every (path, property schema) in a schema, however deeply nested."""
    if isinstance(node, dict):
        for key, prop in (node.get("properties") or {}).items():
            yield f"{where}.{key}", prop
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _properties(value, f"{where}[{i}]")


def test_every_property_of_every_committed_schema_has_a_description():
    files = sorted((ROOT / "schemas").glob("*.schema.json"))
    assert len(files) == len(schemas())
    count = 0
    for path in files:
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema.get("description"), f"{path.name} has no description of the file"
        for where, prop in _properties(schema):
            count += 1
            text = prop.get("description", "")
            assert len(text) >= 10, f"{path.name}: {where} has no description"
            assert "Tal med decimalpunkt" != text, f"{path.name}: {where}: only the type's"
    assert count > 600  # every file kind's every field, not a sample


def test_descriptions_are_swedish_not_the_models_docstrings():
    for name, schema in schemas().items():
        for where, prop in _properties(schema):
            text = prop["description"]
            assert not any(w in f" {text} " for w in (" the ", " of ", " with ", " and ")), (
                name, where, text)
        for defn, part in schema.get("$defs", {}).items():
            if "properties" in part:  # a model's English docstring is not for analysts
                assert "description" not in part, (name, defn)


def test_every_override_names_a_real_field_and_every_name_is_used():
    used_models: set[str] = set()
    used_names: set[str] = set()
    for schema in schemas().values():
        parts = [(schema["title"], schema)] + list(schema.get("$defs", {}).items())
        for model, part in parts:
            for field in part.get("properties", {}):
                used_models.add(f"{model}.{field}")
                used_names.add(field)
    roots = {m.__name__ for m in (*FILE_MODELS.values(), *FOLLOWUP_FILE_MODELS.values())}
    roots.add("ProjektFil")
    for key in MODELL_FALT:
        model, field = key.split(".")
        assert key in used_models or (model in roots and field in used_names), key
    assert set(FALT) <= used_names, set(FALT) - used_names


def test_field_descriptions_reach_the_schema():
    ind = schemas()["rapport-indikatorer.yaml"]
    props = ind["$defs"]["IndikatorUppfoljning"]["properties"]
    assert props["utfall"]["description"].startswith("Periodens utfall")
    assert "80.1" in props["utfall"]["description"]
    # one name, two meanings: an uppdrag's mal and a follow-up's status words
    upp = schemas()["uppdrag.yaml"]["$defs"]["Uppdrag"]["properties"]
    assert "uppdraget" in upp["mal"]["description"]
    ik = schemas()["rapport-internkontroll.yaml"]["$defs"]["AtgardUppfoljning"]["properties"]
    assert "pagaende" in ik["status"]["description"]
    # the type's own hint stays after the field's
    assert "små bokstäver" in schemas()["uppdrag.yaml"]["$defs"]["Uppdrag"]["properties"][
        "id"]["description"]


def test_project_file_has_a_schema_that_accepts_the_shipped_one():
    schema = schemas()["rtnreport.yaml"]
    assert editor_settings()["yaml.schemas"]["./schemas/rtnreport.schema.json"] == [
        "rtnreport.yaml"]
    data, _ = load_file(ROOT / "rtnreport.yaml")
    jsonschema.validate(_jsonable(data), schema)
    assert "organisation" in schema["required"]
    assert schema["properties"]["accentfarg"]["description"].startswith("Färgen")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**_jsonable(data), "organisationstyp": "landsting"}, schema)
