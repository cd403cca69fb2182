"""`python -m claimcheck` runs the command-line interface."""

from claimcheck.cli import main

# Guarded: a worker process started fresh (spawn) imports this module again as __mp_main__.
if __name__ == "__main__":
    main()
