"""The example site's reference lists: an article that ends with 参考资料 shows each entry under the
briefing with its outlet and the date it gives, not in the article's text.

Uses the example build of tests/site/conftest.py (`site_build`): no build of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the fixtures' types; never imported at run time (every test folder has a conftest)
    from conftest import Build

SOURCE = "2024-12-minsk-union-state-security-treaty.txt"  # ends with three references, each dated


def test_a_reference_list_shows_each_entry_with_its_outlet_and_date(site_build: Build) -> None:
    url = site_build.briefing_url_of(SOURCE)
    entries = [li.text_content().strip() for e in site_build.section(url, "参考资料") for li in e.iter("li")]
    assert entries == ["俄白签署联盟国家框架内安全保障条约 · 新华网 · 2024-12-06",
                       "普京：“榛树”导弹或于明年下半年部署在白俄罗斯 · 观察者网 · 2024-12-07",
                       "卢卡申科请求普京提供“榛树”导弹系统 · 环球网 · 2024-11-29"]
