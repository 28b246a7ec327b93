"""`python -m checker.schemas` regenerates the schema files."""

from checker.schemas.generate import main

main()
