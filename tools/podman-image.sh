#!/usr/bin/env bash
# Build and run copydesk's image with podman and buildah on a machine with no Docker daemon and no
# registry (as CI's): runc with cgroupfs, storage under COPYDESK_CONTAINER_CACHE, a Debian base made
# with debootstrap (nothing is pulled), host networking (the bridge network rewrites the host's
# iptables). The recipe is explained in the README's Container section.
#
#   tools/podman-image.sh build          # the base image once, then the Dockerfile (buildah bud)
#   tools/podman-image.sh run            # detached, on COPYDESK_BIND (127.0.0.1:8000)
#   tools/podman-image.sh podman ARGS... # podman with the same configuration (logs, stop, rm, ...)
#
# Settings (environment): COPYDESK_IMAGE (localhost/copydesk:latest), COPYDESK_CONTAINER_NAME
# (copydesk), COPYDESK_CONTAINER_CACHE (/tmp/copydesk-containers: the store and the base's root
# file system; delete it to start cold). `run` passes every other COPYDESK_* variable to the
# container. Needs: apt-get install -y podman buildah runc debootstrap (as root).
set -euo pipefail

cd "$(dirname "$0")/.."

CACHE="${COPYDESK_CONTAINER_CACHE:-/tmp/copydesk-containers}"
IMAGE="${COPYDESK_IMAGE:-localhost/copydesk:latest}"
NAME="${COPYDESK_CONTAINER_NAME:-copydesk}"
BASE_IMAGE="localhost/pybase:bookworm"
CA_BUNDLE="/etc/ssl/certs/ca-certificates.crt"

configure() {
    mkdir -p "$CACHE"
    cat >"$CACHE/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
    cat >"$CACHE/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$CACHE/graphroot"
runroot = "$CACHE/runroot"
EOF
    export CONTAINERS_CONF="$CACHE/containers.conf" CONTAINERS_STORAGE_CONF="$CACHE/storage.conf"
}

debian_mirror() {
    # the mirror this machine's apt uses (deb822 sources), else Debian's own
    local sources=/etc/apt/sources.list.d/debian.sources
    if [ -f "$sources" ]; then
        awk '/^URIs:/ && !/security/ {print $2; exit}' "$sources"
    else
        echo "http://deb.debian.org/debian"
    fi
}

ensure_base() {
    podman image exists "$BASE_IMAGE" && return 0
    command -v debootstrap >/dev/null || { echo "podman-image: no base image and no debootstrap to make one: apt-get install -y debootstrap" >&2; exit 3; }
    local rootfs="$CACHE/rootfs"
    if [ ! -x "$rootfs/usr/bin/python3" ]; then
        rm -rf "$rootfs"
        echo "podman-image: making the base image with debootstrap (about a minute)" >&2
        debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates \
            bookworm "$rootfs" "$(debian_mirror)" >"$CACHE/debootstrap.log" 2>&1 \
            || { tail -20 "$CACHE/debootstrap.log" >&2; exit 1; }
    fi
    tar -C "$rootfs" -c . | podman import - "$BASE_IMAGE" >/dev/null
}

build() {
    ensure_base
    # pip inside the build trusts this machine's CA bundle: mounted, never copied into the image
    printf '[global]\ncert = %s\n' "$CA_BUNDLE" >"$CACHE/pip.conf"
    buildah bud --format docker --network host --layers \
        --build-arg "BASE=$BASE_IMAGE" \
        -v "$CA_BUNDLE:$CA_BUNDLE:ro" -v "$CACHE/pip.conf:/etc/pip.conf:ro" \
        -t "$IMAGE" .
    # drop the untagged images each build leaves behind, so a reused machine's store stays bounded
    podman image prune -f >/dev/null
}

run() {
    local settings=()
    while IFS='=' read -r name _; do
        case "$name" in
            COPYDESK_IMAGE | COPYDESK_CONTAINER_NAME | COPYDESK_CONTAINER_CACHE | COPYDESK_BIND) ;;
            COPYDESK_*) settings+=(-e "$name") ;;
        esac
    done < <(env)
    podman run -d --name "$NAME" --network host \
        -e "COPYDESK_BIND=${COPYDESK_BIND:-127.0.0.1:8000}" "${settings[@]}" "$IMAGE"
}

configure
case "${1:-}" in
    build) build ;;
    run) run ;;
    podman) shift; exec podman "$@" ;;
    *) sed -n '2,14p' "$0" >&2; exit 2 ;;
esac
