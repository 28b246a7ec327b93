"""The code's fingerprint: what a cached result was made by (`checker.cache`, the memos).

A hash of the package's sources and data, the Python version and the versions of the
libraries the results read through. Any change of them is another fingerprint, so a cache
written by other code is never read as this code's (a CI cache restored after an upgrade
is a miss), and each fingerprint files its entries under a generation of its own
(`generation`), which `checker.cachegc` removes once no version reads it.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

from checker import __version__

# The libraries whose behaviour a cached result can depend on (parsing, validation, fuzzy
# matching, stemming, name search): a CI cache restored after an upgrade of one is a miss.
_LIBRARIES = ("pydantic", "pydantic-core", "rapidfuzz", "snowballstemmer", "PyStemmer",
              "pyahocorasick", "ruamel.yaml", "ruamel.yaml.clib", "jsonschema-rs")


@cache
def code_fingerprint() -> str:
    """Hash of the checker package's sources and data, the Python version and the versions
    of the libraries it reads through: any change invalidates the cache."""
    package = Path(__file__).resolve().parent
    hashed = hashlib.sha256(__version__.encode())
    hashed.update(f"{sys.version}\0{_versions()}\0".encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".txt", ".json"):
            hashed.update(path.relative_to(package).as_posix().encode() + b"\0")
            hashed.update(path.read_bytes() + b"\0")
    return hashed.hexdigest()


def generation() -> str:
    """The directory the code files its extracted and normalised claims under: each version
    its own, so that those no version reads any more can go (`checker.cachegc`)."""
    return code_fingerprint()[:16]


def _versions() -> str:
    installed = _installed()
    found = []
    for name in _LIBRARIES:
        version = installed.get(_normalised(name))
        if version is None:  # not installed as a wheel names it: ask its metadata
            try:
                version = metadata.version(name)
            except metadata.PackageNotFoundError:
                version = "none"
        found.append(f"{name}={version}")
    return ",".join(found)


def _installed() -> dict[str, str]:
    """The version of each distribution installed on the path, by normalised name, read
    from its `<name>-<version>.dist-info` directory's name, the first on the path first (as
    `importlib.metadata` finds it): reading nine METADATA files took 5 ms a run. The scan
    stops at an entry it cannot read so (a zip, a directory holding an `.egg-info`): what it
    did not find by then may be shadowed there, and is asked of its metadata (`_versions`)."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except FileNotFoundError:  # gone: importlib.metadata skips it too
            continue
        except OSError:  # a zip or an egg: read by importlib.metadata only
            break
        if any(name.endswith(".egg-info") for name in names):
            break
        for name in names:
            if name.endswith(".dist-info"):
                distribution, _, version = name[:-len(".dist-info")].partition("-")
                if version:
                    found.setdefault(_normalised(distribution), version)
    return found


def _normalised(name: str) -> str:
    """A distribution's name as the packaging specifications compare names."""
    return re.sub(r"[-_.]+", "_", name).lower()
