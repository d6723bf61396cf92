"""``python -m policydiff`` runs the command line."""

from policydiff.cli import main

main()
