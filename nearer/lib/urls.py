"""Reversing URL names, remembered.

A URL name with the same arguments, under the same script prefix and URLconf, always gives
the same path, yet Django works it out afresh each time (about 35 µs for a ``{% url %}``).
Every page reverses the same few dozen names on every visit: the navigation alone has eleven,
a community thread a few per reply. ``reverse`` here keeps recent answers, and the ``url``
template tag below (a builtin, see ``TEMPLATES`` in settings) uses it, so templates need no
change.

Only plain arguments are remembered (text, whole numbers, UUIDs, which always print the same):
anything else is reversed afresh, since its text may change while it stays equal to itself.
"""

import functools
import uuid

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import Library, defaulttags
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse
from django.utils.html import conditional_escape

PLAIN = (str, int, uuid.UUID)  # with subclasses: a template's 'literal' is a SafeString
KEEP = 4096

register = Library()


@functools.lru_cache(maxsize=KEEP)
def _kept(
    view_name: str, args: tuple, kwargs: tuple, current_app: str | None, prefix: str, urlconf
) -> str:
    del prefix  # part of the key: django_reverse reads it itself
    return django_reverse(
        view_name, urlconf=urlconf, args=args, kwargs=dict(kwargs), current_app=current_app
    )


def reverse(
    view_name: str,
    args: tuple | list = (),
    kwargs: dict | None = None,
    current_app: str | None = None,
) -> str:
    """``django.urls.reverse``, remembering the answer when every argument is plain."""
    kwargs = kwargs or {}
    values = (*args, *kwargs.values())
    if not isinstance(view_name, str) or not all(isinstance(v, PLAIN) for v in values):
        return django_reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _kept(
        view_name, tuple(args), tuple(kwargs.items()), current_app, get_script_prefix(), urlconf
    )


@receiver(setting_changed)
def _forget(*, setting: str, **_) -> None:
    """Tests that swap URLconfs or the script prefix start with nothing remembered."""
    if setting in {"ROOT_URLCONF", "FORCE_SCRIPT_NAME"}:
        _kept.cache_clear()


class KeptURLNode(defaulttags.URLNode):
    """Django's ``{% url %}``, reversing through ``reverse`` above."""

    def render(self, context) -> str:
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {key: value.resolve(context) for key, value in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        request = getattr(context, "request", None)
        if hasattr(request, "current_app"):
            current_app = request.current_app
        else:
            current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
        try:
            url = reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
            url = ""
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token) -> KeptURLNode:
    node = defaulttags.url(parser, token)
    return KeptURLNode(node.view_name, node.args, node.kwargs, node.asvar)
