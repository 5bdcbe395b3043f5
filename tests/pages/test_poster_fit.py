"""The poster's layout on paper, computed with the bundled font: lines, heights and the density chosen."""

from __future__ import annotations

from cchc.pages import poster_fit
from cchc.pages.poster_fit import DENSITIES, MARGIN_MM, fit, lines

FACTS = [
    ("Thời gian giải quyết:", "03 ngày làm việc"),
    ("Phí, lệ phí:", "Không"),
    ("Nơi nộp:", "Ủy ban nhân dân cấp xã"),
    ("Nộp trực tuyến:", "Không, chỉ nộp trực tiếp hoặc qua bưu điện"),
]
STEP = "Công chức tư pháp - hộ tịch kiểm tra hồ sơ và ghi vào Sổ đăng ký khai sinh, báo cáo Chủ tịch."


def test_lines_wrap_on_spaces_and_break_a_word_wider_than_the_box():
    assert lines("Đăng ký khai sinh", False, 12, 180) == 1
    assert lines(STEP, False, 12, 40) > lines(STEP, False, 12, 80) > 1
    # A pasted link with no space in it is broken across lines, as overflow-wrap does in print.
    assert lines("https://dichvucong.gov.vn/" + "a" * 200, False, 12, 80) >= 4
    assert lines("", False, 12, 80) == 1


def test_the_largest_type_that_leaves_the_margin_is_chosen():
    chosen = [
        fit("Đăng ký khai sinh", FACTS, ["Tờ khai"], [STEP] * n, "Cổng").density.name for n in (3, 10, 14)
    ]
    assert chosen == [d.name for d in DENSITIES]
    for n in (3, 10, 14):
        assert fit("Đăng ký khai sinh", FACTS, ["Tờ khai"], [STEP] * n, "Cổng").free_mm >= MARGIN_MM


def test_a_poster_too_long_for_any_density_says_how_much_it_lacks():
    result = fit("Đăng ký khai sinh", FACTS, ["Tờ khai"], [STEP] * 40, "Cổng")
    assert result.density == DENSITIES[-1]
    assert result.free_mm < 0


def test_denser_is_shorter():
    heights = [
        poster_fit.height_mm(d, "Đăng ký khai sinh", FACTS, ["Tờ khai"] * 5, [STEP] * 8, "Cổng")
        for d in DENSITIES
    ]
    assert heights == sorted(heights, reverse=True)


def test_a_facts_bold_label_takes_its_room_on_the_line():
    value = "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"
    width = poster_fit._width_mm(value, False, 12) + 1
    assert lines(value, False, 12, width) == 1
    assert lines(value, False, 12, width, lead="Thời gian giải quyết:") == 2
    regular = lines("Thời gian giải quyết: " + value, False, 12, width * 1.25)
    assert lines(value, False, 12, width * 1.25, lead="Thời gian giải quyết:") >= regular
