import pytest

from districts.models import District
from districts.selectors import district_for_postcode, normalise_postcode
from tests.factories import PostcodeAreaFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("written", ["1503 AB", "1503ab", " 1503AB ", "1503", "1503  ab", "1503Ab"])
def test_it_routes_every_common_spelling_to_the_district(written):
    area = PostcodeAreaFactory(code="1503")
    assert district_for_postcode(written) == area.district


@pytest.mark.parametrize("written", ["9999 ZZ", "0123 AB", "15O3 AB", "", None, "abc", "1503 ABC", "150"])
def test_it_falls_back_to_the_central_intake_for_unknown_or_invalid_postcodes(written):
    PostcodeAreaFactory(code="1503")
    district = district_for_postcode(written)
    assert district.is_central_intake
    assert District.objects.filter(is_central_intake=True).count() == 1


def test_the_central_intake_is_created_once_and_reused():
    first = district_for_postcode("9999")
    second = district_for_postcode("8888 AA")
    assert first == second


@pytest.mark.parametrize(
    ("written", "expected"),
    [("1503ab", "1503 AB"), (" 1503 AB ", "1503 AB"), ("1503", "1503"), ("nope", None), ("0999 AA", None)],
)
def test_it_normalises_postcodes_to_the_dutch_notation(written, expected):
    assert normalise_postcode(written) == expected
