from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth.models import Group

from cultuur.mail import with_html
from cultuur.roles import Role, home_url


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is open to makers only; staff accounts are created by an admin or invited."""

    def is_open_for_signup(self, request):
        return settings.ALLOW_MAKER_SIGNUP

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user.groups.add(Group.objects.get(name=Role.MAKER))
        return user

    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's own mails (password reset, e-mail confirmation) get the same HTML part as ours."""
        return with_html(super().render_mail(template_prefix, email, context, headers=headers))

    def get_login_redirect_url(self, request):
        return home_url(request.user)
