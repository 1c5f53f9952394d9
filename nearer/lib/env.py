"""Small typed readers for settings that come from the environment.

Every variable read through these helpers is recorded in ``READ``, so a test can check that
the README's configuration table documents each one.
"""

import os

READ: set[str] = set()


def env_str(name: str, default: str = "") -> str:
    READ.add(name)
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    READ.add(name)
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    READ.add(name)
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    READ.add(name)
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]
