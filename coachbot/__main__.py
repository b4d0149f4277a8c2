"""`python -m coachbot` runs the command line."""

import sys

from coachbot.cli import main

sys.exit(main())
