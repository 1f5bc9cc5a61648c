#!/usr/bin/env bash
# Builds the stand-in Db2 images (test fixture) from Debian's busybox-static: a rootfs with
# busybox, its applets, and the shell shims in rootfs/, imported with `docker import`.
# Tags carry a hash of the inputs, so an unchanged fixture is built once per machine.
# Prints: old=<ref> new=<ref> broken=<ref> crash=<ref>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
BUSYBOX=${BUSYBOX:-/bin/busybox}
if ! [ -x "$BUSYBOX" ] || ! "$BUSYBOX" --list >/dev/null 2>&1 || ldd "$BUSYBOX" >/dev/null 2>&1; then
  flock /tmp/paved-apt.lock apt-get install -y -qq busybox-static >&2
fi
hash=$( (cd "$here" && find rootfs build.sh -type f | sort | xargs sha256sum; sha256sum "$BUSYBOX" | cut -d' ' -f1) | sha256sum | cut -c1-12)
repo=paved-db2-standin
old=$repo:11.5.8.0-$hash
new=$repo:11.5.9.0-$hash
broken=$repo:11.5.9.0-broken-$hash
crash=$repo:11.5.9.0-crash-$hash

build_level() {
  local level=$1 tag=$2 marker=${3:-}
  if docker image inspect "$tag" >/dev/null 2>&1; then return; fi
  local root
  root=$(mktemp -d)
  trap 'rm -rf "$root"' RETURN
  cp -a "$here/rootfs/." "$root/"
  mkdir -p "$root/bin" "$root/sbin" "$root/usr/bin" "$root/usr/sbin" "$root/tmp" "$root/var/custom" "$root/database" "$root/root" "$root/proc" "$root/sys" "$root/dev"
  chmod 1777 "$root/tmp"
  cp "$BUSYBOX" "$root/bin/busybox"
  for applet in $("$BUSYBOX" --list-full); do
    case "$applet" in */useradd) continue ;; esac
    [ -e "$root/$applet" ] || ln -s /bin/busybox "$root/$applet"
  done
  echo "$level" > "$root/opt/ibm/db2/V11.5/.level"
  [ -z "$marker" ] || touch "$root/etc/$marker"
  tar --numeric-owner --owner=0 --group=0 -C "$root" -cf - . | docker import \
    --change 'ENTRYPOINT ["/var/db2_setup/lib/setup_db2_instance.sh"]' \
    --change 'ENV PATH=/opt/ibm/db2/V11.5/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'EXPOSE 50000' \
    --change "LABEL io.paved.test.standin=$level" \
    - "$tag" >/dev/null
}
build_level 11.5.8.0 "$old"
build_level 11.5.9.0 "$new"
build_level 11.5.9.0 "$broken" standin-fail-readiness
build_level 11.5.9.0 "$crash" standin-crash
echo "old=$old"
echo "new=$new"
echo "broken=$broken"
echo "crash=$crash"
