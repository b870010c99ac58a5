"""Every setting a user may change, in one frozen ``Settings`` object passed whole to the stages,
the store, the server and the engine.

Precedence, lowest first: the defaults below < a TOML file (``--config PATH``, else
``$NEWSPRISM_CONFIG``, else ``newsprism.toml`` in the user config folder) < ``NEWSPRISM_*``
environment variables < command-line flags. Settings are grouped by stage, one TOML table each
(``[brief] items = 8``); each has one environment variable, ``NEWSPRISM_<TABLE>_<KEY>`` unless
it names another (``[store] url`` is ``$NEWSPRISM_DB``). Runtime objects (hooks, engines, open
stores) are never settings. Constants a model learned in training stay with that model; a
setting left unset (``None``) means "the model's own value".
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from newsprism.errors import SettingsError, mask_passwords

CONFIG_ENV = "NEWSPRISM_CONFIG"
CONFIG_NAME = "newsprism.toml"
PRECEDENCE = ("defaults < TOML file (--config PATH, else $NEWSPRISM_CONFIG, else newsprism.toml "
              "in the user config folder) < NEWSPRISM_* environment variables < command-line "
              "flags")


def setting(default: Any = None, doc: str = "", *, env: str | None = None, secret: bool = False,
            **limits: Any) -> Any:
    """A field of a settings table: its default, what it does (shown by ``newsprism config``
    and in docs/settings.md), an environment variable other than ``NEWSPRISM_<TABLE>_<KEY>``,
    whether its value is never printed, and pydantic limits (``ge``, ``le``...)."""
    extra = {"env": env, "secret": secret}
    if callable(default):
        return Field(default_factory=default, description=doc, json_schema_extra=extra, **limits)
    return Field(default, description=doc, json_schema_extra=extra, **limits)


def parse_interval(text: str | float) -> float:
    """Seconds in ``90``, ``30s``, ``15m``, ``2h`` or ``1d`` (a number is seconds)."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        seconds = float(text)
    else:
        units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
        text = str(text).strip().lower()
        scale = units.get(text[-1:])
        number = text[:-1] if scale else text
        try:
            seconds = float(number) * (scale or 1)
        except ValueError:
            raise ValueError("give a duration such as 30s, 15m, 2h or 1d") from None
    if seconds <= 0:
        raise ValueError("the interval must be positive")
    return seconds


class Table(BaseModel):
    """One TOML table of settings: immutable, and no key it does not know."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def release() -> str:
    """newsprism's installed version, "dev" when run from a source tree."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsprism")
    except PackageNotFoundError:
        return "dev"


def _user_agent() -> str:
    return f"newsprism/{release()} (news monitoring; obeys robots.txt)"


def _default_db() -> str:
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('newsprism')) / 'corpus.db'}"


class BriefSettings(Table):
    """What a briefing holds."""

    items: int = setting(8, "Summary items, at most.", ge=1, le=30)
    words_per_item: int = setting(
        32, "Words the summary budgets per item (a news sentence runs 20-35): with `items`, "
        "how long the summary is.", ge=8, le=200)
    story_articles: int = setting(
        10, "A stored story's briefing (`newsprism story`, the web app) compares at most this "
        "many independent articles; the rest are listed.", ge=2, le=200)


class CompareSettings(Table):
    """How sure compare must be: a false corroboration is worse than a missed one."""

    link_threshold: float | None = setting(
        None, "The in-cluster judge's probability from which two statements of different "
        "sources assert one proposition (corroborated). Higher: fewer, surer corroborations. "
        "Unset: the judge's learned value, set for 95% precision.", gt=0, lt=1)
    near_copy_cosine: float = setting(
        0.85, "Meaning similarity (cosine) from which two statements that are each other's "
        "best match link without the judge, with `near_copy_words`.", ge=0, le=1)
    near_copy_words: float = setting(
        0.35, "Share of rare words (beyond names) two such statements must have in common.",
        ge=0, le=1)
    related_cosine: float = setting(
        0.55, "Meaning similarity (cosine) from which two statements are about the same thing: "
        "their figures are compared, and a different figure is a contradiction.", ge=0, le=1)


