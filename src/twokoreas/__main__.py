"""Run the command line: ``python -m twokoreas``."""

import sys

from .cli import main

sys.exit(main())
