"""Staff sign in through the municipality's OpenID Connect provider: a real provider process.

The code flow runs for real: Django's test client on our side, `oidc-provider-mock` on
127.0.0.1 on the other (discovery, login form, token exchange, signed ID token, userinfo).
"""

import pytest
from django.urls import reverse

from cultuur import sso
from cultuur.models import AuditLog, User
from cultuur.roles import Role, roles_of
from districts.models import DistrictTeamMember
from tests.factories import PASSWORD, DistrictFactory, UserFactory, advisor_in
from tests.oidc_provider import OidcProvider, configure, sign_in_with_test_client

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    server = OidcProvider(tmp_path_factory.mktemp("oidc"))
    yield server
    server.stop()


@pytest.fixture
def sso_on(settings, provider):
    configure(settings, provider)
    return provider


def _roles(email):
    return {role.value for role in roles_of(User.objects.get(email=email))}


def test_a_new_advisor_signs_in_through_the_provider_and_lands_on_the_triage_board(client, sso_on):
    sso_on.set_user("fatima.elamrani@zaanstad.nl", groups=["cultuur-adviseurs"], name="Fatima El Amrani")
    response = sign_in_with_test_client(client, "fatima.elamrani@zaanstad.nl")
    assert response.status_code == 302
    assert response["Location"] == reverse("requests:triage")
    assert _roles("fatima.elamrani@zaanstad.nl") == {"advisor"}
    assert AuditLog.objects.filter(action="auth.roles.synced_from_idp").count() == 1


def test_an_existing_advisor_keeps_the_districts_assigned_here(client, sso_on):
    district = DistrictFactory()
    advisor = advisor_in(district, email="pieter.dejong@zaanstad.nl")
    sso_on.set_user(advisor.email, groups=["cultuur-adviseurs"])
    response = sign_in_with_test_client(client, advisor.email)
    assert response["Location"] == reverse("requests:triage")
    assert User.objects.filter(email=advisor.email).count() == 1, "linked by e-mail, not a second account"
    assert DistrictTeamMember.objects.filter(user=advisor, district=district).exists()


def test_a_changed_group_changes_the_role_at_the_next_sign_in(client, sso_on):
    sso_on.set_user("sanne.bakker@zaanstad.nl", groups=["cultuur-adviseurs"])
    sign_in_with_test_client(client, "sanne.bakker@zaanstad.nl")
    assert _roles("sanne.bakker@zaanstad.nl") == {"advisor"}
    client.logout()

    sso_on.set_user("sanne.bakker@zaanstad.nl", groups=["cultuur-managers"])
    response = sign_in_with_test_client(client, "sanne.bakker@zaanstad.nl")
    assert _roles("sanne.bakker@zaanstad.nl") == {"manager"}
    assert response["Location"] == reverse("impact:dashboard")


def test_a_group_no_longer_given_removes_the_role_but_keeps_roles_the_map_does_not_name(client, sso_on):
    person = UserFactory(email="joost.visser@zaanstad.nl", roles=["advisor", "icc"])
    sso_on.set_user(person.email, groups=["cultuur-adviseurs"])
    sign_in_with_test_client(client, person.email)
    client.logout()

    sso_on.set_user(person.email, groups=["iets-anders"])
    sign_in_with_test_client(client, person.email)
    assert _roles(person.email) == {"icc"}


def test_without_a_mapped_group_no_account_is_made(client, sso_on):
    sso_on.set_user("buitenstaander@zaanstad.nl", groups=["parkeren"])
    response = sign_in_with_test_client(client, "buitenstaander@zaanstad.nl")
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email="buitenstaander@zaanstad.nl").exists()
    assert response.status_code in (200, 302)


def test_the_login_page_shows_the_button_only_when_the_provider_is_configured(client, settings, provider):
    assert "Inloggen met de gemeente" not in client.get(reverse("account_login")).content.decode()
    configure(settings, provider)
    assert "Inloggen met de gemeente" in client.get(reverse("account_login")).content.decode()


# Role mapping without the provider: the claims as they arrive.


@pytest.fixture
def role_map(settings):
    settings.OIDC_ROLE_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = [
        "cultuur-adviseurs:advisor",
        "cultuur-managers:manager",
        "cn=fondsen,o=gemeente:funds_coordinator",
    ]


