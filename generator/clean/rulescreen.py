"""A quick screen before the boilerplate rules: most blocks are article text that no rule catches,
and trying every pattern of every rule on each was most of the classifier's time.

`rule_screen(rules)` joins the patterns into one test (`RuleScreen.could_match`) that says when no
rule can catch a text; which rule fires is still decided by the rules, in order. Regex analysis,
not vocabulary loading: it lives with the classifier that uses it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..vocab import BoilerplateRule

# What in a pattern's source would change meaning once the pattern is one branch of a larger
# regex: group references by number or name, conditionals on a group.
_REFERS_TO_GROUPS = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _anchored_at_start(pattern: str) -> bool:
    """Whether a pattern can match only at the start of a text: it starts with ^ and has no | outside
    parentheses (^a|b matches b anywhere). Read from the source, escapes and [...] skipped."""
    if not pattern.startswith("^"):
        return False
    depth, in_class, i = 0, False, 1
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 1 + (pattern[i + 1:i + 2] == "^")
            i += pattern[i:i + 1] == "]"  # a ] first in a class is a literal
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
        i += 1
    return True


@dataclass(frozen=True)
class RuleScreen:
    """A quick test that no boilerplate rule can catch a text, so that the classifier can skip the
    rule-by-rule loop for it: most blocks are article text that no rule catches, and the loop ran
    every pattern of every rule over each. Which rule fired is still decided by the rules, in order.

    The patterns anchored with ^ are joined into one regex tried at the start of the text only;
    joined with the others it would be tried at every position, slower than the loop. The few
    unanchored patterns are searched one by one (Python's re finds each one's literal prefix fast)."""

    anchored: re.Pattern[str] | None
    others: tuple[re.Pattern[str], ...]

    def could_match(self, text: str) -> bool:
        return bool(self.anchored and self.anchored.match(text)) or any(p.search(text) for p in self.others)


@lru_cache(maxsize=8)
def rule_screen(rules: Sequence[BoilerplateRule]) -> RuleScreen | None:
    """The `RuleScreen` of a rule set, built once per rule set (pass a tuple: the cache is keyed on
    it). None when the patterns cannot be joined without changing what they match (a global inline
    flag, a group reference): then every block goes through the rules as before."""
    patterns = [p for rule in rules for p in rule.patterns]
    if any(p.flags != re.UNICODE or _REFERS_TO_GROUPS.search(p.pattern) for p in patterns):
        return None
    anchored = [p.pattern for p in patterns if _anchored_at_start(p.pattern)]
    try:
        joined = re.compile("^(?:" + "|".join(f"(?:{p})" for p in anchored) + ")") if anchored else None
    except re.error:  # e.g. two patterns naming a group alike
        return None
    return RuleScreen(joined, tuple(p for p in patterns if not _anchored_at_start(p.pattern)))
