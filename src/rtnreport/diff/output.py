"""A diff for people and for machines: terminal text, Markdown, JSON, HTML."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from decimal import Decimal
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import escape

from .. import models as m
from ..render.format import MISSING, number, varde_text
from .engine import Change, DiffResult, FieldChange

KIND_PLURAL = {"added": "nya", "removed": "borttagna", "changed": "ändrade",
               "section-missing": "avsnitt saknas", "restructured": "strukturändringar"}
KIND_WORD = {"added": "ny", "removed": "borttagen", "changed": "ändrad",
             "section-missing": "avsnitt saknas", "restructured": "struktur"}
SIGN = {"added": "+", "removed": "−", "changed": "~", "section-missing": "!", "restructured": "≈"}

RED, GREEN, YELLOW, BOLD, DIM, RESET = ("\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[1m", "\x1b[2m",
                                        "\x1b[0m")


CODES = {
    "oka": "öka", "minska": "minska", "intervall": "inom intervall",
    "hogre_an_jamforelse": "högre än jämförbara län", "uppna": "uppnå",
    "namnden": "nämnden", "forvaltningen": "förvaltningen", "alla_namnder": "samtliga nämnder",
    "effektmal": "målsättning/effektmål", "mal": "mål", "strategi": "strategi",
    "fokusomrade": "fokusområde", "territoriellt_mal": "territoriellt mål",
    "verksamhetsmal": "verksamhetsmål", "namndmal": "nämndmål",
    "gron": "grön", "gul": "gul", "rod": "röd",
    "forbattrad": "förbättrad", "oforandrad": "oförändrad", "forsamrad": "försämrad",
    "helt": "helt", "delvis": "delvis", "inte_alls": "inte alls", "varde_saknas": "värde saknas",
}


def _value(v: Any) -> str:
    if v is None:
        return MISSING
    if isinstance(v, str) and v in CODES:
        return CODES[v]
    if isinstance(v, m.Varde):
        return varde_text(v, with_period=True)
    if isinstance(v, Decimal):
        return number(v, max(0, -v.as_tuple().exponent) if isinstance(v.as_tuple().exponent, int)
                      else 1)
    return str(v)


def _figure(fc: FieldChange) -> str:
    text = f"{_value(fc.before)} → {_value(fc.after)}"
    if fc.amount is not None:
        pct = f", {number(fc.percent, 1, plus=True)} %" if fc.percent is not None else ""
        text += f" ({number(fc.amount, 1, plus=True)}{pct})"
    return text


def _field_line(fc: FieldChange, color: bool) -> str:
    if fc.words:
        parts = []
        for w in fc.words:
            if w.op == "equal":
                parts.append(w.text)
            elif w.op == "delete":
                parts.append(f"{RED}[-{w.text}-]{RESET}" if color else f"[-{w.text}-]")
            else:
                parts.append(f"{GREEN}{{+{w.text}+}}{RESET}" if color else f"{{+{w.text}+}}")
        return f"{fc.label}: " + " ".join(parts)
    return f"{fc.label}: {_figure(fc)}"


def summary_line(result: DiffResult) -> str:
    counts = result.counts()
    if not counts:
        return f"Inga skillnader mellan {result.before} och {result.after}."
    one = {**KIND_WORD, "restructured": "strukturändring"}
    parts = [f"{n} {one[k] if n == 1 else KIND_PLURAL[k]}" for k, n in sorted(counts.items())]
    return f"{result.before} → {result.after}: " + ", ".join(parts) + "."


def to_text(result: DiffResult, color: bool = False) -> str:
    out = [f"{BOLD if color else ''}rtnreport diff {result.before} → {result.after}"
           f"{RESET if color else ''}", ""]
    for s in result.sections:
        if not s.changes:
            continue
        out.append(f"{BOLD if color else ''}{s.title}{RESET if color else ''}"
                   + (f"  ({s.unchanged} oförändrade)" if s.unchanged else ""))
        for c in s.changes:
            colour = {"added": GREEN, "removed": RED}.get(c.kind, YELLOW) if color else ""
            tags = f" [{', '.join(c.tags)}]" if c.kind == "changed" and c.tags else ""
            head = f"  {colour}{SIGN[c.kind]} {c.label}{RESET if color else ''}{tags}"
            out.append(head)
            if c.note:
                out.append(f"      {c.note}")
            for fc in c.fields:
                out.append("      " + _field_line(fc, color))
            if c.stable_id:
                out.append(f"      {DIM if color else ''}id: {c.id}{RESET if color else ''}")
        out.append("")
    out.append(summary_line(result))
    return "\n".join(out) + "\n"


# A Markdown link or image as prose writes it: [text](url "title"), ![alt](url).
_MD_LINK = re.compile(r"(!?)\[([^\[\]\n]*)\]\(\s*<?([^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*)>?"
                      r"(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_SLUG = re.compile(r"[a-z0-9][a-z0-9.-]*")
SAFE_SCHEMES = ("http", "https", "mailto")


def _md_text(text: str) -> str:
    """Plain text that Markdown shows as typed: no HTML, no emphasis, no link, one line."""
    text = " ".join(text.splitlines())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _safe_url(url: str) -> str | None:
    """``url`` fit for a link in the CI job summary (http(s) or mailto), else None."""
    scheme = urlsplit(url).scheme.lower() if ":" in url else ""
    if scheme not in SAFE_SCHEMES:
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


def _md_escape(text: str) -> str:
    """Data text for the Markdown diff (it goes into a CI job summary, rendered as HTML).

    HTML is escaped, emphasis and code marks are shown as typed; a link keeps its
    target only for http(s) and mailto (otherwise its text stays), and an image
    becomes its alt text, so nothing is loaded or run from the data.
    """
    out: list[str] = []
    pos = 0
    for link in _MD_LINK.finditer(text):
        out.append(_md_text(text[pos:link.start()]))
        image, label, url = link.groups()
        target = None if image else _safe_url(url)
        if image:
            out.append(_md_text(f"(bild: {label})" if label else "(bild)"))
        elif target is not None:
            out.append(f"[{_md_text(label) or _md_text(url)}]({target})")
        else:
            out.append(_md_text(label))
        pos = link.end()
    out.append(_md_text(text[pos:]))
    return "".join(out)


def _md_field(fc: FieldChange) -> str:
    if fc.words:
        parts = []
        for w in fc.words:
            t = _md_escape(w.text)
            parts.append(t if w.op == "equal" else (f"~~{t}~~" if w.op == "delete" else f"**{t}**"))
        return f"{_md_escape(fc.label)}: " + " ".join(parts)
    return f"{_md_escape(fc.label)}: {_md_escape(_figure(fc))}"


def to_markdown(result: DiffResult) -> str:
    out = [f"# Skillnader {_md_escape(result.before)} → {_md_escape(result.after)}", "",
           _md_escape(summary_line(result)), ""]
    for s in result.sections:
        if not s.changes:
            continue
        out += [f"## {_md_escape(s.title)}", ""]
        if s.unchanged:
            out += [f"{s.unchanged} oförändrade.", ""]
        for c in s.changes:
            tags = f" *({_md_escape(', '.join(c.tags))})*" if c.kind == "changed" and c.tags \
                else ""
            out.append(f"- **{KIND_WORD[c.kind]}**: {_md_escape(c.label)}{tags}"
                       + (f" `{c.id}`" if c.stable_id and _SLUG.fullmatch(c.id) else
                          f" id: {_md_escape(c.id)}" if c.stable_id else ""))
            if c.note:
                out.append(f"  - {_md_escape(c.note)}")
            for fc in c.fields:
                out.append(f"  - {_md_field(fc)}")
        out.append("")
    return "\n".join(out)


def _plain(v: Any) -> Any:
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, m.Varde):
        return v.model_dump(mode="json", exclude_none=True)
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def to_json(result: DiffResult) -> str:
    payload = {
        "before": result.before,
        "after": result.after,
        "counts": result.counts(),
        "sections": [
            {"key": s.key, "title": s.title, "unchanged": s.unchanged,
             "changes": [{**_plain(asdict(c)), "tags": c.tags} for c in s.changes]}
            for s in result.sections
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _html_field(fc: FieldChange) -> str:
    if fc.words:
        parts = []
        for w in fc.words:
            t = escape(w.text)
            parts.append(str(t) if w.op == "equal" else
                         (f"<del>{t}</del>" if w.op == "delete" else f"<ins>{t}</ins>"))
        return f"<strong>{escape(fc.label)}:</strong> " + " ".join(parts)
    return f"<strong>{escape(fc.label)}:</strong> {escape(_figure(fc))}"


def change_html(c: Change) -> str:
    tags = f" <em>({escape(', '.join(c.tags))})</em>" if c.kind == "changed" and c.tags else ""
    items = "".join(f"<li>{_html_field(fc)}</li>" for fc in c.fields)
    note = f"<p>{escape(c.note)}</p>" if c.note else ""
    return (f'<li class="diff-{c.kind}"><span class="diff-kind">{escape(KIND_WORD[c.kind])}:</span> '
            f"{escape(c.label)}{tags}{note}{f'<ul>{items}</ul>' if items else ''}</li>")


def to_html(result: DiffResult) -> str:
    body = [f"<h1>Skillnader {escape(result.before)} → {escape(result.after)}</h1>",
            f"<p>{escape(summary_line(result))}</p>"]
    for s in result.sections:
        if not s.changes:
            continue
        body.append(f"<section><h2>{escape(s.title)}</h2>")
        if s.unchanged:
            body.append(f"<p>{s.unchanged} oförändrade.</p>")
        body.append("<ul>" + "".join(change_html(c) for c in s.changes) + "</ul></section>")
    css = ("body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60rem;margin:auto;padding:1rem;"
           "line-height:1.5;color:#1a1a1a}del{background:#fde2e1;color:#8a1c14}"
           "ins{background:#dff3e3;color:#145a25;text-decoration:none;font-weight:bold}"
           ".diff-kind{font-weight:bold}h1,h2{color:#00507a}")
    return ("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>Skillnader {escape(result.before)} → {escape(result.after)}</title>\n"
            f"<style>{css}</style>\n</head>\n<body>\n<main>\n" + "\n".join(body)
            + "\n</main>\n</body>\n</html>\n")