def test_roles_come_from_a_list_a_string_or_are_absent(role_map):
    assert sso.roles_from_claims({"groups": ["cultuur-adviseurs", "x"]}) == {Role.ADVISOR}
    assert sso.roles_from_claims({"groups": "cultuur-adviseurs cultuur-managers"}) == {
        Role.ADVISOR,
        Role.MANAGER,
    }
    assert sso.roles_from_claims({"groups": ["cn=fondsen,o=gemeente"]}) == {Role.FUNDS_COORDINATOR}
    assert sso.roles_from_claims({}) == frozenset()


def test_a_role_map_with_an_unknown_role_is_refused(settings):
    settings.OIDC_ROLE_MAP = ["cultuur-adviseurs:koning"]
    with pytest.raises(Exception, match="OIDC_ROLE_MAP"):
        sso.role_map()


def test_the_provider_asserts_a_second_factor_through_amr_or_a_configured_acr(settings):
    settings.OIDC_MFA_AMR = ["mfa", "otp"]
    settings.OIDC_MFA_ACR = ["urn:gemeente:loa:substantial"]
    assert sso.asserts_mfa({"amr": ["pwd", "otp"]})
    assert not sso.asserts_mfa({"amr": ["pwd"]})
    assert sso.asserts_mfa({"acr": "urn:gemeente:loa:substantial"})
    assert not sso.asserts_mfa({"acr": "urn:gemeente:loa:low"})
    assert not sso.asserts_mfa({})


def test_staff_asked_for_two_factor_are_not_sent_to_set_it_up_when_the_provider_asserted_it(
    client, sso_on, settings
):
    settings.REQUIRE_STAFF_MFA = True
    sso_on.set_user("mfa.adviseur@zaanstad.nl", groups=["cultuur-adviseurs"], amr=["pwd", "otp"])
    sign_in_with_test_client(client, "mfa.adviseur@zaanstad.nl")
    assert client.get(reverse("requests:triage")).status_code == 200
    client.logout()

    sso_on.set_user("mfa.adviseur@zaanstad.nl", groups=["cultuur-adviseurs"], amr=["pwd"])
    sign_in_with_test_client(client, "mfa.adviseur@zaanstad.nl")
    assert client.get(reverse("requests:triage"))["Location"] == reverse("mfa_activate_totp")


# The password switch.


@pytest.mark.parametrize("role", ["advisor", "manager", "funds_coordinator"])
def test_with_staff_passwords_off_staff_cannot_sign_in_with_a_password_and_are_told_why(
    client, settings, role
):
    settings.STAFF_PASSWORD_LOGIN = False
    user = UserFactory(roles=[role])
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Inloggen met de gemeente" in response.content.decode()
    assert client.login(email=user.email, password=PASSWORD) is False, "nor through the admin's backend"


def test_with_staff_passwords_off_makers_still_sign_in_with_their_password(client, settings):
    settings.STAFF_PASSWORD_LOGIN = False
    maker = UserFactory(roles=["maker"])
    response = client.post(reverse("account_login"), {"login": maker.email, "password": PASSWORD})
    assert response["Location"] == reverse("makers:my_profile")


def test_with_staff_passwords_off_a_wrong_password_does_not_reveal_staff(client, settings):
    settings.STAFF_PASSWORD_LOGIN = False
    user = UserFactory(roles=["advisor"])
    response = client.post(reverse("account_login"), {"login": user.email, "password": "fout-wachtwoord"})
    assert "Inloggen met de gemeente" not in response.content.decode()


def test_with_staff_passwords_on_staff_sign_in_with_a_password_as_before(client, settings):
    settings.STAFF_PASSWORD_LOGIN = True
    user = UserFactory(roles=["advisor"])
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("requests:triage")


# The routes allauth adds (under /accounts/, outside the access matrix): spot checks.


def test_the_provider_routes_are_404_while_single_sign_on_is_off(client):
    assert client.post("/accounts/oidc/gemeente/login/", {"process": "login"}).status_code == 404
    assert client.get("/accounts/oidc/gemeente/login/callback/?code=x&state=y").status_code == 404


def test_the_linked_accounts_page_needs_a_sign_in(client):
    response = client.get(reverse("socialaccount_connections"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
