"""The rating form every page ends with and the notice of a planned suspension (Nghị định 224/2026/NĐ-CP,
Điều 10 khoản 3 and Điều 13): read from mkdocs.yml's `extra`, refused with a message when they cannot be
used, and the notice checked against the 07 working days the decree asks for."""

from __future__ import annotations

import datetime

import pytest

from cchc.publish import web_files
from cchc.settings import SettingsError, from_config, suspension_warning, working_days


def _settings(extra: dict[str, object]):
    return from_config({"site_url": "https://xa.example.gov.vn/", "extra": extra})


def test_a_rating_endpoint_is_the_only_form_target_the_policy_adds():
    rating = _settings({"rating_url": "https://phananh.haiphong.gov.vn/danh-gia?nguon=cong"}).rating
    assert rating is not None and not rating.by_mail
    policy = web_files.content_security_policy(meta=True, rating=rating)
    assert "form-action 'self' https://phananh.haiphong.gov.vn/danh-gia;" in policy + ";"
    assert (
        "form-action 'self';" in web_files.content_security_policy(meta=True) + ";"
    )  # none set: the site only
    mail = _settings({"rating_email": "danhgia@xa.gov.vn"}).rating
    assert mail is not None and mail.action == "mailto:danhgia@xa.gov.vn"
    assert "form-action 'self' mailto:" in web_files.content_security_policy(rating=mail)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({"rating_url": "http://phananh.gov.vn/"}, "extra.rating_url"),
        ({"rating_url": "javascript:alert(1)"}, "extra.rating_url"),
        ({"rating_url": "https://a.gov.vn/x' 'unsafe-inline"}, "extra.rating_url"),  # cannot widen the policy
        ({"rating_email": "không phải thư"}, "extra.rating_email"),
        (
            {"tam_ngung": {"tu": "20/12/2026 22:00", "den": "20/12/2026 20:00", "ly_do": "nâng cấp"}},
            "tam_ngung.den",
        ),
        ({"tam_ngung": {"tu": "31/02/2026", "den": "01/03/2026", "ly_do": "nâng cấp"}}, "tam_ngung.tu"),
        ({"tam_ngung": {"tu": "20/12/2026", "den": "21/12/2026"}}, "tam_ngung.ly_do"),
        ({"tam_ngung": "mai"}, "tam_ngung"),
    ],
)
def test_settings_that_cannot_be_used_are_refused_by_name(extra, expected):
    with pytest.raises(SettingsError, match=expected.replace(".", r"\.")):
        _settings(extra)


def test_working_days_skip_weekends():
    friday = datetime.date(2026, 12, 4)
    assert working_days(friday, datetime.date(2026, 12, 7)) == 1  # Monday
    assert working_days(friday, datetime.date(2026, 12, 15)) == 7  # the Tuesday of the week after next


def test_a_suspension_announced_too_late_is_warned():
    notice = _settings(
        {"tam_ngung": {"tu": "15/12/2026 22:00", "den": "16/12/2026 06:00", "ly_do": "nâng cấp máy chủ"}}
    ).suspension
    assert notice is not None
    assert suspension_warning(notice, datetime.date(2026, 12, 4)) is None  # 7 working days ahead
    late = suspension_warning(notice, datetime.date(2026, 12, 7))
    assert late is not None and "chỉ 6 ngày làm việc" in late and "Điều 13" in late
    assert suspension_warning(notice, datetime.date(2026, 12, 17)) is None  # over: nothing to say
    announced = _settings(
        {
            "tam_ngung": {
                "tu": "15/12/2026",
                "den": "16/12/2026",
                "ly_do": "nâng cấp",
                "thong_bao": "01/12/2026",
            }
        }
    ).suspension
    assert suspension_warning(announced, datetime.date(2026, 12, 14)) is None  # announced in time
