"""Maker photos with DEBUG off (issue 20): the app serves them itself, so a plain `docker compose up`
shows them without a proxy. Only a photo of a profile the viewer may see is served (published, or
the maker's own, or staff); other media (the PDF reports) is never served from here."""

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_GET
from django.views.static import serve

from makers import selectors

PHOTO_PREFIX = "makers/photos/"


@require_GET
def photo(request, path):
    if not settings.SERVE_MAKER_PHOTOS:
        raise Http404
    name = PHOTO_PREFIX + path
    if not selectors.makers_visible_to(request.user).filter(photo=name).exists():
        raise Http404
    response = serve(request, name, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=3600"
    return response
