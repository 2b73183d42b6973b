"""The one settings module. Everything that differs between machines comes from the environment.

The table of variables with their defaults lives in README.md; keep the two in step.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug-mode-0123456789abcdefghij"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "cultuur",
    "districts",
    "makers",
    "requests",
    "schools",
    "impact",
    "cultuur.site",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_filters",
    "django_htmx",
    "csp",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cultuur.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "cultuur.middleware.RequireStaffMfaMiddleware",
    "cultuur.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "cultuur.site.urls"
WSGI_APPLICATION = "cultuur.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cultuur.context_processors.roles",
            ],
        },
    },
]

# Database: DATABASE_URL, or a SQLite file for the embedded default.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'cultuur.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded worker writes while the web process reads: wait for locks instead of failing.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
IS_POSTGRES = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")
if IS_POSTGRES:
    # Every select of a form (ModelChoiceField) iterates its queryset with .iterator(), which on
    # PostgreSQL opens a server-side cursor: DECLARE, FETCH and CLOSE, three round trips for a list
    # of twenty districts. Nothing here streams a large result; a bulk export should page instead.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
# A read replica for the heavy read-only pages (the directory, the dashboard, exports): see
# cultuur/replica.py. Writes, and reads for a few seconds after a write, stay on the primary.
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
DATABASE_REPLICA_PIN_SECONDS = env_int("DATABASE_REPLICA_PIN_SECONDS", 10)
DATABASE_ROUTERS: list[str] = []
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    # Tests run against the primary's test database; no second test database is made for it.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    if DATABASES["replica"]["ENGINE"].startswith("django.db.backends.postgresql"):
        DATABASES["replica"]["DISABLE_SERVER_SIDE_CURSORS"] = True
        # A write that reached the replica by mistake fails loudly, also on a copy that is not a standby.
        DATABASES["replica"].setdefault("OPTIONS", {}).setdefault(
            "options", "-c default_transaction_read_only=on"
        )
    DATABASE_ROUTERS = ["cultuur.replica.ReplicaRouter"]
    MIDDLEWARE.append("cultuur.replica.PrimaryPinMiddleware")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "cultuur.User"
AUTHENTICATION_BACKENDS = [
    "cultuur.auth_backends.ModelBackend",
    "cultuur.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "cultuur:start"
LOGOUT_REDIRECT_URL = "cultuur:home"

# django-allauth: e-mail login, no usernames, no open sign-up for staff.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_ADAPTER = "cultuur.adapters.AccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,100/h/key",
    "reset_password": "20/m/ip,5/m/key",
}
# Makers may create their own account (issue: maker self-service); staff are invited.
ALLOW_MAKER_SIGNUP = env_bool("ALLOW_MAKER_SIGNUP", default=True)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Cultuur")
REQUIRE_STAFF_MFA = env_bool("REQUIRE_STAFF_MFA", default=False)

# Single sign-on for staff through the municipality's OpenID Connect provider (issue 18), off
# unless OIDC_SERVER_URL and OIDC_CLIENT_ID are set. See cultuur/sso.py.
OIDC_SERVER_URL = env_str("OIDC_SERVER_URL").rstrip("/")
OIDC_CLIENT_ID = env_str("OIDC_CLIENT_ID")
OIDC_CLIENT_SECRET = env_str("OIDC_CLIENT_SECRET")
# Development only: `make run` also starts a local test provider (PyPI oidc-provider-mock, a dev
# dependency) whose one-click users are the demo staff; the settings below default to it.
OIDC_DEV_PROVIDER = env_bool("OIDC_DEV_PROVIDER", default=False)
if OIDC_DEV_PROVIDER:
    if not DEBUG:
        raise ImproperlyConfigured("OIDC_DEV_PROVIDER is for development (DEBUG on) only.")
    OIDC_SERVER_URL = OIDC_SERVER_URL or "http://127.0.0.1:9400"
    OIDC_CLIENT_ID = OIDC_CLIENT_ID or "cultuur-dev"
    OIDC_CLIENT_SECRET = OIDC_CLIENT_SECRET or "cultuur-dev"
OIDC_ENABLED = bool(OIDC_SERVER_URL and OIDC_CLIENT_ID)
OIDC_ROLE_CLAIM = env_str("OIDC_ROLE_CLAIM", "groups")
OIDC_ROLE_MAP = env_list("OIDC_ROLE_MAP") or (
    ["cultuur-adviseurs:advisor", "cultuur-managers:manager", "cultuur-fondsen:funds_coordinator"]
    if OIDC_DEV_PROVIDER
    else []
)
OIDC_MFA_AMR = env_list("OIDC_MFA_AMR", "mfa,otp,hwk,swk")
OIDC_MFA_ACR = env_list("OIDC_MFA_ACR")
# Off: advisors, managers and funds coordinators sign in through the provider only (makers, ICCs
# and a Django admin without a staff role keep their passwords).
STAFF_PASSWORD_LOGIN = env_bool("STAFF_PASSWORD_LOGIN", default=True)
SOCIALACCOUNT_ADAPTER = "cultuur.adapters.SocialAccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
# A staff account that exists already (districts assigned here) is linked by its e-mail address.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "gemeente",
                "name": "Gemeente",
                "client_id": OIDC_CLIENT_ID,
                "secret": OIDC_CLIENT_SECRET,
                # The municipality vouches for its staff's addresses.
                "settings": {"server_url": OIDC_SERVER_URL, "verified_email": True},
            }
        ]
        if OIDC_ENABLED
        else [],
    }
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "cultuur" / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Amsterdam")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Media (maker photos, PDF reports) on S3-compatible object storage when a bucket is named, so that
# several web and worker pods share them; the file system (MEDIA_ROOT) otherwise. Keep the bucket
# private: photos get pre-signed URLs, reports are only ever streamed through the manager's view.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
MEDIA_ORIGINS: list[str] = []  # where the browser may load media from (the CSP img-src below)
if AWS_STORAGE_BUCKET_NAME:
    _s3 = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env_str("AWS_S3_REGION_NAME") or None,
        "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
        "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
        "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
        "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", default=True),
        "querystring_expire": env_int("AWS_QUERYSTRING_EXPIRE", 3600),
        # Path style works with every S3-compatible server (MinIO, Ceph, moto); AWS accepts it too.
        "addressing_style": env_str("AWS_S3_ADDRESSING_STYLE", "path"),
        "default_acl": None,
        "file_overwrite": False,
        "location": env_str("AWS_LOCATION"),
    }
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3}
    # Attachments of e-mail replies (REQUESTS_ATTACHMENT_ROOT otherwise): the same bucket under
    # attachments/, only ever streamed to staff through the request page.
    STORAGES["attachments"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3, "location": "/".join(p for p in (_s3["location"], "attachments") if p)},
    }
    if _s3["custom_domain"]:
        MEDIA_ORIGINS.append(f"https://{_s3['custom_domain']}")
    elif _s3["endpoint_url"]:
        _endpoint = urlsplit(_s3["endpoint_url"])
        MEDIA_ORIGINS.append(f"{_endpoint.scheme}://{_endpoint.netloc}")
        if _s3["addressing_style"] == "virtual":
            MEDIA_ORIGINS.append(f"{_endpoint.scheme}://{AWS_STORAGE_BUCKET_NAME}.{_endpoint.netloc}")
    else:
        MEDIA_ORIGINS.append("https://*.amazonaws.com")

# Cache: rate limits (sign-in, public form) must be shared by all web processes in production.
CACHE_URL = env_str("CACHE_URL")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cultuur"}
}

# E-mail: the console by default; SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = 15
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Cultuur <noreply@cultuur.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: Redis (or any broker URL) when CELERY_BROKER_URL is set; otherwise the embedded
# broker, a SQLite file through kombu's SQLAlchemy transport (see README, "Embedded Celery").
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or f"sqla+sqlite:///{VAR_DIR / 'celery-broker.sqlite3'}"
CELERY_IS_EMBEDDED = not env_str("CELERY_BROKER_URL")
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "celery")
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_RETRY_DELAY = 30
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Longer than the longest task or countdown, so a late-acked task is not delivered twice.
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {} if CELERY_IS_EMBEDDED else {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 6 * 60 * 60)}
)
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
HEARTBEAT_INTERVAL_SECONDS = env_int("HEARTBEAT_INTERVAL_SECONDS", 60)
CELERY_BEAT_SCHEDULE = {
    "worker-heartbeat": {
        "task": "cultuur.tasks.record_heartbeat",
        "schedule": HEARTBEAT_INTERVAL_SECONDS,
    },
}

REST_FRAMEWORK = {
    # Token first: DRF takes the WWW-Authenticate header from the first class, and only with one
    # does a missing or bad credential answer 401 (with the session first it is 403).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # JSON only: no API route uploads a file, and one media type per write keeps generated clients simple.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "cultuur.api_schema.AutoSchema",
    "EXCEPTION_HANDLER": "cultuur.api_exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Cultuur API",
    "DESCRIPTION": "Culture requests, makers, schools, districts and impact. Scoped to the caller's role.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Security. Production values (DEBUG off) pass `manage.py check --deploy`.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
# The age above counts from the last request (inactivity ends a session): cultuur.middleware's
# SessionMiddleware re-saves a session a request read at most every SESSION_REFRESH_SECONDS,
# instead of SESSION_SAVE_EVERY_REQUEST's write on every request.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = 5 * 60
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    # The container's healthcheck asks over plain HTTP from inside; a redirect would fail it.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
_oidc_parts = OIDC_SERVER_URL.split("/")
_oidc_origin = "/".join(_oidc_parts[:3])
# Every script and style is a self-hosted file: no inline script, no third party.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        # The sign-in button posts here and is redirected on to the provider's login page.
        "form-action": ["'self'"] + ([_oidc_origin] if OIDC_ENABLED else []),
        "frame-ancestors": ["'none'"],
    }
}
SILENCED_SYSTEM_CHECKS = env_list("SILENCED_SYSTEM_CHECKS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Domain settings.
CENTRAL_INTAKE_NAME = env_str("CENTRAL_INTAKE_NAME", "Centrale intake")

# Culture requests (issue 3).
REQUESTS_FIRST_CONTACT_WORKING_DAYS = env_int("REQUESTS_FIRST_CONTACT_WORKING_DAYS", 3)
REQUESTS_NUDGE_IDLE_DAYS = env_int("REQUESTS_NUDGE_IDLE_DAYS", 30)
REQUESTS_EVALUATION_AFTER_DAYS = env_int("REQUESTS_EVALUATION_AFTER_DAYS", 14)
REQUESTS_FORM_MIN_SECONDS = env_int("REQUESTS_FORM_MIN_SECONDS", 4)
# Per client address, counted in the default cache. LocMemCache counts per process: a deployment
# with several web processes configures a shared cache (Redis) so the limit holds across them.
REQUESTS_FORM_RATE_LIMIT = env_int("REQUESTS_FORM_RATE_LIMIT", 10)
REQUESTS_FORM_RATE_WINDOW = env_int("REQUESTS_FORM_RATE_WINDOW", 60 * 60)
# The privacy statement: personal data of a closed request is removed twelve months after closing.
REQUESTS_RETENTION_DAYS = env_int("REQUESTS_RETENTION_DAYS", 365)
# How long a claimed e-mail send may take before another worker may take it over (worker lost).
REQUESTS_SEND_LEASE_SECONDS = env_int("REQUESTS_SEND_LEASE_SECONDS", 10 * 60)
# "My questions" (issue 16): how long the one-time link in the e-mail works, and how many links an
# address (client or e-mail) may ask for per REQUESTS_FORM_RATE_WINDOW.
REQUESTS_MY_QUESTIONS_LINK_MINUTES = env_int("REQUESTS_MY_QUESTIONS_LINK_MINUTES", 60)
REQUESTS_MY_QUESTIONS_RATE_LIMIT = env_int("REQUESTS_MY_QUESTIONS_RATE_LIMIT", 5)
# An e-mail still unsent this long after it was recorded (its task was lost: the broker was down when
# it was enqueued, or restarted empty) is enqueued again by the resend run; sending stays exactly-once.
REQUESTS_RESEND_AFTER_SECONDS = env_int("REQUESTS_RESEND_AFTER_SECONDS", 15 * 60)
# Replies by e-mail (issue 16): mail to the asker carries Reply-To vraag+<signed token>@this domain;
# empty leaves Reply-To off. The receiver (manage.py receive_mail) listens on INBOUND_SMTP_PORT;
# `manage.py serve` starts it only when that port is set.
INBOUND_EMAIL_DOMAIN = env_str("INBOUND_EMAIL_DOMAIN")
INBOUND_SMTP_HOST = env_str("INBOUND_SMTP_HOST", "127.0.0.1")
INBOUND_SMTP_PORT = env_int("INBOUND_SMTP_PORT", 0)
INBOUND_EMAIL_MAX_BYTES = env_int("INBOUND_EMAIL_MAX_BYTES", 15 * 1024 * 1024)
INBOUND_ATTACHMENT_MAX_BYTES = env_int("INBOUND_ATTACHMENT_MAX_BYTES", 5 * 1024 * 1024)
INBOUND_ATTACHMENTS_MAX = env_int("INBOUND_ATTACHMENTS_MAX", 5)
REQUESTS_ATTACHMENT_ROOT = Path(env_str("REQUESTS_ATTACHMENT_ROOT") or VAR_DIR / "attachments")
# Waiting on the asker: remind them after this many working days, tell the owner after twice as many.
REQUESTS_WAITING_WORKING_DAYS = env_int("REQUESTS_WAITING_WORKING_DAYS", 5)
# One name for the request status choices in the OpenAPI schema (the model and the status action share them).
SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {})["RequestStatusEnum"] = "requests.workflow.Status"
CELERY_BEAT_SCHEDULE.update(
    {
        "requests-reminders": {"task": "requests.tasks.run_reminders", "schedule": 15 * 60},
        "requests-resend-notifications": {"task": "requests.tasks.resend_notifications", "schedule": 30 * 60},
        "requests-retention": {"task": "requests.tasks.anonymise_expired_requests", "schedule": 24 * 60 * 60},
        "requests-my-questions-links": {
            "task": "requests.tasks.delete_expired_question_links",
            "schedule": 24 * 60 * 60,
        },
        "requests-waiting-sweep": {"task": "requests.tasks.sweep_waiting", "schedule": 60 * 60},
    }
)

# Schools and CMK: the development budget per class group when no amount is set for a school year.
CMK_AMOUNT_PER_CLASS_GROUP_CENTS = env_int("CMK_AMOUNT_PER_CLASS_GROUP_CENTS", 25000)

# Districts: the culture budget per district per year when no amount is recorded (seed 003: EUR 5,000).
DISTRICT_BUDGET_DEFAULT_CENTS = env_int("DISTRICT_BUDGET_DEFAULT_CENTS", 5_000_00)

# Makers directory (issue 4). Fair Practice Code: hourly rates below this are flagged to staff.
MAKERS_FAIR_HOURLY_RATE_CENTS = env_int("MAKERS_FAIR_HOURLY_RATE_CENTS", 50_00)
# A day part (dagdeel) counts as this many hours when its rate is checked against the minimum.
MAKERS_HOURS_PER_DAY_PART = env_int("MAKERS_HOURS_PER_DAY_PART", 4)
MAKERS_PHOTO_MAX_BYTES = env_int("MAKERS_PHOTO_MAX_BYTES", 3 * 1024 * 1024)
# The app serves visible makers' photos under /media/makers/photos/ (README, "Media files"); off
# when a reverse proxy serves them instead.
SERVE_MAKER_PHOTOS = env_bool("SERVE_MAKER_PHOTOS", default=True)
MAKERS_PAGE_SIZE = env_int("MAKERS_PAGE_SIZE", 24)
# The centre's own name, shown as the provider of the courses it gives itself.
MAKERS_CENTRE_NAME = env_str("MAKERS_CENTRE_NAME", "Cultuurcentrum")
# A booking request holds its slot this long; then the sweep lets it expire and frees the slot.
MAKERS_BOOKING_HOLD_HOURS = env_int("MAKERS_BOOKING_HOLD_HOURS", 48)
# Whoever is offered a freed slot from the waiting list has this long to claim it.
MAKERS_WAITLIST_OFFER_HOURS = env_int("MAKERS_WAITLIST_OFFER_HOURS", 24)
MAKERS_CALENDAR_PAGE_SIZE = env_int("MAKERS_CALENDAR_PAGE_SIZE", 25)
CELERY_BEAT_SCHEDULE.update(
    {
        "makers-expire-holds": {"task": "makers.tasks.expire_holds", "schedule": 5 * 60},
        "makers-expire-waitlist-offers": {"task": "makers.tasks.expire_waitlist_offers", "schedule": 5 * 60},
    }
)
# Quality marks (issue 17): makers are reminded 60 and 14 days before a mark expires, once each.
CELERY_BEAT_SCHEDULE["makers-quality-mark-reminders"] = {
    "task": "makers.tasks.run_mark_reminders",
    "schedule": 24 * 60 * 60,
}

# Benchmarks (issue 11): the two floor views and the X-Query-Count header exist only when this is
# on (`make bench` sets it for its own server); never enable it on a public site.
BENCH_FLOORS = env_bool("BENCH_FLOORS", default=False)
if BENCH_FLOORS:
    MIDDLEWARE.insert(0, "cultuur.site.bench_views.QueryCountMiddleware")

# Impact and monitoring (issue 6). Yearly reach targets for a whole municipality (seed 000: about
# 3,000 active participants, 36,000 visitors or passers-by and 15,000 pupils); a period shows its share.
IMPACT_TARGET_PARTICIPANTS = env_int("IMPACT_TARGET_PARTICIPANTS", 3000)
IMPACT_TARGET_VISITORS = env_int("IMPACT_TARGET_VISITORS", 36000)
IMPACT_TARGET_PUPILS = env_int("IMPACT_TARGET_PUPILS", 15000)
# The half-yearly PDCA report: a crontab "minute hour day-of-month month day-of-week", by default
# 06:00 on 1 January and 1 July, each time for the half year that just ended.
IMPACT_REPORT_CRONTAB = env_str("IMPACT_REPORT_CRONTAB", "0 6 1 1,7 *")
_impact_cron = IMPACT_REPORT_CRONTAB.split()
if len(_impact_cron) != 5:
    raise ImproperlyConfigured("IMPACT_REPORT_CRONTAB needs five fields: minute hour day month weekday")
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE.update(
    {
        "impact-half-yearly-reports": {
            "task": "impact.tasks.generate_due_reports",
            "schedule": crontab(
                minute=_impact_cron[0],
                hour=_impact_cron[1],
                day_of_month=_impact_cron[2],
                month_of_year=_impact_cron[3],
                day_of_week=_impact_cron[4],
            ),
        }
    }
)
# At most this many check/act notes go into one report (the newest are cut off beyond it).
IMPACT_REPORT_MAX_NOTES = env_int("IMPACT_REPORT_MAX_NOTES", 200)
# A report still "rendering" after this many minutes is taken to be abandoned and may be claimed again.
IMPACT_REPORT_LEASE_MINUTES = env_int("IMPACT_REPORT_LEASE_MINUTES", 30)
# The dashboard reads pre-computed figures younger than this many minutes; older ones are recomputed
# on view. The periodic task refreshes the default view and the views read lately every 10 minutes.
IMPACT_DASHBOARD_MAX_AGE_MINUTES = env_int("IMPACT_DASHBOARD_MAX_AGE_MINUTES", 15)
CELERY_BEAT_SCHEDULE["impact-dashboard-snapshots"] = {
    "task": "impact.tasks.refresh_dashboard_snapshots",
    "schedule": 10 * 60,
}
# Strategy agreements (seed 003): partners are invited to report progress near the end of each half
# year (1 June, 1 December); their signed link works this many days.
IMPACT_PROGRESS_LINK_DAYS = env_int("IMPACT_PROGRESS_LINK_DAYS", 60)
IMPACT_STRATEGY_PAGE_SIZE = env_int("IMPACT_STRATEGY_PAGE_SIZE", 10)
IMPACT_RISKS_PAGE_SIZE = env_int("IMPACT_RISKS_PAGE_SIZE", 25)
CELERY_BEAT_SCHEDULE["impact-progress-invitations"] = {
    "task": "impact.tasks.send_progress_invitations",
    "schedule": crontab(minute=0, hour=7, day_of_month=1, month_of_year="6,12"),
}
