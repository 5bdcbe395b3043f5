from cchc.text import d_words, fold, initial, slugify, sort_key


def test_slugs_fold_vietnamese_to_ascii():
    assert slugify("Nam Thanh Miện") == "nam-thanh-mien"
    assert slugify("Đồng Đăng") == "dong-dang"
    assert slugify("  Phường Phù Liễn — 2026! ") == "phuong-phu-lien-2026"
    assert slugify("Ủy ban") == slugify("Uỷ ban") == "uy-ban"


def test_fold_handles_decomposed_input():
    decomposed = "Nghi\u0323 đi\u0323nh"  # NFD as pasted from some PDFs
    assert fold(decomposed) == "Nghi dinh"


def test_vietnamese_alphabetical_order():
    names = ["Đông Hải", "Dương Kinh", "Ân Thi", "An Lão", "Ấp Bắc", "Ăn Nghỉ", "Bình Giang", "Da"]
    assert sorted(names, key=sort_key) == [
        "An Lão",
        "Ăn Nghỉ",
        "Ân Thi",
        "Ấp Bắc",
        "Bình Giang",
        "Da",
        "Dương Kinh",
        "Đông Hải",
    ]


def test_toned_letter_follows_bare_letter():
    # ngang, huyền, hỏi, ngã, sắc, nặng
    assert sorted(["mạ", "má", "mã", "mả", "mà", "ma"], key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(["Hà Nam", "Ha Long"], key=sort_key) == ["Ha Long", "Hà Nam"]


def test_d_words_gives_the_words_with_d_a_plain_d():
    assert d_words("Đăng ký khai sinh") == "Dăng"
    assert d_words("Quyết định số 06/QĐ-TTg về Đề án") == "dịnh 06/QD-TTg Dề"
    assert d_words("khai sinh") == ""


def test_an_index_files_toned_letters_under_their_letter():
    names = ["Áp dụng", "An toàn", "Ảnh", "Ao", "Ăn", "Âm", "đăng ký", "Dân", "Ông", "Ơn", "Ư", "Ê"]
    ordered = sorted(names, key=sort_key)
    assert ordered == ["An toàn", "Ảnh", "Ao", "Áp dụng", "Ăn", "Âm", "Dân", "đăng ký", "Ê", "Ông", "Ơn", "Ư"]
    assert [initial(n) for n in ordered] == ["A", "A", "A", "A", "Ă", "Â", "D", "Đ", "Ê", "Ô", "Ơ", "Ư"]
    assert initial("Ấp") == "Â" and initial("ỷ lại") == "Y" and initial("") == ""
