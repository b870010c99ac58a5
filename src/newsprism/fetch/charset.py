"""Bytes of a web page to text: BOM, then the HTTP header's charset, then the page's own
``<meta charset>``, each only if it decodes the page; else detection (charset_normalizer)."""

from __future__ import annotations

import codecs
import re

CHAOS_MARGIN = 0.05  # decodings this close to the calmest one compete on coherence
_WESTERN = ("cp1252", "latin_1", "iso8859_15")  # charset_normalizer's names
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip


def meta_charset(body: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset>`` or http-equiv)."""
    found = _META.search(body[:4096])
    return found.group(1).decode("ascii", "replace") if found else None


def decode_page(body: bytes, declared: str | None = None) -> str:
    """The page's text. A declared charset that fails on the bytes (a server that says UTF-8
    and sends Latin-1) is not trusted: the next clue is tried, and detection comes last."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body.decode(name, "replace")
    for name in dict.fromkeys(n for n in (declared, meta_charset(body), "utf-8") if n):
        try:
            return body.decode(name.lower())
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    # charset_normalizer's best is the least chaotic decoding, and on short Western text
    # several code pages tie there (cp1257 turns "après" into "aprčs"); of the nearly calm
    # ones, windows-1252 (the web's legacy default, WHATWG's for undeclared Western pages)
    # wins when it is among them; else the one whose letters fit a language best.
    results = list(from_bytes(body))
    if not results:
        return body.decode("utf-8", "replace")
    calm = min(r.chaos for r in results)
    nearly = [r for r in results if r.chaos <= calm + CHAOS_MARGIN]
    western = [r for r in nearly if r.encoding in _WESTERN]
    return str(western[0] if western else max(nearly, key=lambda r: r.coherence))
