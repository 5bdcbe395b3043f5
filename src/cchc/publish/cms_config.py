"""The editors' web form (Decap CMS, /quan-tri/): its config.yml made from the content schemas, so the
form asks for exactly what `cchc check` accepts: one collection per folder (documents per unit), labels
and hints from the schemas' descriptions, choices for kinds, unit levels, units and fields (lĩnh vực),
dates in the form the checks read, lists, files, and an image with its required description."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlparse

import yaml

from cchc import urls
from cchc.content import documents, infographics, journeys, news, procedures, units
from cchc.content.schema import Field
from cchc.kinds import KINDS
from cchc.labels import label
from cchc.levels import LEVELS
from cchc.model import Portal
from cchc.pages import render

# A field of the form (a widget), as config.yml writes it.
Widget = dict[str, object]
# The options of select widgets by field name: the values, or {label, value} pairs.
Choices = dict[str, list[str] | list[dict[str, str]]]

_LABEL_END = re.compile(r",\s*ví dụ|\s+như\s|:|\s+dạng\s|\s+\(|\s+-\s")
DATE = {"widget": "datetime", "format": "DD/MM/YYYY", "date_format": "DD/MM/YYYY", "time_format": False}
# The body takes words, tables and links: no image or code block, whose files no page would publish.
BODY = {
    "label": label("collection.body"),
    "name": "body",
    "widget": "markdown",
    "required": False,
    "editor_components": [],
}


def field_label(description: str) -> str:
    """A field's short label from its description: 'số, ký hiệu như …' -> 'Số, ký hiệu'."""
    short = _LABEL_END.split(description, maxsplit=1)[0].strip()
    return short[:1].upper() + short[1:]


def backend(repo_url: str) -> dict[str, str]:
    """GitHub or GitLab from the repository's address, each change a pull or merge request."""
    parsed = urlparse(repo_url)
    name = "gitlab" if "gitlab" in parsed.netloc else "github"
    return {"name": name, "repo": parsed.path.strip("/").removesuffix(".git"), "branch": "main"}


# A field's own widget wherever it sits, by its path ("lanh_dao.anh": the `anh` of each leader).
Overrides = Mapping[str, Mapping[str, object]]
IMAGE = {"widget": "image"}
# The longer texts (a field with its own `limit`) are Markdown, edited as the body is.
PROSE = {"widget": "markdown", "editor_components": []}


def _widget(spec: Field, choices: Choices, overrides: Overrides | None = None, prefix: str = "") -> Widget:
    overrides, path = overrides or {}, prefix + spec.name
    widget = _plain_widget(spec, choices, overrides, path)
    if path in overrides or spec.limit:  # a widget of its own: the schema's label, hint and need stay
        widget = {key: widget[key] for key in ("label", "name", "hint", "required")}
        widget |= copy.deepcopy(overrides.get(path, PROSE))  # each its own copy (plain YAML, no anchors)
    return widget


def _plain_widget(spec: Field, choices: Choices, overrides: Overrides, path: str) -> Widget:
    widget: Widget = {
        "label": field_label(spec.description),
        "name": spec.name,
        "hint": spec.description,
        "required": spec.required,
    }
    if spec.name in choices:
        # Each collection its own copy: shared objects would become YAML anchors.
        widget.update(
            widget="select", options=copy.deepcopy(choices[spec.name]), multiple=spec.shape == "list"
        )
    elif spec.shape == "mapping":
        widget.update(
            widget="object", fields=[_widget(f, choices, overrides, path + ".") for f in spec.fields]
        )
    elif spec.shape == "records":
        widget.update(widget="list", fields=[_widget(f, choices, overrides, path + ".") for f in spec.fields])
    elif spec.shape == "list":
        item = {"label": field_label(spec.description), "name": "muc", "widget": "string"}
        widget.update(widget="list", field=item)
    else:
        widget["widget"] = "string"
    return widget


def _fields(schema: tuple[Field, ...], choices: Choices, overrides: Overrides | None = None) -> list[Widget]:
    fields = [_widget(spec, choices, overrides) for spec in schema]
    return [*fields, copy.deepcopy(BODY)]  # plain YAML: no anchor for a list shared between collections


# Files uploaded in a collection are stored in the entry's own folder and named by their file name alone.
BESIDE_ENTRY = {"media_folder": "", "public_folder": ""}


