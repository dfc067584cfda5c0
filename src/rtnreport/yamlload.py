"""A strict YAML loader that remembers where every value came from.

Built on PyYAML's event stream (the C parser when available), it resolves
plain scalars itself in the spirit of YAML 1.2's core schema, narrowed:

* ``null``, ``~`` and an empty value are None; ``true``/``false`` are booleans;
* integers without leading zeros are ``int``, decimals like ``80.1`` are
  ``Decimal`` (never float);
* everything else is text: ``no``, ``on``, ``1:30``, ``0755``, ``1e3`` and
  ``2024-03-01`` stay exactly as typed (a date field parses its own text).

It rejects what hand-maintained data never needs and what hides mistakes:
duplicate keys (naming both places), anchors and aliases (no alias bombs),
explicit tags, several documents in one file, non-string keys, files that
are not UTF-8, and files or trees beyond a size and depth cap.

Every value's position is kept in a :class:`SourceMap` keyed by its path
(the tuple of keys and indices from the root), so a later error, including
a Pydantic one, can point at ``file:line:col``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from .problems import Position

try:  # the C parser is ~10x faster; fall back to the pure-Python one
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_NODES = 200_000

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DEC = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+")

Path_ = tuple[Any, ...]


class YamlError(Exception):
    """A file that cannot be loaded at all; carries the position of the fault."""

    def __init__(self, message: str, position: Position | None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.position = position
        self.hint = hint


@dataclass
class SourceMap:
    """Where each value of one file stands: path → position of value / key."""

    file: Path
    values: dict[Path_, Position] = field(default_factory=dict)
    keys: dict[Path_, Position] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def data_path(self, loc: tuple[Any, ...]) -> Path_:
        """The deepest data path along ``loc``.

        Elements of ``loc`` that are not data paths (the tags Pydantic adds
        for unions and validators) are skipped.
        """
        path: Path_ = ()
        for element in loc:
            candidate = path + (element,)
            if candidate in self.values:
                path = candidate
        return path

    def locate(self, loc: tuple[Any, ...], at_key: bool = False) -> Position:
        path = self.data_path(loc)
        if at_key and path in self.keys:
            return self.keys[path]
        return self.values.get(path, Position(self.file, 1, 1))

    def line_text(self, line: int) -> str:
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1]
        return ""


def _pos(file: Path, mark: Any) -> Position:
    return Position(file, mark.line + 1, mark.column + 1)


def resolve_plain(text: str) -> Any:
    """Type of a plain (unquoted) scalar: see the module docstring."""
    if text in ("", "~", "null"):
        return None
    if text == "true":
        return True
    if text == "false":
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _DEC.fullmatch(text):
        return Decimal(text)
    return text


def decode_utf8(raw: bytes, file: Path) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise YamlError(
            f"filen är inte UTF-8: byten 0x{raw[exc.start]:02x} kan inte läsas",
            Position(file, line, col),
            hint="spara filen som UTF-8 (i VS Code: 'Save with Encoding' → UTF-8)",
        ) from None
    return text.removeprefix("\ufeff")


def load_text(text: str, file: Path) -> tuple[Any, SourceMap]:
    """Parse ``text`` (the contents of ``file``) into plain data and its map."""
    smap = SourceMap(file, lines=text.splitlines())
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise YamlError(
            f"filen är större än {MAX_BYTES // 1_000_000} MB; dela upp den", Position(file, 1, 1)
        )
    try:
        events = list(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        raise _translate(exc, file, smap) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise YamlError(f"YAML-fel: {exc}", Position(file, 1, 1)) from None
    builder = _Builder(file, smap)
    return builder.build(events), smap


def load_file(file: Path) -> tuple[Any, SourceMap]:
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise YamlError("filen finns inte", None) from None
    except OSError as exc:
        raise YamlError(f"filen kan inte läsas: {exc.strerror}", None) from None
    if len(raw) > MAX_BYTES:
        raise YamlError(
            f"filen är större än {MAX_BYTES // 1_000_000} MB; dela upp den", Position(file, 1, 1)
        )
    return load_text(decode_utf8(raw, file), file)


def _translate(exc: yaml.MarkedYAMLError, file: Path, smap: SourceMap) -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    position = _pos(file, mark) if mark is not None else Position(file, 1, 1)
    problem = (exc.problem or str(exc)).strip()
    hint = None
    line = smap.line_text(position.line)
    at = line[position.col - 1 : position.col] if position.col >= 1 else ""
    if at == "\t" or "\\t" in problem or ("\t" in line[: position.col] and "token" in problem):
        message = "tabbtecken i indraget"
        hint = "YAML tillåter bara mellanslag för indrag; ersätt tabben med mellanslag"
    elif "mapping values are not allowed" in problem:
        message = "kolon på fel ställe (troligen ett ':' i en text utan citattecken, eller fel indrag)"
        hint = 'sätt texten inom citattecken, t.ex. text: "Mål: …", eller kontrollera indraget'
    elif "could not find expected ':'" in problem:
        message = "en rad saknar ':' eller har fel indrag"
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        message = "fel indrag: raden passar inte in i strukturen ovanför"
        hint = "kontrollera att raden har samma indrag som sina syskon"
    elif "found character" in problem:
        message = f"ogiltigt tecken: {problem}"
    elif "found unexpected end of stream" in problem:
        message = "filen tar slut mitt i en text (ett citattecken stängs aldrig?)"
    else:
        context = f"{exc.context}: " if exc.context else ""
        message = f"YAML-syntaxfel: {context}{problem}"
    return YamlError(message, position, hint)


class _Builder:
    def __init__(self, file: Path, smap: SourceMap):
        self.file = file
        self.smap = smap
        self.nodes = 0
        self.documents = 0

    def build(self, events: list[Any]) -> Any:
        self.events = events
        self.i = 0
        result: Any = None
        while self.i < len(events):
            ev = events[self.i]
            if isinstance(ev, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    raise YamlError(
                        "filen innehåller flera YAML-dokument ('---'); en fil ska ha ett",
                        _pos(self.file, ev.start_mark),
                    )
                self.i += 1
                result = self._node((), 0)
                continue
            self.i += 1
        return result

    def _check_node(self, ev: Any, depth: int) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise YamlError(f"filen har fler än {MAX_NODES} värden", _pos(self.file, ev.start_mark))
        if depth > MAX_DEPTH:
            raise YamlError(
                f"strukturen är djupare än {MAX_DEPTH} nivåer", _pos(self.file, ev.start_mark)
            )
        if getattr(ev, "anchor", None) is not None:
            raise YamlError(
                f"ankare (&{ev.anchor}) används inte i rtnreports data; skriv ut värdet",
                _pos(self.file, ev.start_mark),
            )
        tag = getattr(ev, "tag", None)
        if tag not in (None, "!"):
            raise YamlError(
                f"taggen {tag} är inte tillåten; rtnreports data använder inga taggar",
                _pos(self.file, ev.start_mark),
            )

    def _node(self, path: Path_, depth: int) -> Any:
        ev = self.events[self.i]
        self.i += 1
        if isinstance(ev, yaml.AliasEvent):
            raise YamlError(
                f"alias (*{ev.anchor}) används inte i rtnreports data; skriv ut värdet",
                _pos(self.file, ev.start_mark),
            )
        self._check_node(ev, depth)
        self.smap.values[path] = _pos(self.file, ev.start_mark)
        if isinstance(ev, yaml.ScalarEvent):
            if not ev.style and ev.implicit[0]:
                return resolve_plain(ev.value)
            return ev.value
        if isinstance(ev, yaml.SequenceStartEvent):
            items = []
            while not isinstance(self.events[self.i], yaml.SequenceEndEvent):
                items.append(self._node(path + (len(items),), depth + 1))
            self.i += 1
            return items
        if isinstance(ev, yaml.MappingStartEvent):
            mapping: dict[str, Any] = {}
            while not isinstance(self.events[self.i], yaml.MappingEndEvent):
                kev = self.events[self.i]
                if not isinstance(kev, yaml.ScalarEvent):
                    if isinstance(kev, yaml.AliasEvent):
                        raise YamlError(
                            f"alias (*{kev.anchor}) används inte i rtnreports data",
                            _pos(self.file, kev.start_mark),
                        )
                    raise YamlError(
                        "en nyckel måste vara ett enkelt ord, inte en lista eller mappning",
                        _pos(self.file, kev.start_mark),
                    )
                self._check_node(kev, depth + 1)
                self.i += 1
                key = kev.value
                kpos = _pos(self.file, kev.start_mark)
                if key in mapping:
                    first = self.smap.keys[path + (key,)]
                    raise YamlError(
                        f"nyckeln '{key}' förekommer två gånger (först på rad {first.line}, "
                        f"igen på rad {kpos.line}); YAML skulle tyst behålla den sista",
                        kpos,
                        hint=f"ta bort eller byt namn på en av dem (se {first})",
                    )
                self.smap.keys[path + (key,)] = kpos
                mapping[key] = self._node(path + (key,), depth + 1)
            self.i += 1
            return mapping
        raise YamlError(  # pragma: no cover - the parser yields only the above
            f"oväntat YAML-element {type(ev).__name__}", _pos(self.file, ev.start_mark)
        )
