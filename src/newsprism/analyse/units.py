"""Units of measure: one name per unit however it is written ("15 km", "40 kilometres", "200ft"),
and for each its kind and how much of the kind's base unit it is, so that figures in feet and
in metres, miles and kilometres, pounds and kilograms, Fahrenheit and Celsius can be set
against each other ("200ft (60m)" and "60 metres" state one length; "200ft" and "200m" two).
"""

from __future__ import annotations

# A unit as written (singular, lower case; ``_singular`` in ``figures`` keeps "feet") -> its
# one name. A unit written otherwise is stored as written, and measures nothing here.
UNIT_NAMES = {
    "km": "km", "kilometer": "km", "kilometre": "km", "kms": "km",
    "m": "m", "meter": "m", "metre": "m", "cm": "cm", "centimeter": "cm", "centimetre": "cm",
    "mm": "mm", "millimeter": "mm", "millimetre": "mm",
    "mile": "mile", "mi": "mile", "foot": "foot", "feet": "foot", "ft": "foot",
    "yard": "yard", "yd": "yard", "inch": "inch", "inche": "inch",
    "kg": "kg", "kilogram": "kg", "kilo": "kg", "kgs": "kg", "tonne": "tonne",
    "pound": "lb", "lb": "lb", "lbs": "lb",  # a weight: sterling is "pounds" (``figures._weight``)
    "mph": "mph", "kph": "km/h", "kmh": "km/h", "km/h": "km/h", "knot": "knot",
    "hectare": "hectare", "ha": "hectare", "acre": "acre",
    "celsius": "celsius", "fahrenheit": "fahrenheit",
}  # fmt: skip
# Units read glued to their number ("200ft", "15km", "5kg", "70mph"): never a model number or
# an id ("F16", "A380": letters first), never "5pm" (a time, read before figures), never "3m"
# here (metres or millions: ``figures`` reads it in context).
GLUED = ("km", "cm", "mm", "mi", "ft", "yd", "kg", "kgs", "lb", "lbs", "mph", "kph", "kmh", "ha")

# One name -> (kind, how many base units one is, offset): base = value * scale + offset.
# Bases: metre, kilogram, km/h, hectare, degree Celsius.
_MEASURES: dict[str, tuple[str, float, float]] = {
    "km": ("length", 1000.0, 0.0), "m": ("length", 1.0, 0.0), "cm": ("length", 0.01, 0.0),
    "mm": ("length", 0.001, 0.0), "mile": ("length", 1609.344, 0.0),
    "foot": ("length", 0.3048, 0.0), "yard": ("length", 0.9144, 0.0),
    "inch": ("length", 0.0254, 0.0),
    "kg": ("weight", 1.0, 0.0), "tonne": ("weight", 1000.0, 0.0),
    "lb": ("weight", 0.45359237, 0.0),
    "km/h": ("speed", 1.0, 0.0), "mph": ("speed", 1.609344, 0.0), "knot": ("speed", 1.852, 0.0),
    "hectare": ("area", 1.0, 0.0), "acre": ("area", 0.40468564, 0.0),
    "celsius": ("temperature", 1.0, 0.0), "fahrenheit": ("temperature", 5 / 9, -160 / 9),
}  # fmt: skip


def unit_name(written: str) -> str | None:
    """The one name of a unit as written ("kilometres" singular: "kilometre" -> "km")."""
    return UNIT_NAMES.get(written.lower())


def kind(unit: str | None) -> str | None:
    """What a unit measures ("foot" -> "length"), or None for a count, a sum or a time."""
    measure = _MEASURES.get(unit or "")
    return measure[0] if measure else None


def from_base(unit: str | None, base: float) -> float:
    """The value in ``unit`` of a value in its kind's base unit (``in_base`` undone)."""
    measure = _MEASURES.get(unit or "")
    return base if measure is None else (base - measure[2]) / measure[1]


def in_base(unit: str | None, value: float) -> float:
    """The value in its kind's base unit (200 feet -> 60.96 metres); a unit that measures no
    kind keeps its value."""
    measure = _MEASURES.get(unit or "")
    return value if measure is None else value * measure[1] + measure[2]
