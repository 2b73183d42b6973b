"""Demo directory for Zaanstad: a few hundred makers, courses and venues, and the co-creations
the CMK plan names (seed 001). Idempotent: rows are found by slug; bulk inserts keep it fast."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from districts.models import District
from makers.demo_bookings import seed_series_and_holds
from makers.demo_data import COCREATIONS, FIRST, LAST, STREETS, VENUES, WORK
from makers.models import (
    CoCreation,
    Course,
    Discipline,
    Language,
    Maker,
    PublicationStatus,
    TargetGroup,
    Venue,
    VenueBooking,
)
from makers.search import refresh_search_vector

MAKER_COUNT = 260


def _districts():
    return list(District.objects.filter(is_central_intake=False).order_by("name"))


def _maker_rows(ctx, disciplines, districts):
    rows = []
    slugs = list(WORK)
    for i in range(MAKER_COUNT):
        discipline_slug = slugs[i % len(slugs)]
        craft, organisations, associations, _courses = WORK[discipline_slug]
        roll = ctx.rng.random()
        if roll < 0.65:
            name = f"{ctx.rng.choice(FIRST)} {ctx.rng.choice(LAST)}"
            kind, description = Maker.Kind.FREELANCER, f"{craft.capitalize()} uit de Zaanstreek."
        elif roll < 0.85 and organisations:
            name, kind = ctx.rng.choice(organisations), Maker.Kind.ORGANISATION
            description = "Organisatie met lessen, workshops en projecten."
        elif associations:
            name, kind = ctx.rng.choice(associations), Maker.Kind.AMATEUR_ASSOCIATION
            description = "Vereniging voor amateurs, nieuwe leden zijn welkom."
        else:
            name, kind = f"{ctx.rng.choice(FIRST)} {ctx.rng.choice(LAST)}", Maker.Kind.FREELANCER
            description = f"{craft.capitalize()} in Zaanstad."
        status_roll = ctx.rng.random()
        status = (
            PublicationStatus.PUBLISHED
            if status_roll < 0.86
            else PublicationStatus.PENDING_REVIEW
            if status_roll < 0.92
            else PublicationStatus.DRAFT
        )
        hourly = ctx.rng.choice([3500, 4500, 5500, 6000, 6500, 7000, 7500, 8500, 9500])
        age_min = ctx.rng.choice([0, 4, 6, 12, 18])
        rows.append(
            {
                "slug": f"{slugify(name)}-{i + 1}",
                "name": name,
                "kind": kind,
                "discipline": discipline_slug,
                "extra_discipline": ctx.rng.choice(slugs) if ctx.rng.random() < 0.3 else None,
                "short_description": description,
                "description": f"{name} werkt als {craft} met kinderen, jongeren en volwassenen. "
                f"{'Ervaring in het primair onderwijs en met cultuureducatie.' if i % 3 == 0 else ''}",
                "whole_municipality": ctx.rng.random() < 0.25,
                "districts": ctx.rng.sample(districts, k=min(len(districts), ctx.rng.randint(1, 3))),
                "age_min": age_min,
                "age_max": ctx.rng.choice([12, 18, 99]) if age_min < 12 else 99,
                "works_in_education": i % 3 == 0,
                "education_experience": "Geeft al jaren lessen op basisscholen in Zaandam."
                if i % 3 == 0
                else "",
                "rate_per_hour_cents": hourly,
                "rate_per_day_part_cents": hourly * 4 - ctx.rng.choice([0, 0, 2000]),
                "status": status,
                "languages": ["nl"]
                + ctx.rng.sample(["en", "tr", "ar", "pl", "pap", "uk"], k=ctx.rng.randint(0, 2)),
                "target_groups": ctx.rng.sample(
                    ["kinderen", "jongeren", "volwassenen", "ouderen", "primair-onderwijs"], k=2
                ),
            }
        )
    return rows


def _bulk_m2m(through, rows):
    through.objects.bulk_create([through(**row) for row in rows], ignore_conflicts=True)


@transaction.atomic
def seed(ctx) -> None:
    districts = _districts()
    if not districts:
        return
    disciplines = {d.slug: d for d in Discipline.objects.all()}
    languages = {lang.code: lang for lang in Language.objects.all()}
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    now = timezone.now()

    # The demo maker account owns one published profile with a course.
    owner = ctx.get_user("maker@cultuur.test")
    own, _ = Maker.objects.update_or_create(
        slug="mo-maker-theater",
        defaults={
            "user": owner,
            "name": "Mo Maker Theater",
            "kind": Maker.Kind.FREELANCER,
            "short_description": "Theatermaker: voorstellingen en lessen op scholen en in de wijk.",
            "description": "Ik maak theater met en voor kinderen en buurtbewoners.",
            "whole_municipality": True,
            "works_in_education": True,
            "education_experience": "Vijf jaar Themascripts op basisscholen.",
            "rate_per_hour_cents": 6500,
            "rate_per_day_part_cents": 24000,
            "status": PublicationStatus.PUBLISHED,
            "published_at": now,
        },
    )
    own.disciplines.add(disciplines["theater"])
    own.languages.add(languages["nl"], languages["en"])

    rows = _maker_rows(ctx, disciplines, districts)
    existing = set(Maker.objects.filter(slug__in=[r["slug"] for r in rows]).values_list("slug", flat=True))
    fields = {
        "name", "kind", "short_description", "description", "whole_municipality", "age_min", "age_max",
        "works_in_education", "education_experience", "rate_per_hour_cents", "rate_per_day_part_cents", "status",
    }  # fmt: skip
    Maker.objects.bulk_create(
        [
            Maker(
                slug=r["slug"],
                published_at=now if r["status"] == PublicationStatus.PUBLISHED else None,
                submitted_at=now if r["status"] == PublicationStatus.PENDING_REVIEW else None,
                **{k: r[k] for k in fields},
            )  # fmt: skip
            for r in rows
            if r["slug"] not in existing
        ]
    )
    makers = {m.slug: m for m in Maker.objects.filter(slug__in=[r["slug"] for r in rows])}
    discipline_links, district_links, language_links, group_links = [], [], [], []
    for r in rows:
        maker = makers[r["slug"]]
        for slug in {r["discipline"], r["extra_discipline"]} - {None}:
            discipline_links.append({"maker_id": maker.pk, "discipline_id": disciplines[slug].pk})
        if not r["whole_municipality"]:
            district_links += [{"maker_id": maker.pk, "district_id": d.pk} for d in r["districts"]]
        language_links += [{"maker_id": maker.pk, "language_id": languages[c].pk} for c in r["languages"]]
        group_links += [{"maker_id": maker.pk, "targetgroup_id": groups[s].pk} for s in r["target_groups"]]
    _bulk_m2m(Maker.disciplines.through, discipline_links)
    _bulk_m2m(Maker.districts.through, district_links)
    _bulk_m2m(Maker.languages.through, language_links)
    _bulk_m2m(Maker.target_groups.through, group_links)

    venues = _seed_venues(ctx, districts)
    _seed_courses(ctx, rows, makers, disciplines, venues, own)
    _seed_bookings(ctx, venues)
    seed_series_and_holds(ctx, venues)
    _seed_cocreations(rows, makers, disciplines)

    for model in (Maker, Course, Venue, CoCreation):
        refresh_search_vector(model, model.objects.values_list("pk", flat=True))


def _seed_venues(ctx, districts):
    wanted = []
    for i in range(64):
        district = districts[i % len(districts)]
        label, kind = VENUES[i % len(VENUES)]
        name = f"{label} {district.name}" if i < len(districts) * 2 else f"{label} {i + 1} {district.name}"
        wanted.append(
            Venue(
                slug=slugify(f"{name}-{i + 1}"),
                name=name,
                kind=kind,
                description=f"{label} in {district.name}, per uur te huur voor lessen, repetities en bijeenkomsten.",
                street=f"{ctx.rng.choice(STREETS)} {ctx.rng.randint(1, 240)}",
                postcode=f"15{ctx.rng.randint(0, 6)}{ctx.rng.randint(1, 9)} {ctx.rng.choice(['AB', 'CD', 'KL', 'PR', 'XT'])}",
                city="Zaandam"
                if district.name.startswith("Zaandam")
                else district.name.replace("Koog-Zaandijk", "Zaandijk"),
                district=district,
                capacity=ctx.rng.choice([12, 20, 30, 60, 120, 250]),
                has_sound=kind in ("hall", "stage", "studio") or ctx.rng.random() < 0.3,
                has_light=kind in ("hall", "stage"),
                has_instruments=kind == "studio" and ctx.rng.random() < 0.7,
                has_tools=kind == "maker_space",
                step_free=ctx.rng.random() < 0.7,
                hourly_rate_cents=ctx.rng.choice([1500, 2000, 2500, 3500, 5000, 7500]),
                is_published=i % 10 != 9,
            )
        )
    existing = set(Venue.objects.filter(slug__in=[v.slug for v in wanted]).values_list("slug", flat=True))
    Venue.objects.bulk_create([v for v in wanted if v.slug not in existing])
    return list(Venue.objects.filter(slug__in=[v.slug for v in wanted]).order_by("pk"))


def _seed_courses(ctx, rows, makers, disciplines, venues, own):
    published_venues = [v for v in venues if v.is_published]
    wanted = []
    today = timezone.localdate()
    for i, r in enumerate(rows[:200]):
        titles = WORK[r["discipline"]][3]
        title = titles[i % len(titles)]
        maker = makers[r["slug"]] if i % 8 else None  # every eighth course is the centre's own
        capacity = ctx.rng.choice([6, 8, 10, 12, 15, 20])
        price = ctx.rng.choice([0, 2500, 4500, 7500, 9500, 12500, 18000])
        first = today + datetime.timedelta(days=ctx.rng.randint(-20, 60))
        sessions = ctx.rng.choice([1, 4, 6, 8, 10])
        start = datetime.time(ctx.rng.choice([10, 14, 16, 19]), 0)
        wanted.append(
            Course(
                slug=slugify(f"{title}-{i + 1}"),
                title=title,
                description=f"{title}: {sessions} bijeenkomsten, met plezier en zonder ervaring.",
                maker=maker,
                discipline=disciplines[r["discipline"]],
                age_min=r["age_min"],
                age_max=r["age_max"],
                level=ctx.rng.choice(["all", "beginner", "intermediate"]),
                first_date=first,
                last_date=first + datetime.timedelta(weeks=max(sessions - 1, 0)),
                weekday=first.weekday(),
                start_time=start,
                end_time=datetime.time(start.hour + 1, 30),
                sessions=sessions,
                venue=ctx.rng.choice(published_venues),
                price_cents=price,
                reduced_price_cents=price // 4 if price else None,
                capacity=capacity,
                places_left=ctx.rng.randint(0, capacity),
                how_to_register="Meld je aan via de website of bel het cultuurcentrum.",
                status=PublicationStatus.PUBLISHED
                if ctx.rng.random() < 0.9
                else PublicationStatus.PENDING_REVIEW,
            )
        )
    wanted.append(
        Course(
            slug="themascript-op-school",
            title="Themascript op school",
            description="Zes lessen toneel in de klas, met een voorstelling aan het eind.",
            maker=own,
            discipline=disciplines["theater"],
            age_min=8,
            age_max=12,
            sessions=6,
            price_cents=45000,
            capacity=30,
            places_left=30,
            status=PublicationStatus.PUBLISHED,
        )
    )
    existing = set(Course.objects.filter(slug__in=[c.slug for c in wanted]).values_list("slug", flat=True))
    Course.objects.bulk_create([c for c in wanted if c.slug not in existing])


def _seed_bookings(ctx, venues):
    if VenueBooking.objects.exists():
        return
    today = timezone.localdate()
    bookings = []
    for venue in [v for v in venues if v.is_published][:20]:
        for day in range(0, 21, 3):
            hour = ctx.rng.choice([9, 13, 19])
            bookings.append(
                VenueBooking(
                    venue=venue,
                    date=today + datetime.timedelta(days=day),
                    start_time=datetime.time(hour),
                    end_time=datetime.time(hour + 2),
                    purpose=ctx.rng.choice(
                        ["Repetitie buurtkoor", "Workshop schilderen", "Vergadering bewonersgroep"]
                    ),
                    contact_name=f"{ctx.rng.choice(FIRST)} {ctx.rng.choice(LAST)}",
                    contact_email="aanvrager@example.org",
                    status=VenueBooking.Status.CONFIRMED if day % 2 == 0 else VenueBooking.Status.REQUESTED,
                )
            )
    VenueBooking.objects.bulk_create(bookings)


def _seed_cocreations(rows, makers, disciplines):
    published = [makers[r["slug"]] for r in rows if r["status"] == PublicationStatus.PUBLISHED]
    for i, (title, slugs, description, material) in enumerate(COCREATIONS):
        cocreation, created = CoCreation.objects.update_or_create(
            slug=slugify(title),
            defaults={
                "title": title,
                "description": description,
                "reusable_material": material,
                # Schools are linked by the schools app; its demo confirms at least two per co-creation.
                "status": CoCreation.Status.COMPLETED if i < 5 else CoCreation.Status.ACTIVE,
            },
        )
        cocreation.disciplines.set([disciplines[s] for s in slugs])
        if created or cocreation.makers.count() < CoCreation.MIN_MAKERS:
            in_discipline = [
                m for m in published if any(r["slug"] == m.slug and r["discipline"] in slugs for r in rows)
            ]
            chosen = (
                in_discipline[:3]
                if len(in_discipline) >= CoCreation.MIN_MAKERS
                else published[i * 3 : i * 3 + 3]
            )
            cocreation.makers.set(chosen)
