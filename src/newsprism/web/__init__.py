"""The web app and HTTP API of ``newsprism serve``: ``create_app(store, settings, stories)``."""

from newsprism.web.app import create_app

__all__ = ["create_app"]
