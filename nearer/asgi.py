"""The ASGI application uvicorn serves.

- **Pages** (HTTP) go to Django's WSGI handler, run by a2wsgi on a fixed pool of threads.
  Django's ASGI handler would give every request a thread of its own, so each one opened a
  new database connection and crossed between threads several times; on this project's
  bench that fixed cost was about two thirds of a bare page (9.5 of 14.5 ms on Today). A pool
  keeps each thread's connection between requests (``CONN_MAX_AGE``), and no page here needs
  to be async.
- **WebSockets** (Neighbor Chat) pass an Origin check, then the session login, then the chat
  routes, in Channels.
"""

import os
from urllib.parse import urlsplit

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nearer.settings")

django_application = get_wsgi_application()  # sets Django up before the imports below

from a2wsgi import WSGIMiddleware  # noqa: E402
from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import OriginValidator  # noqa: E402
from django.conf import settings  # noqa: E402

from nearer.chat.routing import websocket_urlpatterns  # noqa: E402
from nearer.safety import model as safety_model  # noqa: E402

# The safety reader's model trains in the background now, not on a member's first message.
safety_model.warm_up()


class SiteOriginValidator(OriginValidator):
    """Only pages served by this site may open a socket: the Origin must be one of
    ALLOWED_HOSTS or SITE_URL (read on each connection, so tests may change them)."""

    def __init__(self, application):
        super().__init__(application, [])

    def valid_origin(self, parsed_origin):
        site = urlsplit(settings.SITE_URL)
        self.allowed_origins = [
            *[host for host in settings.ALLOWED_HOSTS if host != "*"],
            f"{site.scheme}://{site.netloc}",
        ]
        return super().valid_origin(parsed_origin)


application = ProtocolTypeRouter(
    {
        "http": WSGIMiddleware(django_application, workers=settings.HTTP_THREADS),
        "websocket": SiteOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
