"""Run the command line: ``python -m twokoreas``."""

import sys

from .cli.commands import main

sys.exit(main())
