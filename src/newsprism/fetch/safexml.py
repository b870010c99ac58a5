"""XML from the web, parsed with entities inert: a document that declares entities (the
"billion laughs" bomb, an external entity reading a local file or a URL) is refused before any
parser expands it, and the parsers used here never touch the network."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree


class UnsafeXML(ValueError):
    """The document declares entities or external references: refused, never expanded."""


def check_xml(data: bytes) -> None:
    """Raise ``UnsafeXML`` if ``data`` declares entities; malformed XML passes (the readers
    report what they can and cannot read of it)."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsafeXML(f"XML declares entities, refused unread ({type(exc).__name__})") from None
    except (ParseError, ValueError):
        return


def parse_xml(data: bytes) -> etree._Element | None:
    """The root of ``data`` (checked by ``check_xml`` first), recovering what a truncated or
    malformed document holds; ``None`` when nothing can be read."""
    from lxml import etree

    check_xml(data)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True,
                             load_dtd=False, huge_tree=False)  # fmt: skip
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


def local_name(element: etree._Element) -> str:
    """A tag without its namespace: sitemaps and OPML come with and without them."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""
