"""One source of truth: enums, the model, the field table and the JSON Schema agree with vocab/."""

from __future__ import annotations

import jsonschema
import pytest

from govcatalog.model import Catalog, Resource
from govcatalog.model.enums import ENUM_SCHEMES
from govcatalog.model.resource import DataItem
from govcatalog.packs import FieldKind, Pack
from govcatalog.schema import build_json_schema
from govcatalog.vocab import load_vocabulary


@pytest.mark.parametrize("scheme", sorted(ENUM_SCHEMES))
def test_enum_values_are_the_vocabulary_top_labels(scheme: str) -> None:
    vocab = load_vocabulary(scheme)
    assert [m.value for m in ENUM_SCHEMES[scheme]] == [c.label_zh for c in vocab.top_concepts()]


def _model_paths(model: type[Resource] | type[DataItem], prefix: str = "") -> set[str]:
    paths: set[str] = set()
    for name, info in model.model_fields.items():
        if name == "extensions":
            continue
        paths.add(prefix + name)
        ann = info.annotation
        sub = getattr(ann, "model_fields", None)
        if sub is not None and ann is not None:
            paths |= _model_paths(ann, f"{prefix}{name}.")  # type: ignore[arg-type]
    return paths


def test_field_table_matches_the_model(pack: Pack) -> None:
    table = {f.id for f in pack.fields.resource_fields()}
    model = _model_paths(Resource) | {f"items.{p}" for p in _model_paths(DataItem)}
    assert table == model


def test_vocab_fields_name_existing_vocabularies(pack: Pack) -> None:
    for spec in pack.fields.fields:
        if spec.kind in (FieldKind.VOCAB, FieldKind.BOOL):
            assert spec.vocabulary in pack.vocabularies, spec.id


def test_json_schema_enums_come_from_the_pack_vocabularies(pack: Pack) -> None:
    schema = build_json_schema(pack)
    jsonschema.Draft202012Validator.check_schema(schema)
    share = schema["$defs"]["ShareAttributes"]["properties"]["share_type"]
    assert share["enum"] == list(pack.vocabulary("share-type").labels())
    cycle = schema["$defs"]["Resource"]["properties"]["update_cycle"]
    assert cycle["enum"] == list(pack.vocabulary("update-cycle").labels())
    assert "每旬" not in cycle["enum"]  # the national pack leaves it out
    lei = schema["$defs"]["Category"]["properties"]["lei"]
    assert lei["enum"] == ["基础信息资源目录", "主题信息资源目录", "部门信息资源目录"]


def test_canonical_dump_of_a_valid_catalog_validates_against_the_schema(pack: Pack) -> None:
    resource = Resource.model_validate(
        {
            "category": {"lei": "基础信息资源目录", "xiang": "国家人口基础信息资源"},
            "name": "户籍人口信息",
            "code": "101001/000001",
            "provider": "市公安局",
            "provider_code": "11100000000013338W",
            "abstract": "户籍人口的基本信息",
            "format": {"format_class": "数据库", "format_types": ["Oracle"]},
            "items": [{"name": "公民身份号码", "data_type": "字符型", "length": 18}],
            "share": {
                "share_type": "无条件共享",
                "share_mode_class": "共享平台方式",
                "share_mode_type": "接口",
            },
            "open": {"open_to_public": False},
            "update_cycle": "实时",
            "publish_date": "2024-03-01",
        }
    )
    doc = Catalog(resources=(resource,)).to_json_dict()
    errors = list(jsonschema.Draft202012Validator(build_json_schema(pack)).iter_errors(doc))
    assert errors == []
    broken = {**doc, "resources": [{**doc["resources"][0], "code": "401001/1"}]}  # type: ignore[dict-item]
    assert list(jsonschema.Draft202012Validator(build_json_schema(pack)).iter_errors(broken))
