from django.urls import path

from makers.views import bookings, directory, marks, photos, review, selfservice

app_name = "makers"
urlpatterns = [
    path("makers/", directory.maker_list, name="maker_list"),
    # Under MEDIA_URL (/media/), before the DEBUG-only static route in cultuur/urls.py.
    path("media/makers/photos/<path:path>", photos.photo, name="photo"),
    path("makers/mijn-profiel/", selfservice.my_profile, name="my_profile"),
    path("makers/nieuw/", selfservice.maker_create, name="maker_create"),
    path("makers/beoordelen/", review.review_queue, name="review_queue"),
    path("makers/uitnodigen/", review.maker_invite, name="maker_invite"),
    path("makers/keurmerken/", marks.mark_queue, name="mark_queue"),
    path("makers/keurmerken/<int:pk>/bewerken/", marks.mark_edit, name="mark_edit"),
    path("makers/keurmerken/<int:pk>/verwijderen/", marks.mark_delete, name="mark_delete"),
    path("makers/keurmerken/<int:pk>/controleren/", marks.mark_verify, name="mark_verify"),
    path("makers/<slug:slug>/", directory.maker_detail, name="maker_detail"),
    path("makers/<slug:slug>/bewerken/", selfservice.maker_edit, name="maker_edit"),
    path("makers/<slug:slug>/keurmerken/", marks.maker_marks, name="maker_marks"),
    path("makers/<slug:slug>/indienen/", selfservice.maker_submit, name="maker_submit"),
    path("makers/<slug:slug>/archiveren/", selfservice.maker_archive, name="maker_archive"),
    path("makers/<slug:slug>/beoordeling/", review.maker_review, name="maker_review"),
    path("makers/<slug:slug>/cursus-toevoegen/", selfservice.course_create, name="course_create"),
    path("cursussen/", directory.course_list, name="course_list"),
    path("cursussen/<slug:slug>/", directory.course_detail, name="course_detail"),
    path("cursussen/<slug:slug>/bewerken/", selfservice.course_edit, name="course_edit"),
    path("cursussen/<slug:slug>/indienen/", selfservice.course_submit, name="course_submit"),
    path("cursussen/<slug:slug>/beoordeling/", review.course_review, name="course_review"),
    path("locaties/", directory.venue_list, name="venue_list"),
    path("locaties/<slug:slug>/", directory.venue_detail, name="venue_detail"),
    path("locaties/<slug:slug>/boeken/", bookings.booking_request, name="booking_request"),
    path("boekingen/<uuid:token>/", bookings.booking_status, name="booking_status"),
    path("boekingen/<uuid:token>/bevestigen/", review.booking_confirm, name="booking_confirm"),
    path("boekingen/<uuid:token>/afwijzen/", review.booking_decline, name="booking_decline"),
    path("co-creaties/", directory.cocreation_list, name="cocreation_list"),
    path("co-creaties/<slug:slug>/", directory.cocreation_detail, name="cocreation_detail"),
]
