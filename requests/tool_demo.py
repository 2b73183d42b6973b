"""Demo data for the issue-16 tools: B1 standard texts in Dutch and English, saved board views for
every advisor (one shared with the team), and a few duplicates merged into their primary.

Called from requests.demo.seed after the requests exist; idempotent like the rest of the demo.
"""

from django.db.models import Count

from districts.models import DistrictTeamMember
from requests.advisor_models import RequestMerge, SavedView, StandardText
from requests.models import CultureRequest, RequestEvent
from requests.workflow import ACTION_MERGED, ACTION_MERGED_INTO, ACTION_STATUS, OPEN_STATUSES, Status

# (title, status, kind, language, body): short sentences, one message per sentence, "u" and "we".
TEXTS = [
    (
        "Eerste contact",
        Status.NEW,
        "",
        "nl",
        "Beste {voornaam},\n\nDank u wel voor uw vraag ({referentie}). Ik ben {adviseur}, cultuuradviseur in {wijk}. "
        "Ik wil graag even met u praten over uw vraag. Dan weet ik beter wat u zoekt.\n\n"
        "Wanneer kan ik u bellen? U kunt ook reageren op dit bericht.\n\nMet vriendelijke groet,\n{adviseur}",
    ),
    (
        "First contact",
        Status.NEW,
        "",
        "en",
        "Dear {voornaam},\n\nThank you for your question ({referentie}). I am {adviseur}, culture advisor in {wijk}. "
        "I would like to talk with you about your question. Then I know better what you are looking for.\n\n"
        "When can I call you? You can also reply to this message.\n\nKind regards,\n{adviseur}",
    ),
    (
        "We zoeken iets dat past",
        Status.MATCHING,
        "",
        "nl",
        "Beste {voornaam},\n\nWe zoeken nu een maker, cursus of plek die past bij uw vraag. "
        "Dat kan een paar weken duren. Als we iets hebben gevonden, hoort u het van mij.\n\n"
        "Met vriendelijke groet,\n{adviseur}",
    ),
    (
        "We are looking for a match",
        Status.MATCHING,
        "",
        "en",
        "Dear {voornaam},\n\nWe are now looking for a maker, course or place that fits your question. "
        "This can take a few weeks. When we have found something, I will let you know.\n\n"
        "Kind regards,\n{adviseur}",
    ),
    (
        "Gevonden: zo gaat het verder",
        Status.MATCHED,
        "",
        "nl",
        "Beste {voornaam},\n\nGoed nieuws: we hebben iets gevonden dat past bij uw vraag {referentie}. "
        "De maker neemt binnenkort contact met u op. Samen maakt u een afspraak.\n\n"
        "Heeft u nog vragen? Reageer dan op dit bericht.\n\nMet vriendelijke groet,\n{adviseur}",
    ),
    (
        "Found: what happens next",
        Status.MATCHED,
        "",
        "en",
        "Dear {voornaam},\n\nGood news: we found something that fits your question {referentie}. "
        "The maker will contact you soon. Together you make an appointment.\n\n"
        "Any questions? Just reply to this message.\n\nKind regards,\n{adviseur}",
    ),
    (
        "School: plannen van een gesprek",
        Status.IN_CONVERSATION,
        "school",
        "nl",
        "Beste {voornaam},\n\nFijn dat uw school iets wil doen met cultuur. Ik kom graag langs op school "
        "om uw plannen te bespreken. Wilt u twee momenten noemen die u passen?\n\n"
        "Met vriendelijke groet,\n{adviseur}\nCultuuradviseur {wijk}",
    ),
    (
        "Nog even geen reactie",
        "",
        "",
        "nl",
        "Beste {voornaam},\n\nIk heb een tijdje niets van u gehoord over uw vraag {referentie}. "
        "Wilt u nog verder met uw vraag? Laat het mij weten. Dan kijken we samen naar de volgende stap.\n\n"
        "Met vriendelijke groet,\n{adviseur}",
    ),
    (
        "Afgerond: wat vond u ervan?",
        Status.COMPLETED,
        "",
        "nl",
        "Beste {voornaam},\n\nUw vraag is afgerond. We horen graag wat u ervan vond. "
        "U krijgt een korte vragenlijst van ons. Het invullen duurt twee minuten.\n\n"
        "Dank u wel!\n{adviseur}",
    ),
]

MERGES_PER_DISTRICT = 1


def _texts() -> int:
    if StandardText.objects.exists():
        return 0
    StandardText.objects.bulk_create(
        StandardText(title=title, status=status, requester_kind=kind, language=language, body=body)
        for title, status, kind, language, body in TEXTS
    )
    return len(TEXTS)


def _views() -> int:
    made = 0
    for member in DistrictTeamMember.objects.select_related("user", "district").order_by("pk"):
        user, district = member.user, member.district
        if SavedView.objects.filter(owner=user).exists():
            continue
        SavedView.objects.create(
            owner=user, name="Nog geen contact", query="no_contact=true", is_default=True
        )
        SavedView.objects.create(
            owner=user,
            name=f"Te laat in {district.name}"[:80],
            query=f"district={district.pk}&overdue=true",
            shared_with=district,
        )
        SavedView.objects.create(owner=user, name="Mijn vragen", query=f"owner={user.pk}")
        made += 3
    return made


def _merges() -> int:
    """In each district, one open question asked twice is folded into the older one, as an advisor would."""
    if RequestMerge.objects.exists():
        return 0
    advisors = {
        m.district_id: m.user for m in DistrictTeamMember.objects.select_related("user").order_by("-pk")
    }
    open_new = CultureRequest.objects.filter(status__in=OPEN_STATUSES, idempotency_key__startswith="demo-")
    pairs = (
        open_new.values("district_id", "question")
        .annotate(n=Count("pk"))
        .filter(n__gte=2)
        .order_by("district_id")
    )
    done, districts = 0, set()
    for pair in pairs:
        if pair["district_id"] in districts or pair["district_id"] not in advisors:
            continue
        districts.add(pair["district_id"])
        primary, other = list(
            open_new.filter(district_id=pair["district_id"], question=pair["question"]).order_by(
                "created_at"
            )[:2]
        )
        by = advisors[pair["district_id"]]
        label = by.get_full_name() or by.email
        CultureRequest.objects.filter(pk=other.pk).update(status=Status.MERGED)
        RequestMerge.objects.create(request=other, primary=primary, by=by)
        RequestEvent.objects.bulk_create(
            [
                RequestEvent(
                    request=other,
                    action=ACTION_STATUS,
                    actor=by,
                    actor_label=label,
                    from_status=other.status,
                    to_status=Status.MERGED,
                    note=f"Samengevoegd met {primary.reference}.",
                ),
                RequestEvent(
                    request=other,
                    action=ACTION_MERGED_INTO,
                    actor=by,
                    actor_label=label,
                    note=f"Verder behandeld als {primary.reference}.",
                ),
                RequestEvent(
                    request=primary,
                    action=ACTION_MERGED,
                    actor=by,
                    actor_label=label,
                    note=f"Samengevoegd met deze vraag: {other.reference}.",
                ),
            ]
        )
        done += 1
    return done


def seed(ctx) -> None:
    texts, views, merges = _texts(), _views(), _merges()
    ctx.stdout.write(f"requests: {texts} standard texts, {views} saved views, {merges} merged duplicates.")
