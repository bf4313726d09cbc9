"""Names of boilerplate rules that code reads back.

The classifier labels each block with the name of the rule that decided it (`Block.rule`); the
metadata chains then look for some of those names: the 来源 line names the outlet, the account
block above a post's statistics names the account, an editor line is never an author, a breadcrumb
through a self-media platform makes the post self-media. Those rules are data in
`content/boilerplate.yaml`, so their names are declared here once, used by the code that reads
them, and checked when the file loads (`vocab.load_rules`): a rule renamed in the data stops the
build with its name instead of silently changing what metadata finds.
"""

from __future__ import annotations

ACCOUNT_BLOCK = "account-block"  # a self-media account's statistics (文章数/关注度): the account is above it
BREADCRUMB = "breadcrumb"  # 首页 > 国际 > 正文: a trail through a platform (网易号) marks self-media
EDITOR_LINE = "editor-line"  # 责任编辑：…: may carry a byline beside the editor, never an author itself
SOURCE_LINE = "source-line"  # 来源：…: the outlet the text is credited to

# Every rule of boilerplate.yaml that the metadata chains depend on.
READ_BY_METADATA = (ACCOUNT_BLOCK, BREADCRUMB, EDITOR_LINE, SOURCE_LINE)

__all__ = ["ACCOUNT_BLOCK", "BREADCRUMB", "EDITOR_LINE", "READ_BY_METADATA", "SOURCE_LINE"]
