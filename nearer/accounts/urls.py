from django.urls import path

from nearer.accounts import views

urlpatterns = [
    path("partner/", views.partner, name="partner"),
    path("partner/invite/", views.invite, name="partner_invite"),
    path("partner/invitations/<int:pk>/withdraw/", views.withdraw, name="partner_withdraw"),
    path("partner/join/", views.join_by_code, name="partner_join_code"),
    path("partner/join/<str:token>/", views.join, name="partner_join"),
    path("partner/unlink/", views.unlink, name="partner_unlink"),
    path("account/", views.settings_page, name="account_settings"),
    path("account/delete/", views.delete_account, name="account_delete"),
]
