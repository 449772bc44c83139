"""``python -m passkit``: the same as the ``passkit`` console script."""

from passkit._cli import main

raise SystemExit(main())
