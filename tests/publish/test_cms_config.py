"""The web form's config.yml is made from the content schemas: every field the checks read is in the
form, required where the checks require it, with the same choices."""

from __future__ import annotations

import yaml

from cchc.content import documents, infographics, journeys, news, procedures, units
from cchc.content.load import load
from cchc.kinds import KINDS
from cchc.publish import cms_config
from cchc.publish.cms_config import backend, config, field_label
from tests.conftest import REPO


def _names(fields) -> dict:
    return {f["name"]: f for f in fields}


def test_every_schema_field_is_in_its_collection_as_the_checks_read_it():
    portal, _ = load(REPO)
    made = config(portal, "https://github.com/xa-nam-sach/cong-cchc")
    text = yaml.safe_dump(made, allow_unicode=True, sort_keys=False)
    assert "&id" not in text and yaml.safe_load(text) == made  # plain YAML, no anchors
    by_name = {c["name"]: c for c in made["collections"]}
    expected = {f"van-ban-{u}" for u in portal.units} | {f"tin-tuc-{u}" for u in portal.units}
    expected |= {"thu-tuc", "mau", "infographic", "don-vi", "hanh-trinh"}
    assert expected == set(by_name)
    for collection, schema in (
        ("van-ban-xa-nam-sach", documents.SCHEMA),
        ("thu-tuc", procedures.SCHEMA),
        ("mau", procedures.FORM_SCHEMA),
        ("infographic", infographics.SCHEMA),
        ("don-vi", units.SCHEMA),
        ("tin-tuc-xa-nam-sach", news.SCHEMA),
        ("hanh-trinh", journeys.SCHEMA),
    ):
        fields = _names(by_name[collection]["fields"])
        for spec in schema:
            assert fields[spec.name]["required"] == spec.required, (collection, spec.name)
            assert fields[spec.name]["hint"] == spec.description
    report = _names(by_name["van-ban-xa-nam-sach"]["fields"])
    assert report["loai"]["options"] == [k.name for k in KINDS if k.published]
    assert report["don_vi"] == {
        "label": "Mã đơn vị ban hành",
        "name": "don_vi",
        "required": True,
        "hint": report["don_vi"]["hint"],
        "widget": "hidden",
        "default": "xa-nam-sach",
    }
    assert report["ngay_ban_hanh"]["format"] == "DD/MM/YYYY"
    assert report["tep_goc"]["field"]["widget"] == "file"
    figure = _names(report["so_lieu"]["fields"])
    assert report["so_lieu"]["widget"] == "list" and figure["gia_tri"]["widget"] == "string"
    assert [o["value"] for o in figure["chi_tieu"]["options"]] == list(portal.indicators)
    signer = _names(report["nguoi_ky"]["fields"])
    assert report["nguoi_ky"]["widget"] == "object" and signer["ho_ten"]["required"]
    assert _names(by_name["thu-tuc"]["fields"])["linh_vuc"]["options"] == portal.fields
    picture = _names(by_name["infographic"]["fields"])
    assert picture["tep"]["widget"] == "image" and picture["alt"]["required"]
    # A unit's profile: leaders with a portrait, an office's divisions, Markdown texts, reception hours.
    unit = _names(by_name["don-vi"]["fields"])
    leader = _names(unit["lanh_dao"]["fields"])
    assert unit["lanh_dao"]["widget"] == "list" and leader["ho_ten"]["required"]
    assert leader["anh"]["widget"] == "image" and leader["tieu_su"]["widget"] == "markdown"
    assert _names(unit["ban_do"]["fields"])["tep"]["widget"] == "image"
    assert _names(unit["co_cau_to_chuc"]["fields"])["truc_thuoc"]["widget"] == "list"
    assert unit["chuc_nang_nhiem_vu"]["widget"] == "markdown" and unit["lich_su"]["editor_components"] == []
    assert set(_names(unit["lich_tiep_cong_dan"]["fields"])) == {
        "ngay",
        "tu",
        "den",
        "nguoi_tiep",
        "dia_diem",
    }
    assert made["locale"] == "vi" and made["slug"]["encoding"] == "ascii" and made["local_backend"] is True


def test_backend_and_labels():
    assert backend("https://gitlab.com/ubnd/cong/") == {
        "name": "gitlab",
        "repo": "ubnd/cong",
        "branch": "main",
    }
    assert backend("https://github.com/a/b.git")["repo"] == "a/b"
    assert field_label("số, ký hiệu như '09/KH-UBND'") == "Số, ký hiệu"
    assert field_label("ngày ban hành dạng NN/TT/NNNN") == "Ngày ban hành"


def test_uploads_lie_beside_their_entry_and_the_body_takes_no_files():
    """A file uploaded in any collection is stored in the entry's own folder and named by its file name, as
    tep_goc and tep expect; the body's editor offers no image or code block whose file no page publishes."""
    portal, _ = load(REPO)
    made = cms_config.config(portal, "https://github.com/a/b")
    for collection in made["collections"]:
        assert (collection["media_folder"], collection["public_folder"]) == ("", ""), collection["name"]
        body = [f for f in collection["fields"] if f["name"] == "body"]
        assert all(f["editor_components"] == [] for f in body), collection["name"]
    assert "blob:" in next(d for d in cms_config.ADMIN_POLICY if d.startswith("connect-src"))
