"""``python -m govcatalog`` runs the command line."""

from govcatalog.cli import main

main()
