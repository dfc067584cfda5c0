"""A strict YAML loader that remembers where every value came from.

Built on PyYAML's event stream (the C parser when available), it resolves
plain scalars itself in the spirit of YAML 1.2's core schema, narrowed:

* ``null``, ``~`` and an empty value are None; ``true``/``false`` are booleans;
* integers without leading zeros are ``int``, decimals like ``80.1`` are
  ``Decimal`` (never float);
* everything else is text: ``no``, ``on``, ``1:30``, ``0755``, ``1e3`` and
  ``2024-03-01`` stay exactly as typed (a date field parses its own text);
* a number beyond what a report can hold — more than 15 digits before the
  point (|x| ≥ 1e15), more than 10 decimals or more than 20 significant
  digits — is an error at its position, never a value (``Decimal``
  arithmetic has 28 digits, and ``int()`` refuses more than 4 300).

It rejects what hand-maintained data never needs and what hides mistakes:
duplicate keys (naming both places), anchors and aliases (no alias bombs),
explicit tags, several documents in one file, non-string keys, files that
are not UTF-8, characters YAML forbids (control characters, located at their
line and column), and files or trees beyond a size and depth cap.  PyYAML's
English syntax errors are translated into Swedish with the fix.

Every value's position is kept in a :class:`SourceMap` keyed by its path
(the tuple of keys and indices from the root), so a later error, including
a Pydantic one, can point at ``file:line:col``.
"""

from __future__ import annotations

import errno
import os
import re
import stat
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

MAX_INTEGER_DIGITS = 15  # |x| < 1e15: far beyond any amount in kronor
MAX_DECIMALS = 10
MAX_SIGNIFICANT = 20

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DEC = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+")
# What YAML 1.2 allows in a stream (PyYAML's reader set), less the line breaks
# editors do not count (NEL, LS, PS: with them YAML's line numbers and the
# editor's would differ); everything else is refused.
_FORBIDDEN = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAK = re.compile("\r\n|\r|\n")

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


class NumberOutOfRange(ValueError):
    """A plain scalar that is a number no report can hold (the message says why)."""


NUMBER_HINT = ("kontrollera talet (ett inklistrat eller felskrivet värde?); är det en text, "
               "t.ex. ett diarienummer, sätt det inom citattecken")


def _pos(file: Path, mark: Any) -> Position:
    return Position(file, mark.line + 1, mark.column + 1)


def _number_problem(text: str) -> str | None:
    """Why the number ``text`` (matching _INT or _DEC) cannot be in a report, or None."""
    integer, _, fraction = text.lstrip("+-").partition(".")
    shown = text if len(text) <= 24 else text[:20] + "…"
    if len(integer) > MAX_INTEGER_DIGITS:
        return (f"talet {shown} är för stort: {len(integer)} siffror före decimalpunkten, "
                f"högst {MAX_INTEGER_DIGITS} (under 1e15) ryms i en rapport")
    significant = len((integer + fraction).lstrip("0"))
    if significant > MAX_SIGNIFICANT:
        return (f"talet {shown} har för många siffror ({significant} värdesiffror, "
                f"högst {MAX_SIGNIFICANT})")
    if len(fraction) > MAX_DECIMALS:
        return f"talet {shown} har {len(fraction)} decimaler, högst {MAX_DECIMALS}"
    return None


def resolve_plain(text: str) -> Any:
    """Type of a plain (unquoted) scalar: see the module docstring.

    Raises :class:`NumberOutOfRange` for a number beyond a report's limits.
    """
    if text in ("", "~", "null"):
        return None
    if text == "true":
        return True
    if text == "false":
        return False
    integer = _INT.fullmatch(text)
    if integer or _DEC.fullmatch(text):
        problem = _number_problem(text)
        if problem is not None:
            raise NumberOutOfRange(problem)
        return int(text) if integer else Decimal(text)
    return text


