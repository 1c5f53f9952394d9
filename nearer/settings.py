"""Nearer's one settings file, driven by environment variables.

Every variable is documented in the README's configuration table (a test checks it).
Defaults are the embedded ones: SQLite, console email, in-process everything.
"""

import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from nearer.lib.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("NEARER_DATA_DIR", str(BASE_DIR / "var")))
TESTING = "pytest" in sys.modules

DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    key = env_str("SECRET_KEY")
    if key:
        return key
    key_file = Path(env_str("SECRET_KEY_FILE", str(DATA_DIR / "secret_key")))
    if key_file.exists():
        return key_file.read_text().strip()
    if DEBUG or TESTING:
        return "insecure-key-for-development-and-tests-only-" + "x" * 20
    raise ImproperlyConfigured(
        f"Nearer needs a secret key: set SECRET_KEY, or run `make run` once to create {key_file}."
    )


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = [SITE_URL]
# A form that fails its CSRF check gets the site's 403 page, quick exit and all.
CSRF_FAILURE_VIEW = "nearer.views.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "allauth",
    "allauth.account",
    "django_tasks",
    "django_tasks_db",
    "nearer.accounts",
    "nearer.program",
    "nearer.safety",
    "nearer.goals",
    "nearer.today",
    "nearer.reminders",
    "nearer.exports",
    "nearer.practices",
    "nearer.conversations",
    "nearer.journal",
    "nearer.coach",
    "nearer.coaching",
    "nearer.chat",
    "nearer.community",
    "nearer.support",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "nearer.urls"
WSGI_APPLICATION = "nearer.wsgi.application"
ASGI_APPLICATION = "nearer.asgi.application"
# Threads per server process that run Django for pages (nearer/asgi.py). Python runs one at a
# time, so more threads help only while requests wait (a database lock, sending an email), and
# cost CPU when they don't: on the bench, 8 threads spent 3.0 ms on a bare page, 2 spent 1.8.
HTTP_THREADS = env_int("NEARER_HTTP_THREADS", 2)

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nearer.lib.context.site",
            ],
            # {% url %} remembers what it reversed (nearer/lib/urls.py).
            "builtins": ["nearer.lib.urls"],
        },
    },
]

# Database: SQLite by default (WAL, busy timeout, immediate transactions); PostgreSQL or any
# engine dj-database-url knows when DATABASE_URL is set.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "nearer.sqlite3",
            # Each server thread keeps its connection (the pragmas run once, not per request).
            "CONN_MAX_AGE": 600,
            "OPTIONS": {
                "timeout": 5,
                "transaction_mode": "IMMEDIATE",
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=5000;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: holds login rate-limit counters, so it must be shared by every server process.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "nearer_cache",
        }
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60  # one hour
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# django-allauth: email as the login, verification required, no account enumeration.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "nearer.accounts.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Nearer: "
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "3/m/key",
    "change_password": "5/m/user",
}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if env_bool("HTTPS", False) else "http"

# Background work (reminder emails): Django tasks stored in the database, run by
# `manage.py db_worker` (scripts/serve starts one beside the web server).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Email: printed to the console unless an SMTP host is set.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 10  # seconds: a stuck SMTP server must not hold a page's thread for ever
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Nearer <nearer@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. HTTPS=1 behind TLS turns on secure cookies, HSTS and the redirect.
HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = TESTING
# In tests, find each file when asked instead of listing them all for every new test client.
WHITENOISE_AUTOREFRESH = TESTING

# Nearer's own settings.
NEARER_DEFAULT_COUNTRY = env_str("NEARER_DEFAULT_COUNTRY", "US").upper()
NEARER_QUICK_EXIT_URL = env_str("NEARER_QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")
NEARER_INVITATION_DAYS = env_int("NEARER_INVITATION_DAYS", 7)
# The journal's encryption keys (nearer/lib/crypto.py): the first encrypts, all decrypt.
NEARER_JOURNAL_KEY = env_list("NEARER_JOURNAL_KEY")
NEARER_JOURNAL_KEY_FILE = env_str("NEARER_JOURNAL_KEY_FILE", str(DATA_DIR / "journal_key"))
# The SMART coach's optional language model: an OpenAI-compatible API, off unless a URL is set.
NEARER_COACH_LLM_URL = env_str("NEARER_COACH_LLM_URL")
NEARER_COACH_LLM_MODEL = env_str("NEARER_COACH_LLM_MODEL", "llama3.2")
NEARER_COACH_LLM_TIMEOUT = float(env_str("NEARER_COACH_LLM_TIMEOUT", "3"))

# --- Neighbor Chat (nearer/chat) ------------------------------------------------------------
# The channel layer carries chat messages between server processes. In memory by default
# (one process, `make run`); Redis when REDIS_URL is set, so several processes reach each
# other. Messages are saved in the database before they are delivered, so the layer only
# carries news of them.
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            # Pub/sub: one Redis publish per event, no polling. It may drop an event (a
            # reconnect), which is safe here: the database is the record, a socket fills any
            # gap in the numbers it has seen, and pages resume from their last number. The
            # list-based RedisChannelLayer collapsed at ~250 messages/s (p99 17.8 s at 2
            # workers, against 99 ms with pub/sub: BENCHMARKS.md).
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            # redis-py 8 times socket reads out after 5 s by default (channels_redis#422).
            "CONFIG": {"hosts": [{"address": REDIS_URL, "socket_timeout": 15}]},
        }
    }
else:
    # Channels' InMemoryChannelLayer, with its expiry sweep run once a second rather than on
    # every message (nearer/chat/layers.py).
    CHANNEL_LAYERS = {"default": {"BACKEND": "nearer.chat.layers.InMemoryChannelLayer"}}
# Chat's per-person rate-limit counters: in the shared cache (Redis) when REDIS_URL is set;
# otherwise in memory, because without Redis chat runs in one process (the in-memory layer
# reaches only its own), and the database cache would add two writes to every message.
CACHES["chat"] = (
    CACHES["default"]
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "nearer-chat",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
)
# Ended conversations (and their transcripts) are deleted this many days after they end, by
# `manage.py purge_chat_history`.
NEARER_CHAT_RETENTION_DAYS = env_int("NEARER_CHAT_RETENTION_DAYS", 30)
# How many chats a listener may hold at once, unless an operator sets their own number.
NEARER_CHAT_MAX_PER_LISTENER = env_int("NEARER_CHAT_MAX_PER_LISTENER", 3)
# Each person may send this many messages in any window of this many seconds (all their
# chats together; counted in the cache, so shared by every process when REDIS_URL is set).
NEARER_CHAT_RATE_MESSAGES = env_int("NEARER_CHAT_RATE_MESSAGES", 20)
NEARER_CHAT_RATE_SECONDS = env_int("NEARER_CHAT_RATE_SECONDS", 10)
# The longest message, in bytes of UTF-8 (4 KB).
NEARER_CHAT_MESSAGE_BYTES = 4096
# --- end of Neighbor Chat --------------------------------------------------------------------

# Community Group: a new member's first posts and replies wait for a moderator, and everyone's
# writing is limited per hour (new members more tightly).
NEARER_COMMUNITY_REVIEW_FIRST = env_int("NEARER_COMMUNITY_REVIEW_FIRST", 2)
NEARER_COMMUNITY_HOURLY = env_int("NEARER_COMMUNITY_HOURLY", 12)
NEARER_COMMUNITY_NEW_MEMBER_HOURLY = env_int("NEARER_COMMUNITY_NEW_MEMBER_HOURLY", 3)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
