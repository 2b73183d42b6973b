"""schema.org descriptions of directory records, for search engines and other sites."""

from django.conf import settings

from makers.models import Course, Maker, Venue


def _url(obj) -> str:
    return settings.SITE_URL + obj.get_absolute_url()


def _price(cents: int) -> str:
    return f"{cents / 100:.2f}"


def maker_jsonld(maker: Maker) -> dict:
    kind = "Person" if maker.kind == Maker.Kind.FREELANCER else "Organization"
    data = {
        "@context": "https://schema.org",
        "@type": kind,
        "name": maker.name,
        "description": maker.short_description,
        "url": _url(maker),
        "knowsAbout": [d.label for d in maker.disciplines.all()],
        "areaServed": [d.name for d in maker.districts.all()],
    }
    if maker.website:
        data["sameAs"] = [maker.website]
    if maker.photo:
        url = maker.photo.url
        # Object storage gives an absolute URL; the file system a path below SITE_URL.
        data["image"] = url if url.startswith(("http://", "https://")) else settings.SITE_URL + url
    if maker.contact_preference == Maker.ContactPreference.EMAIL and maker.contact_email:
        data["email"] = maker.contact_email
    if kind == "Person":
        data["knowsLanguage"] = [lang.code for lang in maker.languages.all()]
    return data


def course_jsonld(course: Course) -> dict:
    provider = (
        {"@type": "Organization", "name": course.maker.name, "url": _url(course.maker)}
        if course.maker
        else {"@type": "Organization", "name": getattr(settings, "MAKERS_CENTRE_NAME", "Cultuurcentrum")}
    )
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": course.title,
        "description": course.description,
        "url": _url(course),
        "provider": provider,
        "educationalLevel": course.get_level_display(),
        "typicalAgeRange": f"{course.age_min}-{course.age_max}",
        "offers": {
            "@type": "Offer",
            "price": _price(course.price_cents),
            "priceCurrency": "EUR",
            "category": "Paid",
        },
    }
    instance = {"@type": "CourseInstance", "courseMode": "onsite"}
    if course.first_date:
        instance["startDate"] = course.first_date.isoformat()
    if course.last_date:
        instance["endDate"] = course.last_date.isoformat()
    if course.venue:
        instance["location"] = venue_jsonld(course.venue, nested=True)
    data["hasCourseInstance"] = instance
    return data


def venue_jsonld(venue: Venue, *, nested: bool = False) -> dict:
    data = {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.street,
            "postalCode": venue.postcode,
            "addressLocality": venue.city,
            "addressCountry": "NL",
        },
        "maximumAttendeeCapacity": venue.capacity,
        "url": _url(venue),
    }
    if not nested:
        data["@context"] = "https://schema.org"
        data["description"] = venue.description
        data["amenityFeature"] = [
            {"@type": "LocationFeatureSpecification", "name": name, "value": True}
            for name in venue.facilities
        ]
    return data
