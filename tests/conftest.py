"""Test configuration shared by every test module: the Hypothesis settings profiles.

``ci`` (300 derandomized examples per property, failure blobs printed) is loaded when the ``CI``
environment variable is set; ``dev`` (100 random examples) otherwise. Neither has a deadline:
the tests never assert on timing.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", max_examples=300, deadline=None, derandomize=True, print_blob=True)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if "CI" in os.environ else "dev")
