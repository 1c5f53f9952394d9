from django.urls import path

from nearer.goals import views

urlpatterns = [
    path("goals/", views.goal_list, name="goal_list"),
    path("goals/new/", views.goal_new, name="goal_new"),
    path("goals/<int:pk>/", views.goal_detail, name="goal_detail"),
    path("goals/<int:pk>/edit/", views.goal_edit, name="goal_edit"),
    path("goals/<int:pk>/noticed/", views.goal_noticed, name="goal_noticed"),
    path("goals/<int:pk>/renew/", views.goal_renew, name="goal_renew"),
    path("goals/<int:pk>/complete/", views.goal_complete, name="goal_complete"),
    path("goals/<int:pk>/put-away/", views.goal_put_away, name="goal_put_away"),
    path("goals/<int:pk>/delete/", views.goal_delete, name="goal_delete"),
]
