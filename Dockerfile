# One image for web, worker and beat (see docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VAR_DIR=/app/var STATIC_ROOT=/app/staticfiles

# WeasyPrint (PDF reports) needs pango; postgresql-client for pg_dump/pg_restore backups.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core postgresql-client \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml requirements.lock README.md ./
RUN pip install --no-cache-dir -c requirements.lock . && useradd --create-home --uid 1000 cultuur

COPY . .
# collectstatic needs settings but no real secret or database.
RUN DEBUG=false SECRET_KEY=build-only-not-secret python manage.py compiletranslations \
 && DEBUG=false SECRET_KEY=build-only-not-secret python manage.py collectstatic --no-input \
 && mkdir -p /app/var/media /app/var/attachments \
 && chown -R cultuur /app/var
# A new named volume (docker-compose.yml: media, attachments) starts as a copy of its directory
# here, owned by the app user; without the directory Docker makes the mount point root's and
# photo uploads fail. No VOLUME line: each service mounts the volumes it needs, and none gets an
# empty anonymous one instead.

# By number: Kubernetes checks runAsNonRoot against a numeric user.
USER 1000
EXPOSE 8000
CMD ["gunicorn", "cultuur.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
