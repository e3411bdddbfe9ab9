"""Placeholder views; the careers site replaces them."""

from django.http import HttpRequest, HttpResponse


def board(request: HttpRequest) -> HttpResponse:
    return HttpResponse("board")


def organization(request: HttpRequest, org: str) -> HttpResponse:
    return HttpResponse(org)


def vacancy(request: HttpRequest, org: str, vacancy: str) -> HttpResponse:
    return HttpResponse(vacancy)
