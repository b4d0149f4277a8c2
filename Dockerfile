# coachbot: slim Python, a non-root user, data in a volume. Migrations run before the bot starts.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    COACHBOT_DATABASE_URL=sqlite+aiosqlite:////data/coachbot.db

RUN useradd --create-home --uid 10001 coachbot \
    && mkdir /data \
    && chown coachbot:coachbot /data

WORKDIR /src
COPY pyproject.toml README.md ./
COPY coachbot ./coachbot
COPY programmes ./programmes
COPY migrations ./migrations
RUN pip install . && rm -rf /src

WORKDIR /data
USER coachbot
VOLUME ["/data"]

# `docker stop` sends SIGTERM: the bot stops polling, lets in-flight sends finish and be recorded, and exits 0
# within Docker's default 10 s (docs/delivery.md, "Stopping"). `coachbot run` applies the migrations itself,
# waiting up to COACHBOT_DATABASE_WAIT_SECONDS for a PostgreSQL server that is still starting.
STOPSIGNAL SIGTERM
CMD ["coachbot", "run"]
