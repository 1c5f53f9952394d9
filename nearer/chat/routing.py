from django.urls import re_path

from nearer.chat.consumers import ChatConsumer

# Any last segment reaches the consumer, which closes unknown ones with 4404 (a path no route
# matches would be an error in the server instead of a clear close).
websocket_urlpatterns = [
    re_path(r"^ws/chat/(?P<conversation>[^/]{1,64})/$", ChatConsumer.as_asgi()),
]