class StoriesSettings(Table):
    """How ingest groups articles into stories (the incremental clusterer)."""

    threshold: float | None = setting(
        None, "Link probability from which an article joins a story. Higher: fewer, tighter "
        "stories. Unset: the link model's learned value.", gt=0, lt=1)
    merge_threshold: float | None = setting(
        None, "Link probability from which two stories are merged into one. Unset: the link "
        "model's learned value.", gt=0, lt=1)
    candidates: int = setting(5, "Nearest hot stories an article is compared with.", ge=1)
    window_days: float = setting(
        7.0, "Days of article time within which an article may join a story; a story idle "
        "longer (and for `second_look` articles) leaves the hot window.", gt=0)
    second_look: int = setting(
        1000, "Articles of the stream after which each article is placed again, against the "
        "stories as they have grown (0: never).", ge=0)

    def clusterer_params(self) -> dict[str, Any]:
        """Keyword arguments of ``StoryClusterer``: the unset thresholds left to the model."""
        return {name: value for name, value in self if value is not None}


class IngestSettings(Table):
    """How articles enter a corpus: `newsprism ingest`, `watch` and the web API."""

    batch_size: int = setting(
        64, "Articles saved per transaction (with the Ray engine: a few hundred per node).",
        ge=1)
    analyse: bool = setting(True, "Analyse ingested articles (entities, quotes, figures...).")
    workers: int = setting(
        0, "Processes that analyse a large batch (0: one per core).", ge=0)
    ray: str = setting(
        "", "Analyse on a Ray cluster: 'local' starts one here, 'auto' joins this node's, "
        "ray://HOST:10001 a remote one; empty: on this machine.")


class FetchSettings(Table):
    """How newsprism reads the web, politely: `brief URL`, `watch`."""

    user_agent: str = setting(_user_agent, "The User-Agent of every request, whose robots.txt "
                              "rules apply (default: newsprism/VERSION (news monitoring; obeys "
                              "robots.txt)); name yourself and a contact.")
    delay: float = setting(
        1.0, "Seconds between two requests to one site (robots.txt's Crawl-delay if more).",
        ge=0)
    timeout: float = setting(20.0, "Seconds to connect, and between two reads.", gt=0)
    max_bytes: int = setting(10_000_000, "A response body larger than this is abandoned.", ge=1)
    max_redirects: int = setting(5, "Redirects followed, at most.", ge=0)
    retries: int = setting(3, "Further tries after a 429 or 5xx answer.", ge=0)
    backoff: float = setting(
        1.0, "Seconds before the first retry when the server gives no Retry-After; doubles.",
        ge=0)
    max_wait: float = setting(
        120.0, "A longer Retry-After is not waited for now: the URL is tried in a later poll.",
        ge=0)
    workers: int = setting(8, "Sites fetched at once (one request at a time per site).", ge=1)
    public_only: bool = setting(
        True, "Refuse links that resolve to private or local addresses, unless you named "
        "that host.")


Interval = Annotated[float, BeforeValidator(parse_interval)]


class WatchSettings(Table):
    """How `newsprism watch` follows sources."""

    every: Interval = setting(
        900.0, "How often a new source is polled (seconds, or 30s, 15m, 2h, 1d); it adapts "
        "between a quarter and 8 times this to how busy the source is.")
    batch_size: int = setting(
        16, "Pages fetched and stored together (a killed watch fetches at most these again).",
        ge=1)
    max_attempts: int = setting(
        3, "Tries of a URL failing for a passing reason (5xx, network) before it is dropped.",
        ge=1)

    @property
    def shortest(self) -> float:
        return self.every / 4

    @property
    def longest(self) -> float:
        return self.every * 8


class ServeSettings(Table):
    """The web app and JSON API of `newsprism serve`."""

    host: str = setting("127.0.0.1", "Address to listen on (0.0.0.0: every one).")
    port: int = setting(8000, "Port to listen on.", ge=1, le=65535)
    token: str | None = setting(
        None, "The bearer token writes (and, with reads = 'token', reads) require; unset: the "
        "server takes no writes.", env="NEWSPRISM_TOKEN", secret=True)
    reads: Literal["open", "token"] = setting(
        "open", "'open': anyone may read; 'token': reads need the token too.",
        env="NEWSPRISM_READS")
    max_upload_mb: float = setting(
        20.0, "Request bodies larger than this many megabytes are refused (413).",
        env="NEWSPRISM_MAX_UPLOAD_MB", gt=0)

    @property
    def open_reads(self) -> bool:
        return self.reads == "open"

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1_000_000)


