"""`python -m coachbot` runs the command line."""

import sys

from coachbot.cli.main import main

sys.exit(main())
