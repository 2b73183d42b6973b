"""E-mail to a school's ICCs when the coordinator proposes an art teacher, in plain Dutch."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from cultuur import mail
from schools.models import IccMembership, PoolProposal


def proposal_notice(*, proposal_id: int) -> None:
    proposal = PoolProposal.objects.select_related("teacher__maker", "school").filter(pk=proposal_id).first()
    if proposal is None:
        return
    emails = list(
        IccMembership.objects.filter(school=proposal.school, user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    if not emails:
        return
    path = reverse("schools:school_pool", kwargs={"pk": proposal.school_id})
    context = {"proposal": proposal, "link": f"{settings.SITE_URL}{path}?jaar={proposal.year}"}
    mail.send(
        subject=render_to_string("schools/email/proposal_subject.txt", context).strip(),
        body=render_to_string("schools/email/proposal_body.txt", context),
        to=emails,
        language="nl",
    )
