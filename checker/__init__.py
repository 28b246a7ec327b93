"""claimcheck: claim fact-checking and cross-source consistency checking."""

from checker import native as _native

__version__ = "0.1.0"

# Extraction's compiled modules, when a current build of them is there (checker.native);
# first, before any of them is imported.
_native.install()
