"""The entity graph of a story: its most-named actors and who is named with whom, as plain SVG
coordinates (laid out here, drawn by the template; no script, no network)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from newsprism.render.view import BriefingView

MAX_NODES = 14
WIDTH, HEIGHT = 560, 340
TYPE_CLASSES = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "NORP": "group"}


@dataclass(frozen=True, slots=True)
class Node:
    name: str
    type: str
    mentions: int
    x: float
    y: float
    r: float
    kind: str  # CSS class: person, org, place, group, other
    anchor: str  # text-anchor of its label: start, middle or end


@dataclass(frozen=True, slots=True)
class Edge:
    first: Node
    second: Node
    passages: int  # sentences naming both
    width: float


@dataclass(frozen=True, slots=True)
class EntityGraph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    width: int = WIDTH
    height: int = HEIGHT


def layout_entity_graph(view: BriefingView, max_nodes: int = MAX_NODES) -> EntityGraph:
    """The actors named with another one first, then the most mentioned, on an ellipse."""
    rows = {row.entity.id: row for row in view.entities}
    paired = [e.id for pair in view.pairs for e in (pair.first, pair.second)]
    chosen = list(dict.fromkeys(paired + list(rows)))[:max_nodes]
    chosen.sort(key=lambda entity_id: -sum(rows[entity_id].counts))
    top = max((sum(rows[e].counts) for e in chosen), default=1)
    nodes: dict[str, Node] = {}
    for index, entity_id in enumerate(chosen):
        entity, mentions = rows[entity_id].entity, sum(rows[entity_id].counts)
        angle = -math.pi / 2 + 2 * math.pi * index / max(1, len(chosen))
        x = WIDTH / 2 + (WIDTH / 2 - 130) * math.cos(angle)
        y = HEIGHT / 2 + (HEIGHT / 2 - 40) * math.sin(angle)
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else "start" if x > WIDTH / 2 else "end"
        nodes[entity_id] = Node(
            entity.name, entity.type, mentions, round(x, 1), round(y, 1),
            round(5 + 11 * math.sqrt(mentions / top), 1),
            TYPE_CLASSES.get(entity.type, "other"), anchor,
        )  # fmt: skip
    heaviest = max((pair.passages for pair in view.pairs), default=1)
    edges = tuple(
        Edge(nodes[p.first.id], nodes[p.second.id], p.passages,
             round(1 + 4 * p.passages / heaviest, 1))
        for p in view.pairs
        if p.first.id in nodes and p.second.id in nodes
    )  # fmt: skip
    return EntityGraph(tuple(nodes.values()), edges)
