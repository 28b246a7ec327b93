"""`python -m checker.schemas` regenerates the schema files."""

from checker.schemas import main

main()
