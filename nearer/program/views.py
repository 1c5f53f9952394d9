from django.http import HttpRequest, HttpResponse


def program(request: HttpRequest) -> HttpResponse:
    return HttpResponse("program")
