"""A staff member signs in at the municipality's provider (a real OIDC process) in the browser."""

import pytest

from cultuur.models import User
from cultuur.roles import Role, roles_of
from districts.models import DistrictTeamMember
from tests.factories import DistrictFactory, advisor_in
from tests.oidc_provider import OidcProvider, configure

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def provider(tmp_path, settings):
    server = OidcProvider(tmp_path)
    configure(settings, server)
    yield server
    print(server.stop())


def test_an_advisor_signs_in_at_the_provider_and_lands_on_the_board_with_their_role(
    page, provider, axe_violations
):
    district = DistrictFactory(name="Poelenburg")
    advisor = advisor_in(
        district, email="pieter.dejong@zaanstad.nl", first_name="Pieter", last_name="de Jong"
    )
    advisor.groups.clear()  # the provider, not this database, says who is an advisor
    provider.set_user(advisor.email, groups=["cultuur-adviseurs"], name="Pieter de Jong", amr=["pwd", "otp"])

    page.goto("/accounts/login/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Inloggen met de gemeente").click()
    page.wait_for_url(f"{provider.url}/oauth2/authorize*")
    page.get_by_placeholder("sub").fill(advisor.email)
    page.get_by_role("button", name="Authorize").click()

    page.wait_for_url("**/triage/")
    assert page.get_by_role("heading", level=1).inner_text() == "Vragen"
    assert page.get_by_role("link", name="Aanbod beoordelen").is_visible(), "the advisor's menu"
    assert page.get_by_role("link", name="Uitloggen").is_visible()
    user = User.objects.get(email=advisor.email)
    assert roles_of(user) == {Role.ADVISOR}
    assert DistrictTeamMember.objects.filter(user=user, district=district).exists()
