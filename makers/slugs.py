from django.utils.text import slugify

# Path segments that are pages, never a record's slug.
RESERVED_SLUGS = {"nieuw", "beoordelen", "mijn-profiel", "uitnodigen"}


def unique_slug(model, text: str, *, instance=None) -> str:
    base = slugify(text)[:150] or "item"
    if base in RESERVED_SLUGS:
        base = f"{base}-1"
    slug, n = base, 2
    others = model.objects.exclude(pk=instance.pk) if instance and instance.pk else model.objects.all()
    while others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
