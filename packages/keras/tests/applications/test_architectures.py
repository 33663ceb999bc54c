"""Architectures of keras.applications against numbers taken from Keras 3.15.1.

Every row was measured on real Keras (numpy backend, `weights=None`): the parameter
count, the number of layers, the md5 of the sorted layer names (auto-numbered names
such as `add_3` reduced to `add`) and the md5 of the sorted (name, weight shapes) pairs.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pytest

import keras
from keras import applications

numpy_only = pytest.mark.skipif(
    keras.backend.backend() != "numpy", reason="architecture checks are backend-independent"
)

_AUTO = re.compile(
    r"^(max_pooling2d|input_layer|global_average_pooling2d|global_max_pooling2d|rescaling|normalization|"
    r"activation|add|multiply|concatenate|zero_padding2d|reshape|conv2d|batch_normalization|dense|dropout|"
    r"average_pooling2d|layer_normalization|re_lu|flatten|lambda|cropping2d|depthwise_conv2d|separable_conv2d)(_\d+)?$"
)


def _norm(name: str) -> str:
    match = _AUTO.match(name)
    return match.group(1) if match else name


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


# (builder, kwargs, params, layers, md5 of sorted names, md5 of sorted (name, shapes), output shape)
CASES: list[tuple[str, dict[str, Any], int, int, str, str, tuple[int | None, ...]]] = [
    (
        "ResNet50",
        dict(weights=None),
        25_636_712,
        177,
        "c0af4980102f2555592894e755fee7e1",
        "76a8416d653ddca41a170a3d4245a85c",
        (None, 1000),
    ),
    (
        "ResNet101",
        dict(weights=None, include_top=False),
        42_658_176,
        345,
        "425c8f025fcad1018847d5210f9bfbaa",
        "1b5dc9e78b9a7d432b2574d9d14486ae",
        (None, None, None, 2048),
    ),
    (
        "ResNet152",
        dict(weights=None, include_top=False, input_shape=(32, 32, 3)),
        58_370_944,
        515,
        "5a1a2203c22cadab4eefaa3a9e6c188f",
        "a131614d76c7781c5d6378818b713138",
        (None, 1, 1, 2048),
    ),
    (
        "ResNet50V2",
        dict(weights=None, include_top=False, pooling="avg"),
        23_564_800,
        191,
        "3a33e1012ef8640bf6202251b2b22e3b",
        "0fbe38866c19a4ac1dc413e1ce6f9211",
        (None, 2048),
    ),
    (
        "ResNet101V2",
        dict(weights=None, include_top=False),
        42_626_560,
        377,
        "160097132f65199e23b17e876d666117",
        "e24f570ebfd31b64bb0743ab1e34bc93",
        (None, None, None, 2048),
    ),
    (
        "ResNet152V2",
        dict(weights=None, include_top=False, pooling="max"),
        58_331_648,
        565,
        "3c25616708f6be80f7522bd13c933e89",
        "131ae900967535043ead6bdd117a618d",
        (None, 2048),
    ),
    (
        "VGG16",
        dict(weights=None),
        138_357_544,
        23,
        "5f98e97d89f10f19639a2692608a404d",
        "cf3a19924a948c27471fefc691673360",
        (None, 1000),
    ),
    (
        "VGG19",
        dict(weights=None, include_top=False, pooling="avg"),
        20_024_384,
        23,
        "937ef88e716636ea0b897c3b52c79f0b",
        "f6f817e5044121d2f48e2ca3f40cf03f",
        (None, 512),
    ),
    (
        "MobileNet",
        dict(weights=None),
        4_253_864,
        91,
        "baabd91c4435c4f900e66f5a8ac5ceeb",
        "1ed71c525fa13fa0b46eedd06cbed4fa",
        (None, 1000),
    ),
    (
        "MobileNet",
        dict(weights=None, alpha=0.5, depth_multiplier=2, input_shape=(128, 128, 3), include_top=False),
        1_646_672,
        86,
        "82f0a03ff09653873ffbb426b7be0a63",
        "a69fbb3faf3219394d86c4df7e4f3685",
        (None, 4, 4, 512),
    ),
    (
        "MobileNetV2",
        dict(weights=None),
        3_538_984,
        156,
        "0d54b5310f17c47d06e86cd68d7a5cdf",
        "269378703d92181a25163a31f5a62358",
        (None, 1000),
    ),
    (
        "MobileNetV2",
        dict(weights=None, alpha=1.4, include_top=False, input_shape=(96, 96, 3)),
        4_363_712,
        154,
        "8c389cfdf1852c914e3e633ee047afd9",
        "49adbbc78257085d79b6b3a0450976ea",
        (None, 3, 3, 1792),
    ),
    (
        "MobileNetV3Small",
        dict(weights=None),
        2_554_968,
        164,
        "4eaa882cdfd8ce156c3ce8bd0880fd85",
        "9ee15504940150fb06bd03b70f7dd409",
        (None, 1000),
    ),
    (
        "MobileNetV3Large",
        dict(weights=None),
        5_507_432,
        194,
        "bc07351ce73d6f4abf42146d6ead647f",
        "48fcadba73d1e803daffe1201a05465c",
        (None, 1000),
    ),
    (
        "MobileNetV3Small",
        dict(weights=None, minimalistic=True, alpha=0.75, include_top=False, pooling="avg"),
        273_800,
        104,
        "a2652a37d57eed9ea0e3b5227e15624f",
        "00c6b8cf2d1f849e7a262069f00a7ecc",
        (None, 432),
    ),
    (
        "MobileNetV3Large",
        dict(weights=None, alpha=1.25, minimalistic=True, input_shape=(64, 64, 3)),
        5_788_928,
        145,
        "0c7d4fb4cac07bb98378eb13ed1db500",
        "86d0b5631c94d990cb00f1e50bccbc26",
        (None, 1000),
    ),
    (
        "DenseNet121",
        dict(weights=None),
        8_062_504,
        429,
        "31c293cf9dc198df1241aa45a992cb11",
        "cd11894c75adea4e156a81a65e7cc348",
        (None, 1000),
    ),
    (
        "DenseNet169",
        dict(weights=None, include_top=False),
        12_642_880,
        595,
        "19f4713a113f11e8612d3412829b9388",
        "8940c3dbf7b6c117c84c6538a10c25f6",
        (None, None, None, 1664),
    ),
    (
        "DenseNet201",
        dict(weights=None, include_top=False, pooling="max"),
        18_321_984,
        708,
        "6ed3cbb8f03b0efca3dd159ae82da83f",
        "59918e8a843c78acda9e036eeaa603e9",
        (None, 1920),
    ),
    (
        "Xception",
        dict(weights=None),
        22_910_480,
        134,
        "ebb409cfe07ae3bcf15cdc754aefb912",
        "5bc339972343f0fe74e6d5a4a2f8d455",
        (None, 1000),
    ),
    (
        "EfficientNetB0",
        dict(weights=None),
        5_330_571,
        240,
        "b2dba806e7466a36f554a390fdd3f53f",
        "6eef100becefc75fea1fe5762aaa2640",
        (None, 1000),
    ),
    (
        "EfficientNetB1",
        dict(weights=None, include_top=False),
        6_575_239,
        339,
        "0c7e3ccde486a2aa49c9f8faa6272801",
        "d25747989d203564aa361830535ef8cc",
        (None, None, None, 1280),
    ),
    (
        "EfficientNetB2",
        dict(weights=None, include_top=False),
        7_768_569,
        339,
        "0c7e3ccde486a2aa49c9f8faa6272801",
        "1bd30d820665bacc17ba913dc8b22afb",
        (None, None, None, 1408),
    ),
    (
        "EfficientNetB3",
        dict(weights=None, include_top=False),
        10_783_535,
        384,
        "739286e009b9e04a9c12a8e3d063106d",
        "53c1e988c6b3f92c64fac144ed5c3ff6",
        (None, None, None, 1536),
    ),
    (
        "EfficientNetB4",
        dict(weights=None, include_top=False),
        17_673_823,
        474,
        "19c65654fca3f07b98cd2ecdeab9cac3",
        "dea94db0699ebdce3f46f23b7d7c5a71",
        (None, None, None, 1792),
    ),
    (
        "EfficientNetB5",
        dict(weights=None, include_top=False),
        28_513_527,
        576,
        "928d8ad0fda911ed8b643a309d28cae3",
        "7e8172d0eac709f781dd33e443069c0f",
        (None, None, None, 2048),
    ),
    (
        "EfficientNetB6",
        dict(weights=None, include_top=False),
        40_960_143,
        666,
        "f3fef2469e9cc15668bfd500022c8057",
        "7a1904dc18bb179a3bb76b9ae32f04a6",
        (None, None, None, 2304),
    ),
    (
        "EfficientNetB7",
        dict(weights=None, include_top=False, pooling="avg"),
        64_097_687,
        814,
        "5280a467f7d60b2e51983015f86bbd73",
        "ccc20298ab0a1d932366d578998eeca5",
        (None, 2560),
    ),
    (
        "ConvNeXtTiny",
        dict(weights=None),
        28_589_128,
        135,
        "5b39ed3de3e658e60b39f03efb0ebbd7",
        "a8c1f99ae6374f767354ef28d767f606",
        (None, 1000),
    ),
    (
        "ConvNeXtSmall",
        dict(weights=None, include_top=False, pooling="avg"),
        49_454_688,
        260,
        "03c8b7d7334199381a41b0ee3646492a",
        "529b2f6edbd0f26c9b4187d7d140002c",
        (None, 768),
    ),
    (
        "ConvNeXtBase",
        dict(weights=None, include_top=False),
        87_566_464,
        259,
        "91243c58a693d524bcef9bff748bd69c",
        "313f3d2dbcca0bba6fedd20dd69ad95b",
        (None, None, None, 1024),
    ),
    (
        "ConvNeXtLarge",
        dict(weights=None, include_top=False),
        196_230_336,
        259,
        "700f7c1babc6b0fab4669a045863a77d",
        "c7090d6854c0a5ae4b064bbef83763b1",
        (None, None, None, 1536),
    ),
    (
        "ConvNeXtXLarge",
        dict(weights=None, include_top=False),
        348_147_968,
        259,
        "95d3a2573c2fdeab88ac8df36d084469",
        "da52f3ccc434d71a172b099761d80fa3",
        (None, None, None, 2048),
    ),
    (
        "InceptionV3",
        dict(weights=None),
        23_851_784,
        313,
        "ba24038e99fed49207b4367493e23abc",
        "4dddd3ed7a226f4ac83f0843a6b7c3cf",
        (None, 1000),
    ),
    (
        "InceptionV3",
        dict(weights=None, include_top=False, input_shape=(75, 75, 3), pooling="avg"),
        21_802_784,
        312,
        "18ac1bd5d75a14f5e28efccaebe8ffb5",
        "489174541c3f0acf3a8ad84351a4d6a6",
        (None, 2048),
    ),
]


@numpy_only
@pytest.mark.parametrize(
    ("builder", "kwargs", "params", "n_layers", "names_md5", "weights_md5", "output_shape"),
    CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)],
)
def test_architecture_matches_keras(
    builder: str,
    kwargs: dict[str, Any],
    params: int,
    n_layers: int,
    names_md5: str,
    weights_md5: str,
    output_shape: tuple[int | None, ...],
) -> None:
    model = getattr(applications, builder)(**kwargs)
    assert model.count_params() == params
    assert len(model.layers) == n_layers
    names = [_norm(layer.name) for layer in model.layers]
    assert _md5("\n".join(sorted(names))) == names_md5
    pairs = sorted((_norm(layer.name), [tuple(w.shape) for w in layer.weights]) for layer in model.layers)
    assert _md5(str(pairs)) == weights_md5
    assert tuple(model.output.shape) == output_shape


@numpy_only
def test_resnet50_layer_names_spot_check() -> None:
    model = applications.ResNet50(weights=None)
    names = {layer.name for layer in model.layers}
    assert {
        "conv1_pad",
        "conv1_conv",
        "conv2_block1_0_conv",
        "conv5_block3_out",
        "avg_pool",
        "predictions",
    } <= names
    assert model.name == "resnet50"


@numpy_only
@pytest.mark.parametrize(
    ("builder", "kwargs", "name"),
    [
        (
            "MobileNet",
            dict(weights=None, alpha=0.25, input_shape=(32, 32, 3), include_top=False),
            "mobilenet_0.25_32",
        ),
        (
            "MobileNetV2",
            dict(weights=None, alpha=0.35, input_shape=(96, 96, 3), include_top=False),
            "mobilenetv2_0.35_96",
        ),
        ("MobileNetV3Small", dict(weights=None, include_top=False), "MobileNetV3Small"),
        ("VGG16", dict(weights=None, include_top=False, name="custom"), "custom"),
    ],
)
def test_default_model_names(builder: str, kwargs: dict[str, Any], name: str) -> None:
    assert getattr(applications, builder)(**kwargs).name == name
