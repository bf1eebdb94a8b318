"""``python -m skam_core COMMAND``: see skam_core.cli."""

import sys

from skam_core.cli import main

sys.exit(main())
