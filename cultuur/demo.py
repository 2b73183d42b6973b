"""Demo data shared by every app: the context that creates users, and the platform's own accounts."""

import random
from dataclasses import dataclass, field

from django.contrib.auth.models import Group

from cultuur.models import User

DEMO_PASSWORD = "demo-cultuur-2026"  # noqa: S105 (a published demo password, never for production)


@dataclass
class DemoContext:
    stdout: object
    password: str = DEMO_PASSWORD
    rng: random.Random = field(default_factory=lambda: random.Random(2026))
    logins: list[tuple[str, str]] = field(default_factory=list)

    def user(self, email, first_name, last_name, *, roles=(), demo_login=False, **extra) -> User:
        user, created = User.objects.get_or_create(
            email=email, defaults={"first_name": first_name, "last_name": last_name, **extra}
        )
        if created:
            user.set_password(self.password)
            user.save(update_fields=["password"])
        if roles:
            user.groups.add(*Group.objects.filter(name__in=roles))
        login = (", ".join(roles) or "admin", email)
        if demo_login and login not in self.logins:
            self.logins.append(login)
        return user

    def get_user(self, email) -> User:
        return User.objects.get(email=email)


def seed(ctx: DemoContext) -> None:
    ctx.user("beheer@cultuur.test", "Bea", "Beheer", demo_login=True, is_staff=True, is_superuser=True)
    ctx.user("manager@cultuur.test", "Monique", "Manager", roles=["manager"], demo_login=True)
    ctx.user("fondsen@cultuur.test", "Frank", "Fondsen", roles=["funds_coordinator"], demo_login=True)
    ctx.user("icc@cultuur.test", "Ilse", "de ICC", roles=["icc"], demo_login=True)
    ctx.user("maker@cultuur.test", "Mo", "Maker", roles=["maker"], demo_login=True)