class StoreSettings(Table):
    """The corpus database."""

    url: str = setting(
        _default_db, "sqlite:///PATH or postgresql://USER:PASS@HOST/DB (default: corpus.db in "
        "the user data folder).", env="NEWSPRISM_DB")


class Settings(Table):
    """All of newsprism's settings, one table per stage."""

    brief: BriefSettings = BriefSettings()
    compare: CompareSettings = CompareSettings()
    stories: StoriesSettings = StoriesSettings()
    ingest: IngestSettings = IngestSettings()
    fetch: FetchSettings = FetchSettings()
    watch: WatchSettings = WatchSettings()
    serve: ServeSettings = ServeSettings()
    store: StoreSettings = StoreSettings()


DEFAULTS = Settings()
TABLES: dict[str, type[Table]] = {
    name: info.annotation for name, info in Settings.model_fields.items()  # type: ignore[misc]
}


def env_name(table: str, key: str) -> str:
    """The environment variable of ``[table] key``."""
    extra = TABLES[table].model_fields[key].json_schema_extra or {}
    return str(extra.get("env") or f"NEWSPRISM_{table}_{key}".upper())


def is_secret(table: str, key: str) -> bool:
    return bool((TABLES[table].model_fields[key].json_schema_extra or {}).get("secret"))


class Resolved(NamedTuple):
    """The effective settings and where each came from: ``"table.key" -> origin`` (a file
    path, an environment variable, a flag); a key absent from ``origins`` is a default."""

    settings: Settings
    origins: dict[str, str]
    file: Path | None


def config_file(given: Path | str | None, env: Mapping[str, str]) -> Path | None:
    """The TOML file to read: ``given``, else ``$NEWSPRISM_CONFIG``, else the user config
    folder's newsprism.toml when there is one."""
    if given or env.get(CONFIG_ENV):
        return Path(given or env[CONFIG_ENV]).expanduser()
    default = user_config_file()
    return default if default.is_file() else None


