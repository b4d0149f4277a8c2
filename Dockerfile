# coachbot: slim Python, a non-root user, data in a volume. `coachbot run` applies the migrations first.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    COACHBOT_DATABASE_URL=sqlite+aiosqlite:////data/coachbot.db \
    COACHBOT_HTTP_PORT=8080 \
    MPLCONFIGDIR=/tmp/matplotlib

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

# /healthz, /readyz and /metrics (docs/operating.md); the health check asks the process, not its platforms
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4)"]

# `docker stop` sends SIGTERM: the bot stops polling, lets in-flight sends finish and be recorded, and exits 0
# within Docker's default 10 s (docs/delivery.md, "Stopping"). `coachbot run` applies the migrations itself,
# waiting up to COACHBOT_DATABASE_WAIT_SECONDS for a PostgreSQL server that is still starting.
STOPSIGNAL SIGTERM
CMD ["coachbot", "run"]
