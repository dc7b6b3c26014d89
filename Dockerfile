# copydesk: the HTTP service in a container.
#   buildah bud --format docker --network host -t copydesk .      (or: docker build -t copydesk .)
#   podman run --network host -e COPYDESK_BIND=127.0.0.1:8000 copydesk
# BASE may be any Debian-like image with python3 and its venv module: the official python
# image (default) or a local debootstrap base (see tests/container/test_image.py).
ARG BASE=python:3.11-slim-bookworm

FROM ${BASE} AS build
# COMPILE=1 (default): scoring/ compiled with mypyc (setup.py), about 2x faster per
# article; COMPILE=0 installs the same code as pure Python and needs no C compiler.
ARG COMPILE=1
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# the compiler and Python's headers, in the build stage only (the official image ships the
# headers; Debian's python3 needs python3-dev)
# hadolint ignore=DL3008
RUN if [ "$COMPILE" = 1 ]; then \
        headers=$(python3 -c 'import os, sysconfig; print("" if os.path.exists(sysconfig.get_paths()["include"] + "/Python.h") else "python3-dev")'); \
        apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev ${headers:+"$headers"} \
        && rm -rf /var/lib/apt/lists/*; \
    fi
WORKDIR /src
COPY pyproject.toml setup.py README.md openapi.yaml ./
COPY tools/copydesk_build.py ./tools/
# installed as one package, copydesk: its __init__ (src/copydesk), copydesk.scoring and copydesk.api
COPY src ./src
COPY scoring ./scoring
COPY api ./api
# a venv, not the system pip: it works the same on the official image (/usr/local) and on
# Debian's python3 (/usr/bin), and copies whole into the runtime stage
RUN python3 -m venv /opt/venv \
    && COPYDESK_COMPILE=$COMPILE /opt/venv/bin/pip install --no-cache-dir /src

FROM ${BASE}
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    COPYDESK_BIND=0.0.0.0:8000
RUN useradd --system --user-group --uid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin copydesk
COPY --from=build /opt/venv /opt/venv
WORKDIR /tmp
USER 10001:10001
EXPOSE 8000
# python rather than curl (the image has no curl): ask /v1/health on the first bound port
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["/opt/venv/bin/python", "-c", "import os, urllib.request; port = os.environ['COPYDESK_BIND'].split(',')[0].rsplit(':', 1)[1]; urllib.request.urlopen(f'http://127.0.0.1:{port}/v1/health', timeout=4)"]
# gunicorn as PID 1 with the shipped config: gevent workers that slow clients cannot starve
# (no proxy needed in front), and SIGTERM answers what is in flight or queued
# (COPYDESK_GRACEFUL_TIMEOUT)
CMD ["gunicorn", "-c", "python:copydesk.api.gunicorn_conf", "copydesk.api.wsgi:app"]
