from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers and uptime checks: the process answers. Touches no database."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
