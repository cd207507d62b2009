# TenHands API image. Built by docker-compose.yml (service `api`), which runs it
# beside Neo4j; see .env.example for the secret it needs.

# --- build: a wheel of the package only (no tests, no dev tools) ---------------
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY . .
RUN pip wheel --no-deps --wheel-dir /wheels .

# --- run -----------------------------------------------------------------------
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN groupadd --system tenhands \
 && useradd --system --gid tenhands --create-home --home-dir /home/tenhands \
        --shell /usr/sbin/nologin tenhands \
 && install -d -m 0700 -o tenhands -g tenhands /home/tenhands/kin-index

COPY --from=build /wheels /tmp/wheels
RUN pip install /tmp/wheels/*.whl && rm -rf /tmp/wheels

USER tenhands
WORKDIR /home/tenhands
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]

CMD ["tenhands", "serve", "--host", "0.0.0.0", "--port", "8000"]
