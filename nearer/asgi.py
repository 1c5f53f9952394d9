"""The ASGI application: ordinary requests go to Django; WebSockets (Neighbor Chat) pass an
Origin check, then the session login, then the chat routes."""

import os
from urllib.parse import urlsplit

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nearer.settings")

django_application = get_asgi_application()  # sets Django up before the imports below

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import OriginValidator  # noqa: E402
from django.conf import settings  # noqa: E402

from nearer.chat.routing import websocket_urlpatterns  # noqa: E402


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
        "http": django_application,
        "websocket": SiteOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
