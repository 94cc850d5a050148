"""`python -m claimlint`."""

import sys

from claimlint.cli import main

sys.exit(main())
