"""Bench only: Tremplin's WSGI application with one more URL, the floor of bench/uploads.py.

gunicorn serves ``upload_floor:application`` (with ``--pythonpath bench``): the same
settings, middleware and upload handlers as ``tremplin.wsgi``, and the same URLs, plus
``/bench/upload-floor``, a minimal view that takes the uploaded ``cv`` and copies it to a
file. It stands to an upload what ``/healthz`` stands to a page: the cost of getting the
bytes through Django and onto the disk, with nothing of Tremplin's own work. It lives here
rather than in Tremplin's URLs so that no production server ever answers it.
"""

import os
import tempfile

from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tremplin.settings")
# Before the first request, which is when Django first reads it.
settings.ROOT_URLCONF = __name__

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()

from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.urls import URLPattern, URLResolver, path  # noqa: E402
from django.views.decorators.http import require_POST  # noqa: E402

from tremplin.core.crossorigin import cross_origin_protected  # noqa: E402
from tremplin.urls import urlpatterns as site_urlpatterns  # noqa: E402


@require_POST
@cross_origin_protected  # as the application form is
def upload_floor(request: HttpRequest) -> HttpResponse:
    """Copy the uploaded ``cv`` to a file, chunk by chunk, then answer 204."""
    upload = request.FILES["cv"]
    folder = os.path.join(settings.VAR_DIR, "upload-floor")
    os.makedirs(folder, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, delete=False) as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
    return HttpResponse(status=204)


urlpatterns: list[URLPattern | URLResolver] = [
    path("bench/upload-floor", upload_floor),
    *site_urlpatterns,
]