def user_config_file() -> Path:
    """newsprism.toml in the user config folder (~/.config/newsprism/ on Linux)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("newsprism")) / CONFIG_NAME


def resolve_settings(
    config: Path | str | None = None,
    flags: Mapping[str, tuple[str, Any]] | None = None,
    env: Mapping[str, str] | None = None,
) -> Resolved:
    """The settings from the defaults, the TOML file, the environment and ``flags``
    (``"table.key" -> (flag, value)``; a value of None is a flag not given), in that order."""
    env = os.environ if env is None else env
    values: dict[str, dict[str, Any]] = {}
    origins: dict[str, str] = {}
    path = config_file(config, env)
    if path is not None:
        for table, keys in _read_toml(path).items():
            if not isinstance(keys, dict):
                raise SettingsError(f"{path}: {table} = {keys!r} stands outside a table; "
                                    f"settings sit in tables, e.g. [brief] items = 8 (see "
                                    "`newsprism config`)")
            for key, value in keys.items():
                values.setdefault(table, {})[key] = value
                origins[f"{table}.{key}"] = str(path)
    for table, model in TABLES.items():
        prefix = f"NEWSPRISM_{table.upper()}_"
        known = {env_name(table, key) for key in model.model_fields}
        for name in env:
            if name.startswith(prefix) and name not in known:
                key = name.removeprefix(prefix).lower()
                hint = (f"[{table}] {key} is ${env_name(table, key)}"
                        if key in model.model_fields else _known(table))
                raise SettingsError(f"${name}: no such setting; {hint}")
        for key in model.model_fields:
            name = env_name(table, key)
            if env.get(name, "") != "":
                values.setdefault(table, {})[key] = env[name]
                origins[f"{table}.{key}"] = f"${name}"
    for dotted, (flag, value) in (flags or {}).items():
        if value is not None:
            table, key = dotted.split(".")
            values.setdefault(table, {})[key] = value
            origins[dotted] = flag
    try:
        settings = Settings.model_validate(values)
    except ValidationError as exc:
        raise SettingsError(_explain(exc, origins, path)) from None
    return Resolved(settings, origins, path)


def load_settings(config: Path | str | None = None,
                  flags: Mapping[str, tuple[str, Any]] | None = None) -> Settings:
    """``resolve_settings`` without the origins: what the commands pass to the stages."""
    return resolve_settings(config, flags).settings


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read the settings file ({exc.strerror}); give "
                            "--config an existing TOML file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc}); fix the file: `newsprism config` "
                            "prints a valid one") from None


def _known(table: str) -> str:
    return f"[{table}] has {', '.join(TABLES[table].model_fields)}"


def _explain(exc: ValidationError, origins: Mapping[str, str], path: Path | None) -> str:
    """One line for the first problem: where the value came from, the key, what to do."""
    error = exc.errors()[0]
    loc = [str(part) for part in error["loc"]]
    if error["type"] == "extra_forbidden":
        if len(loc) == 1:
            return (f"{path}: unknown table [{loc[0]}]; the tables are "
                    f"{', '.join(f'[{t}]' for t in TABLES)}")
        return f"{path}: unknown setting [{loc[0]}] {loc[1]}; {_known(loc[0])}"
    table, key = loc[0], loc[1] if len(loc) > 1 else ""
    origin = origins.get(f"{table}.{key}", str(path))
    value = "***" if key and is_secret(table, key) else repr(error.get("input"))
    default = getattr(getattr(DEFAULTS, table), key, None)
    message = str(error["msg"]).removeprefix("Value error, ")
    message = message[:1].lower() + message[1:]
    if origin.startswith("-"):  # a flag
        return f"{origin} {value}: {message} (setting [{table}] {key})"
    if origin.startswith("$"):
        return f"{origin}={value}: {message}; fix it, or unset it for [{table}] {key}'s default"
    return (f"{origin}: [{table}] {key} = {value}: {message}; fix it, or remove it for the "
            f"default ({default!r})")


# --- what `newsprism config` prints --------------------------------------------------------------


def _shown(table: str, key: str, value: Any) -> str:
    """A value as TOML; a secret is never shown."""
    if value is None:
        return ""
    if is_secret(table, key):
        return '"***"'
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return '"' + mask_passwords(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


def describe(resolved: Resolved) -> str:
    """The effective settings as a TOML file, each line saying where its value came from."""
    lines = [f"# newsprism settings; precedence: {PRECEDENCE}",
             f"# settings file: {resolved.file or f'none ({user_config_file()} does not exist)'}"]
    for table, model in TABLES.items():
        lines += ["", f"[{table}]"]
        section = getattr(resolved.settings, table)
        for key in model.model_fields:
            value = _shown(table, key, getattr(section, key))
            origin = resolved.origins.get(f"{table}.{key}", "default")
            line = f"{key} = {value}" if value else f"# {key} = (unset)"
            lines.append(f"{line:<48} # {origin}")
    return "\n".join(lines) + "\n"


def reference() -> str:
    """docs/settings.md: every setting with its default, environment variable and meaning."""
    lines = ["# Settings", "",
             "<!-- Generated by `newsprism config --docs > docs/settings.md`; "
             "tests/test_settings.py fails when this file is stale. -->", "",
             f"Precedence, lowest first: {PRECEDENCE}. `newsprism config` prints the effective "
             "settings and where each came from; write them to `newsprism.toml` as a start.",
             "", "```toml", "[brief]", "items = 5", "", "[fetch]", "delay = 2.0", "```"]
    for table, model in TABLES.items():
        lines += ["", f"## [{table}]", "", (model.__doc__ or "").strip(), "",
                  "| key | default | variable | what it does |", "|---|---|---|---|"]
        for key, info in model.model_fields.items():
            shown = ("computed" if info.default_factory else
                     "unset" if info.default is None else f"`{_shown(table, key, info.default)}`")
            lines.append(f"| `{key}` | {shown} | `${env_name(table, key)}` | "
                         f"{info.description} |")
    return "\n".join(lines) + "\n"
