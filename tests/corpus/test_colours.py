"""The default scheme's colours, checked with a colour library (coloraide), not by eye:
tag text meets WCAG AA on every label colour, and the colours stay apart under the
common colour-vision deficiencies (simulated, compared by ΔE2000)."""

from itertools import combinations

import pytest
from coloraide import Color

from corpus.colours import AA, contrast, luminance, text_colour
from corpus.labels import LabelScheme

DEFICIENCIES = ("protan", "deutan", "tritan")     # full dichromacy: the severest case
APART = 15.0        # ΔE2000 between any two labels' colours, under every condition
OLD_DEFAULT = ["#e6550d", "#3182bd", "#31a354", "#756bb1", "#d6a100", "#de2d8c"]


def default_colours() -> dict[str, str]:
    return {label.name: label.color for label in LabelScheme.default()}


def closest_pair(colours: list[str], deficiency: str | None) -> float:
    def seen(colour):
        c = Color(colour)
        return c.filter(deficiency, method="brettel") if deficiency else c
    return min(seen(a).delta_e(seen(b), method="2000") for a, b in combinations(colours, 2))


@pytest.mark.parametrize("name", list(default_colours()))
def test_tag_text_meets_wcag_aa_on_every_label_colour(name):
    background = default_colours()[name]
    ink = text_colour(background)
    assert Color(background).contrast(ink, method="wcag21") >= AA
    # Ours agrees with the library's.
    assert contrast(background, ink) == pytest.approx(
        Color(background).contrast(ink, method="wcag21"), rel=1e-3)
    assert luminance(background) == pytest.approx(Color(background).luminance(), rel=1e-3)


@pytest.mark.parametrize("grey", ["#767676", "#777777", "#808080", "#959595", "#5a5a5a"])
def test_black_or_white_always_reaches_aa(grey):
    assert contrast(grey, text_colour(grey)) >= AA


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_the_default_colours_stay_apart_under_colour_vision_deficiencies(deficiency):
    assert closest_pair(list(default_colours().values()), deficiency) >= APART


def test_the_old_default_colours_failed_the_check():
    """Why the defaults changed: ORG and POST were 2.5 apart under deuteranopia."""
    assert closest_pair(OLD_DEFAULT, "deutan") < APART