def collections(portal: Portal) -> list[dict[str, object]]:
    unit_ids = sorted(portal.units)
    slugs = sorted(p.slug for p in portal.procedures)
    choices: Choices = {
        "loai": [k.name for k in KINDS if k.published],
        "cap": [level.name for level in LEVELS],
        "don_vi_cap_tren": unit_ids,
        "linh_vuc": list(portal.fields),
        "don_vi": unit_ids,
        # A journey's steps name procedures by file name: chosen, not typed (news items' too).
        "thu_tuc": slugs,
        "hoac": slugs,
        "chi_tieu": [
            {"label": label("indicator.with_unit", name=i.name, unit=i.unit), "value": i.id}
            for i in portal.indicators.values()
        ],
    }
    files = {"widget": "list", "field": {"label": label("collection.file"), "name": "tep", "widget": "file"}}
    out = []
    for unit in sorted(portal.units.values(), key=lambda u: u.id):
        out.append(
            {
                "name": f"van-ban-{unit.id}",
                "label": label("collection.documents", unit=unit.short_name),
                "folder": f"content/{documents.FOLDER}/{unit.id}",
                "create": True,
                "identifier_field": "trich_yeu",
                "slug": "{{fields.loai}}-{{slug}}",
                # An original uploaded in the form lies beside its document and is named as tep_goc
                # expects it: the bare file name, as cchc check reads it.
                **BESIDE_ENTRY,
                "fields": _fields(
                    documents.SCHEMA,
                    choices,
                    {
                        "don_vi": {"widget": "hidden", "default": unit.id},
                        "ngay_ban_hanh": DATE,
                        "tep_goc": files,
                    },
                ),
            }
        )
        out.append(
            {
                "name": f"tin-tuc-{unit.id}",
                "label": label("collection.news", unit=unit.short_name),
                "folder": f"content/{news.FOLDER}/{unit.id}",
                "create": True,
                "identifier_field": "tieu_de",
                **BESIDE_ENTRY,
                "fields": _fields(
                    news.SCHEMA,
                    choices,
                    {"don_vi": {"widget": "hidden", "default": unit.id}, "ngay": DATE, "anh": IMAGE},
                ),
            }
        )
    out.append(
        {
            "name": "thu-tuc",
            **BESIDE_ENTRY,
            "label": label("collection.procedures"),
            "folder": f"content/{procedures.FOLDER}",
            "create": True,
            "fields": _fields(procedures.SCHEMA, choices),
        }
    )
    out.append(
        {
            "name": "hanh-trinh",
            **BESIDE_ENTRY,
            "label": label("collection.journeys"),
            "folder": f"content/{journeys.FOLDER}",
            "create": True,
            "identifier_field": "tieu_de",
            "fields": _fields(journeys.SCHEMA, choices),
        }
    )
    out.append(
        {
            "name": "mau",
            **BESIDE_ENTRY,
            "label": label("collection.forms"),
            "folder": f"content/{procedures.FOLDER}/{procedures.FORMS}",
            "create": True,
            "fields": _fields(procedures.FORM_SCHEMA, choices),
        }
    )
    out.append(
        {
            "name": "infographic",
            "label": label("collection.infographics"),
            "folder": f"content/{infographics.FOLDER}",
            "create": True,
            **BESIDE_ENTRY,
            "fields": _fields(infographics.SCHEMA, choices, {"tep": {"widget": "image"}, "ngay": DATE})[:-1],
        }
    )  # no body
    out.append(
        {
            "name": "don-vi",
            **BESIDE_ENTRY,
            "label": label("collection.units"),
            "folder": f"content/{units.FOLDER}",
            "create": True,
            "identifier_field": "id",
            "fields": _fields(units.SCHEMA, choices, {"lanh_dao.anh": IMAGE, "ban_do.tep": IMAGE}),
        }
    )
    return out


def config(portal: Portal, repo_url: str) -> dict[str, object]:
    """The whole config.yml: the repository's backend with the editorial workflow (each change a pull or
    merge request that CI checks), the local backend for `make edit`, Vietnamese, ASCII slugs."""
    return {
        "backend": backend(repo_url),
        "publish_mode": "editorial_workflow",
        "local_backend": True,
        "locale": "vi",
        # Decap needs a global media folder; every collection stores its files beside its entries instead
        # (a file under content/tep/ would be no document's).
        "media_folder": "content/tep",
        "public_folder": "/tep",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections(portal),
    }


BUNDLE = Path("cms") / "node_modules" / "decap-cms" / "dist"  # installed by `make edit` (npm ci in cms/)
# Decap compiles its config's schema with ajv, which needs eval; the form talks to the repository's API
# and, on an editor's machine, to decap-server, and reads an uploaded file back from its blob: address
# before sending it. Only /quan-tri/ carries this policy.
ADMIN_POLICY = (
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self' blob: http://localhost:8081 https://api.github.com https://gitlab.com",
    "object-src 'none'",
    "base-uri 'self'",
)


def admin_files(root: Path, portal: Portal, repo_url: str) -> tuple[dict[str, str], dict[str, Path]]:
    """The web form's page and config (text) and the Decap bundle's files (copied), by site path; nothing
    when the bundle is not installed."""
    bundle = root / BUNDLE
    if not (bundle / "decap-cms.js").is_file():
        return {}, {}
    made = yaml.safe_dump(config(portal, repo_url), allow_unicode=True, sort_keys=False)
    texts = {
        urls.admin("config.yml"): made,
        urls.admin_page(): render.fill("admin.html", policy="; ".join(ADMIN_POLICY)),
    }
    files = {urls.admin(path.name): path for path in sorted(bundle.glob("*decap-cms.js"))}
    files.update({urls.admin(path.name): path for path in sorted(bundle.glob("*.wasm"))})
    return texts, files
