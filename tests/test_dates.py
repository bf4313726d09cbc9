"""Dates as news, feeds and APIs write them, read into `DateValue`s; and what is never a date."""

from __future__ import annotations

import pytest

from generator.dates import (
    DateValue,
    date_in_url,
    from_epoch,
    from_iso,
    full_dates,
    make_date,
    month_mentions,
    parse_explicit,
    resolve_day,
    roc_stamp,
    years_mentioned,
)


@pytest.mark.parametrize(("written", "iso"), [
    ("2025年2月25日", "2025-02-25"),
    ("2025-02-25 11:13:05", "2025-02-25"),
    ("2025/7/9 14:32（7/9 16:05 更新）", "2025-07-09"),
    ("2025-04-03T09:15:00+08:00", "2025-04-03"),
    ("2025年3月", "2025-03"),
    ("Mon, 03 Mar 2025 10:00:00 +0000", "2025-03-03"),
    ("March 5, 2025", "2025-03-05"),
    ("5 Mar 2025", "2025-03-05"),
    ("05.03.2025", "2025-03-05"),
    ("25/03/2025", "2025-03-25"),
    ("03/25/2025", "2025-03-25"),
    ("民國114年7月9日", "2025-07-09"),
    ("114年7月9日", "2025-07-09"),
    ("二〇二五年三月五日", "2025-03-05"),
    ("二〇二四年十二月三十一日", "2024-12-31"),
    ("1740802200000", "2025-03-01"),
    ("1749772800", "2025-06-13"),
])
def test_a_written_date_is_read(written: str, iso: str) -> None:
    value = parse_explicit(written)
    assert value is not None and value.iso == iso


@pytest.mark.parametrize("written", ["2025-13-45", "2025年2月30日", "05/03/2025", "明天", "", "12345", "13.13.2025"])
def test_what_is_not_a_date_or_is_ambiguous_gives_none(written: str) -> None:
    assert parse_explicit(written) is None


def test_a_real_date_is_made_and_an_impossible_one_is_not() -> None:
    assert make_date(2024, 2, 29) == DateValue(2024, 2, 29)
    assert make_date(2025, 2, 29) is None
    assert make_date(2025, 13) is None


def test_an_epoch_timestamp_is_read_in_china_time() -> None:
    # 2025-03-01 17:30 UTC is 2025-03-02 01:30 in Beijing: the story is dated the 2nd.
    assert from_epoch(1740850200) == DateValue(2025, 3, 2)
    assert from_epoch("not a number") is None
    assert from_epoch(12) is None


def test_a_roc_stamp_is_the_year_plus_1911() -> None:
    assert roc_stamp("1140709") == DateValue(2025, 7, 9)
    assert roc_stamp("1141345") is None
    assert roc_stamp("2025070") is None


@pytest.mark.parametrize(("url", "iso"), [
    ("https://cn.nytimes.com/world/20250225/xi-putin-call/", "2025-02-25"),
    ("https://www.example.com/world/2025/04/03/tariffs.html", "2025-04-03"),
    ("https://www.example.com/2025-03/05/c_1.htm", "2025-03-05"),
    ("https://www.example.com/news/202503/t1.html", "2025-03"),
])
def test_a_date_in_a_url_is_read(url: str, iso: str) -> None:
    value = date_in_url(url)
    assert value is not None and value.iso == iso


def test_a_url_without_a_date_has_none() -> None:
    assert date_in_url("https://www.example.com/news/20418.html") is None


def test_a_day_is_placed_in_the_month_of_the_nearby_date() -> None:
    assert resolve_day(9, None, DateValue(2025, 7, 10)) == DateValue(2025, 7, 9)
    assert resolve_day(30, None, DateValue(2025, 10, 1)) == DateValue(2025, 9, 30)
    assert resolve_day(31, None, DateValue(2025, 1, 2)) == DateValue(2024, 12, 31)


def test_a_month_and_day_take_the_latest_year_not_after_the_nearby_date() -> None:
    assert resolve_day(9, 12, DateValue(2025, 1, 3)) == DateValue(2024, 12, 9)
    assert resolve_day(27, 1, DateValue(2025, 1, 27)) == DateValue(2025, 1, 27)


def test_full_dates_are_found_in_order_and_impossible_ones_skipped() -> None:
    text = "2024年11月19日是第1000天；2025年1月，特朗普就职；2025年2月30日并不存在。"
    assert full_dates(text) == [DateValue(2024, 11, 19), DateValue(2025, 1)]


def test_months_without_a_year_are_mentions() -> None:
    assert month_mentions("7月3日，外长会在天津举行；11月初将再次会面。") == [(7, 3)]
    assert month_mentions("11月初将再次会面。") == [(11, None)]
    assert years_mentioned("自1994年起担任总统，2025年连任。") == [1994, 2025]


def test_dates_of_mixed_precision_compare_a_month_before_its_days() -> None:
    month, day = DateValue(2025, 3), DateValue(2025, 3, 5)
    assert month < day and max([day, month]) == day and min(DateValue(2025, 4), day) == day
    assert sorted([DateValue(2025, 3, 9), month, DateValue(2024, 12, 31)]) == [
        DateValue(2024, 12, 31), month, DateValue(2025, 3, 9)]


def test_a_date_value_reads_as_iso_and_knows_its_month_and_day_number() -> None:
    assert str(DateValue(2025, 3, 5)) == "2025-03-05" and f"{DateValue(2025, 3)}" == "2025-03"
    assert DateValue(2025, 3, 5).month_iso == "2025-03"
    assert DateValue(2025, 3, 5).ordinal - DateValue(2025, 2, 28).ordinal == 5
    assert DateValue(2025, 3).ordinal is None


def test_an_iso_date_of_either_precision_is_read_and_a_bad_one_is_not() -> None:
    assert from_iso("2025-03-05") == DateValue(2025, 3, 5)
    assert from_iso("2025-03-05T08:00:00+08:00") == DateValue(2025, 3, 5)
    assert from_iso("2025-03") == DateValue(2025, 3)
    assert from_iso("2025-13-05") is None and from_iso("March 2025") is None
