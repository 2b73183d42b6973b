import pytest
from django.urls import reverse

from cultuur.models import User
from cultuur.roles import Role, roles_of
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("roles", "home"),
    [
        (["advisor"], "/triage/"),
        (["manager"], "/dashboard/"),
        (["funds_coordinator"], "/fondsen/"),
        (["icc"], "/school/"),
        (["maker"], "/makers/mijn-profiel/"),
        (["manager", "advisor"], "/dashboard/"),
    ],
)
def test_every_role_lands_on_its_home_page_after_login(client, roles, home):
    user = UserFactory(roles=roles)
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == home
    assert response.status_code == 200


def test_an_admin_without_a_role_lands_in_the_admin(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    response = client.post(reverse("account_login"), {"login": admin.email, "password": PASSWORD})
    assert response["Location"] == "/beheer/"


def test_login_is_by_email_and_a_wrong_password_is_refused_in_dutch(client):
    user = UserFactory()
    response = client.post(reverse("account_login"), {"login": user.email, "password": "fout"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "niet correct" in page
    assert f'value="{user.email}"' in page  # what was typed is kept


def test_staff_cannot_sign_up_themselves_and_a_sign_up_becomes_a_maker(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nieuw@example.org",
            "password1": "een-lang-wachtwoord-9",
            "password2": "een-lang-wachtwoord-9",
        },
    )
    assert response.status_code == 302
    assert roles_of(User.objects.get(email="nieuw@example.org")) == {Role.MAKER}


def test_sign_up_is_closed_when_the_setting_is_off(client, settings):
    settings.ALLOW_MAKER_SIGNUP = False
    response = client.get(reverse("account_signup"))
    assert "gesloten" in response.content.decode().lower()


def test_staff_without_two_factor_are_sent_to_set_it_up_when_required(client, settings):
    settings.REQUIRE_STAFF_MFA = True
    client.force_login(UserFactory(roles=["advisor"]))
    response = client.get("/wijken/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_makers_are_not_forced_to_two_factor(client, settings):
    settings.REQUIRE_STAFF_MFA = True
    client.force_login(UserFactory(roles=["maker"]))
    assert client.get("/overzicht/").status_code == 200