def forbidden_character(text: str, file: Path) -> YamlError | None:
    """The first character YAML does not allow, located at its line and column."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    lines = _LINE_BREAK.split(text[: found.start()])
    position = Position(file, len(lines), len(lines[-1]) + 1)
    code = ord(found.group())
    if code in (0x85, 0x2028, 0x2029):
        return YamlError(
            f"ovanligt radbrytningstecken U+{code:04X}; YAML och redigeraren räknar rader olika",
            position, hint="ersätt tecknet med en vanlig radbrytning eller ett mellanslag")
    what = "styrtecken" if code < 0x20 or 0x7F <= code <= 0x9F else "tecken"
    return YamlError(
        f"otillåtet {what} U+{code:04X} i filen; YAML tillåter det inte", position,
        hint="ta bort tecknet (det följer ofta med text som klistrats in från PDF eller Word); "
             "VS Code visar osynliga tecken med 'Render Control Characters'",
    )


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
    forbidden = forbidden_character(text, file)
    if forbidden is not None:
        raise forbidden
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise YamlError(
            f"filen är större än {MAX_BYTES // 1_000_000} MB; dela upp den", Position(file, 1, 1)
        )
    try:
        events = list(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        raise _translate(exc, file, smap) from None
    except yaml.YAMLError as exc:  # pragma: no cover - the forbidden characters are caught above
        raise YamlError("filen kan inte läsas som YAML", Position(file, 1, 1),
                        hint=f"kontrollera filens tecken (parserns beskrivning: {exc})") from None
    builder = _Builder(file, smap)
    return builder.build(events), smap


_OS_REASONS = {
    errno.EACCES: ("du saknar rätt att läsa filen", "ändra filens rättigheter (chmod u+r)"),
    errno.EPERM: ("du saknar rätt att läsa filen", "ändra filens rättigheter (chmod u+r)"),
    errno.ELOOP: ("symboliska länkar pekar på varandra i en slinga", "ersätt länken med filen"),
    errno.EISDIR: ("det är en katalog, inte en fil", "ta bort katalogen och lägg filen där"),
    errno.EIO: ("disken kunde inte läsas (I/O-fel)", "kontrollera disken och försök igen"),
}


def load_file(file: Path) -> tuple[Any, SourceMap]:
    """Load one YAML file (read with :func:`read_data_file`'s checks)."""
    return load_text(decode_utf8(read_data_file(file), file), file)


def read_data_file(file: Path) -> bytes:
    """The bytes of a data or text file: a regular file (not a folder, fifo or device) within the cap.

    The type and size are checked before a byte is read, so a fifo cannot block
    and a symlink to ``/dev/zero`` or a huge file cannot exhaust memory.  Raises
    :class:`YamlError` in Swedish (without a position: the caller names the file).
    """
    try:
        st = os.stat(file)
    except FileNotFoundError:
        if os.path.islink(file):
            raise YamlError(f"filen är en symbolisk länk till {os.readlink(file)}, som inte finns",
                            None, hint="ta bort länken eller lägg filen på dess plats") from None
        raise YamlError("filen finns inte", None) from None
    except OSError as exc:
        raise _os_error(exc) from None
    if stat.S_ISDIR(st.st_mode):
        raise YamlError("här ska en fil stå, men det är en katalog", None,
                        hint="ta bort eller byt namn på katalogen och lägg filen där")
    if not stat.S_ISREG(st.st_mode):
        raise YamlError("det här är inte en vanlig fil (utan t.ex. en fifo eller en enhet)", None,
                        hint="ersätt den med en vanlig textfil")
    if st.st_size > MAX_BYTES:
        raise YamlError(
            f"filen är större än {MAX_BYTES // 1_000_000} MB; dela upp den", Position(file, 1, 1)
        )
    try:
        with open(file, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)  # the file may have grown since stat
    except OSError as exc:
        raise _os_error(exc) from None
    if len(raw) > MAX_BYTES:
        raise YamlError(
            f"filen är större än {MAX_BYTES // 1_000_000} MB; dela upp den", Position(file, 1, 1)
        )
    return raw


def _os_error(exc: OSError) -> YamlError:
    reason, hint = _OS_REASONS.get(exc.errno or 0, (
        f"operativsystemet svarade felkod {exc.errno}", "kontrollera filen och försök igen"))
    return YamlError(f"filen kan inte läsas: {reason}", None, hint=hint)


def _where(mark: Any) -> str:
    return f"rad {mark.line + 1}, kolumn {mark.column + 1}"


def _item_column(smap: SourceMap, mark: Any) -> int | None:
    """The column where the content of the list item starting at ``mark`` begins."""
    line = smap.line_text(mark.line + 1)
    if line[mark.column: mark.column + 1] != "-":
        return None
    after = line[mark.column + 1:]
    content = after.lstrip(" ")
    if not content or content.startswith("#") or len(content) == len(after):
        return None
    return mark.column + 1 + (len(after) - len(content)) + 1


def _translate(exc: yaml.MarkedYAMLError, file: Path, smap: SourceMap) -> YamlError:
    """PyYAML's English syntax error → a Swedish message at its place, with the fix."""
    mark = exc.problem_mark or exc.context_mark
    cmark = exc.context_mark
    position = _pos(file, mark) if mark is not None else Position(file, 1, 1)
    problem = (exc.problem or str(exc)).strip()
    context = (exc.context or "").strip()
    hint = None
    line = smap.line_text(position.line)
    at = line[position.col - 1 : position.col] if position.col >= 1 else ""
    if at == "\t" or "\\t" in problem or "tab character" in problem or (
            "\t" in line[: position.col] and "token" in problem):
        message = "tabbtecken i indraget"
        hint = "YAML tillåter bara mellanslag för indrag; ersätt tabben med mellanslag"
    elif "mapping values are not allowed" in problem or "found unexpected ':'" in problem:
        message = "kolon på fel ställe (troligen ett ':' i en text utan citattecken, eller fel indrag)"
        hint = 'sätt texten inom citattecken, t.ex. text: "Mål: …", eller kontrollera indraget'
    elif "could not find expected ':'" in problem:
        message = "en rad saknar ':' eller har fel indrag"
        hint = ("varje rad ska vara 'nyckel: värde'; en text som fortsätter på nästa rad "
                "behöver citattecken eller mer indrag än sin nyckel")
    elif "expected '-' indicator" in problem:
        message = "fel indrag: raden står i en lista men börjar inte med '-'"
        column = _item_column(smap, cmark) if cmark is not None else None
        if column is not None:
            hint = (f"en ny post i listan börjar med '- ' i kolumn {cmark.column + 1}; hör raden "
                    f"till posten ovanför, dra in den till kolumn {column} som postens andra "
                    "nycklar")
        else:
            hint = ("en ny post i listan börjar med '- '; hör raden till posten ovanför, dra in "
                    "den lika långt som postens andra nycklar")
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        message = "fel indrag: raden passar inte in i strukturen ovanför"
        hint = ("kontrollera att raden har samma indrag som sina syskon; står det text efter "
                "ett citerat värde, sätt hela texten inom citattecken")
    elif "expected ',' or ']'" in problem:
        opened = f" (öppnad på {_where(cmark)})" if cmark is not None else ""
        message = f"en lista inom hakparenteser{opened} stängs aldrig med ']' eller saknar ett ','"
        hint = "avsluta listan med ']' och skilj värdena åt med ', ', eller skriv en '- ' per rad"
    elif "expected ',' or '}'" in problem:
        opened = f" (öppnad på {_where(cmark)})" if cmark is not None else ""
        message = f"en mappning inom klammerparenteser{opened} stängs aldrig med '}}' eller saknar ett ','"
        hint = "avsluta med '}' och skilj paren åt med ', ', eller skriv en 'nyckel: värde' per rad"
    elif "found unexpected end of stream" in problem and "quoted" in context and cmark is not None:
        position = _pos(file, cmark)
        message = "citattecknet här stängs aldrig; filen tar slut mitt i texten"
        hint = "avsluta texten med samma citattecken som den börjar med (\" eller ')"
    elif "found unexpected end of stream" in problem:
        message = "filen tar slut mitt i ett värde (ett citattecken eller en parentes stängs aldrig?)"
        hint = "kontrollera att varje citattecken och parentes stängs"
    elif "cannot start any token" in problem:
        message = f"tecknet '{at}' kan inte inleda ett värde i YAML"
        hint = f'sätt värdet inom citattecken, t.ex. "{at}…"'
    elif "escape" in problem or "hexdecimal" in problem:
        message = "ogiltig escape-sekvens med '\\' i en text inom dubbla citattecken"
        hint = ("skriv '\\\\' för ett bakstreck, eller använd enkla citattecken ('…'), där '\\' "
                "inte tolkas")
    elif "block sequence entries are not allowed" in problem:
        message = "en listpost ('- ') på fel ställe"
        hint = ("en lista börjar på raden under sin nyckel, och varje post har samma indrag; "
                "står '-' i en text, sätt texten inom citattecken")
    elif "comment or line break" in problem or "whitespace or line break" in problem:
        message = "oväntad text efter värdet på raden"
        hint = "sätt hela texten inom citattecken, eller flytta resten till en egen rad"
    elif "alphabetic or numeric character" in problem:
        message = "ett '&' eller '*' inleder ett ankare eller alias, som rtnreports data inte använder"
        hint = "sätt texten inom citattecken"
    elif "directive" in problem or "document start" in problem or "YAML document" in problem:
        message = "direktiv ('%') eller dokumentmarkeringar ('---', '...') används inte här"
        hint = "ta bort raden; en datafil är ett enda YAML-dokument utan direktiv"
    elif "tag" in problem:
        message = "taggar ('!') används inte i rtnreports data"
        hint = "ta bort taggen eller sätt texten inom citattecken"
    elif "node content" in problem:
        message = "ett värde saknas eller börjar med ett tecken som inte är tillåtet här"
        hint = "kontrollera raden; sätt texten inom citattecken"
    else:
        message = "YAML-syntaxfel: raden kan inte tolkas"
        detail = f"{context}: {problem}" if context else problem
        hint = ("kontrollera indrag, kolon och citattecken på raden och raden ovanför "
                f"(parserns beskrivning: {detail})")
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
                try:
                    return resolve_plain(ev.value)
                except NumberOutOfRange as exc:
                    raise YamlError(str(exc), self.smap.values[path], hint=NUMBER_HINT) from None
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
