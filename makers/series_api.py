"""The booking-series API: list, read, book (all or nothing) and cancel, scoped like the pages.

A staff role reads every series; anyone else the series they booked and those of venues they offer.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from makers import booking as booking_services
from makers import booking_selectors, selectors
from makers.models import BookingSeries
from makers.services import DirectoryError


class BookingSeriesSerializer(serializers.ModelSerializer):
    venue = serializers.SlugRelatedField(slug_field="slug", queryset=selectors.published_venues())
    dates = serializers.SerializerMethodField()
    occurrence_count = serializers.IntegerField(read_only=True)
    live_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = BookingSeries
        fields = [
            "token",
            "venue",
            "weekday",
            "start_time",
            "end_time",
            "interval_weeks",
            "first_date",
            "last_date",
            "count",
            "purpose",
            "contact_name",
            "contact_email",
            "contact_phone",
            "dates",
            "occurrence_count",
            "live_count",
            "cancelled_at",
            "created_at",
        ]
        read_only_fields = ["token", "cancelled_at", "created_at"]

    def get_dates(self, obj) -> list[str]:
        return [day.isoformat() for day in obj.dates()]


class BookingSeriesViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    serializer_class = BookingSeriesSerializer
    lookup_field = "token"

    def get_queryset(self):
        return booking_selectors.series_visible_to(self.request.user).order_by("-created_at", "-pk")

    def perform_create(self, serializer):
        series = BookingSeries(**serializer.validated_data)
        try:
            booked = booking_services.series_book(series=series, by=self.request.user)
        except booking_services.SeriesConflict as error:
            raise ValidationError(
                {"detail": str(error), "clashes": [day.isoformat() for day in error.dates]}
            ) from error
        except DirectoryError as error:
            raise ValidationError({"detail": str(error)}) from error
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from error
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        serializer.instance = self.get_queryset().get(pk=booked.pk)

    @extend_schema(request=None, responses={200: BookingSeriesSerializer})
    @action(detail=True, methods=["post"])
    def cancel(self, request, token=None):
        series = self.get_object()
        if series.requested_by_id != request.user.pk and not selectors.is_directory_editor(request.user):
            raise PermissionDenied("Alleen wie de reeks boekte of een medewerker kan hem annuleren.")
        try:
            booking_services.series_cancel(series=series, by=request.user)
        except DirectoryError as error:
            raise ValidationError({"detail": str(error)}) from error
        return Response(
            self.get_serializer(self.get_queryset().get(pk=series.pk)).data, status=status.HTTP_200_OK
        )
