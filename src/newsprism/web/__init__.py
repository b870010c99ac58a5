"""The web app and HTTP API of ``newsprism serve``: ``create_app(store, settings)``."""

from newsprism.web.app import create_app
from newsprism.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
