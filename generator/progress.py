"""A one-line progress counter for the generator's own stages on long builds.

Shown only on an interactive terminal, never under CI or when output is piped, so logs and test
output stay clean.
"""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType

MIN_ITEMS = 50  # fewer articles finish before a counter would help
INTERVAL = 0.2  # seconds between redraws


class Progress:
    def __init__(self, label: str, total: int) -> None:
        self.label, self.total, self.done = label, total, 0
        self.enabled = total >= MIN_ITEMS and sys.stderr.isatty() and not os.environ.get("CI")
        self._last = 0.0

    def __enter__(self) -> Progress:
        return self

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if self.enabled and (now - self._last >= INTERVAL or self.done >= self.total):
            self._last = now
            sys.stderr.write(f"\r{self.label}: {self.done}/{self.total} ({100 * self.done // self.total}%)")
            sys.stderr.flush()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self.enabled:
            sys.stderr.write("\n")
