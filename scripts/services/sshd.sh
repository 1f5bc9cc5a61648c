#!/usr/bin/env bash
# Starts a throwaway sshd for integration tests and benchmarks, listening on loopback
# 127.0.0.1 … 127.0.0.$PAVED_SSH_HOSTS (each address is a "host"), port $PAVED_SSH_PORT.
# Idempotent: a running instance with the same state directory is reused.
# Prints the environment the tests read (KEY=value lines).
set -euo pipefail
DIR=${PAVED_SSHD_DIR:-/tmp/paved-sshd}
PORT=${PAVED_SSH_PORT:-2222}
HOSTS=${PAVED_SSH_HOSTS:-24}

if ! command -v sshd >/dev/null && [ ! -x /usr/sbin/sshd ]; then
  flock /tmp/paved-apt.lock sh -c 'apt-get update -qq && apt-get install -y -qq openssh-server openssh-client' >&2
fi
SSHD=$(command -v sshd || echo /usr/sbin/sshd)
mkdir -p "$DIR" /run/sshd
chmod 700 "$DIR"
[ -f "$DIR/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$DIR/host_ed25519"
[ -f "$DIR/client_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C paved-test -f "$DIR/client_ed25519"
# Add the client key, never overwrite: this script runs at the start of every test run, and a
# test that authorised its own key (test/runbook/keys.int.test.ts) may be running beside it.
touch "$DIR/authorized_keys"
grep -qxF "$(cat "$DIR/client_ed25519.pub")" "$DIR/authorized_keys" || cat "$DIR/client_ed25519.pub" >>"$DIR/authorized_keys"
chmod 600 "$DIR/authorized_keys"

# sshd listens on at most 16 sockets, so the hosts are served by one instance per 16 addresses.
write_config() { # instance first last
  {
    echo "Port $PORT"
    for i in $(seq "$2" "$3"); do echo "ListenAddress 127.0.0.$i"; done
    echo "HostKey $DIR/host_ed25519"
    echo "PidFile $DIR/sshd-$1.pid"
    echo "AuthorizedKeysFile $DIR/authorized_keys"
    echo "PermitRootLogin prohibit-password"
    echo "PasswordAuthentication no"
    echo "KbdInteractiveAuthentication no"
    echo "UsePAM no"
    echo "StrictModes no"
    echo "MaxSessions 10"
    # Benchmarks open one connection per host for 20+ hosts at once.
    echo "MaxStartups 200:30:400"
    echo "LogLevel ERROR"
    echo "Subsystem sftp internal-sftp"
    echo "AcceptEnv LANG LC_*"
  } >"$DIR/sshd-$1.config"
}

instance=0
for first in $(seq 1 16 "$HOSTS"); do
  last=$((first + 15 > HOSTS ? HOSTS : first + 15))
  write_config "$instance" "$first" "$last"
  pidfile="$DIR/sshd-$instance.pid"
  if ! { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }; then
    "$SSHD" -t -f "$DIR/sshd-$instance.config"
    "$SSHD" -f "$DIR/sshd-$instance.config" -E "$DIR/sshd-$instance.log"
  fi
  instance=$((instance + 1))
done

for _ in $(seq 1 300); do
  if (exec 3<>/dev/tcp/127.0.0.$HOSTS/"$PORT") 2>/dev/null; then break; fi
  sleep 0.1
done
(exec 3<>/dev/tcp/127.0.0.$HOSTS/"$PORT") 2>/dev/null || { echo "sshd did not start; see $DIR/sshd-*.log" >&2; exit 1; }

# known_hosts lines for every loopback host, as a user would pin them.
pub=$(cut -d' ' -f1,2 "$DIR/host_ed25519.pub")
# Written aside and renamed: a test run beside this one may be reading the file.
for i in $(seq 1 "$HOSTS"); do echo "[127.0.0.$i]:$PORT $pub"; done >"$DIR/known_hosts.$$"
mv -f "$DIR/known_hosts.$$" "$DIR/known_hosts"

echo "PAVED_SSH_PORT=$PORT"
echo "PAVED_SSH_HOSTS=$HOSTS"
echo "PAVED_SSH_KEY=$DIR/client_ed25519"
echo "PAVED_SSH_KNOWN_HOSTS=$DIR/known_hosts"
echo "PAVED_SSH_USER=$(id -un)"
