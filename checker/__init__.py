"""claimcheck: claim fact-checking and cross-source consistency checking."""

__version__ = "0.1.0"
