#!/bin/sh
# Stand-in for IBM's Db2 container entrypoint (test fixture for the Paved db2 action).
# Honours the contract of icr.io/db2_community/db2: LICENSE=accept and DB2INST1_PASSWORD are
# required, all state lives under /database, the same log lines, SIGTERM runs db2stop.
LEVEL=$(cat /opt/ibm/db2/V11.5/.level)
INST=${DB2INSTANCE:-db2inst1}
export PATH=/opt/ibm/db2/V11.5/bin:/bin:/sbin:/usr/bin:/usr/sbin

if [ "$LICENSE" != "accept" ]; then
  echo "(*) License agreement must be accepted (LICENSE=accept). Exiting."
  exit 1
fi
if [ -z "$DB2INST1_PASSWORD" ]; then
  echo "(*) DB2INST1_PASSWORD is not set. Exiting."
  exit 1
fi

# Test hook: an image whose setup dies (a broken db2iupdt), so a restart policy would loop it.
if [ -f /etc/standin-crash ]; then
  echo "(*) Updating instance $INST ..."
  echo "DBI1205E  One or more local databases cannot be upgraded."
  exit 1
fi

home=/database/config/$INST
if ! grep -q "^$INST:" /etc/passwd; then
  echo "$INST:x:1000:1000::$home:/bin/sh" >> /etc/passwd
fi
if [ -f "$home/.standin/level" ]; then
  prev=$(cat "$home/.standin/level")
  echo "(*) Previous setup has been detected (Db2 $prev). Starting the instance on the existing storage."
  if [ "$prev" != "$LEVEL" ]; then
    echo "(*) Updating instance $INST from $prev to $LEVEL (db2iupdt) ..."
  fi
else
  echo "(*) Previous setup has not been detected. Creating the users..."
  echo "(*) Creating instance $INST ..."
fi
mkdir -p "$home/sqllib/cfg" "$home/sqllib/bnd" "$home/.standin" "/database/data/$INST"
touch "$home/.standin/dbdir"
echo "$LEVEL" > "$home/.standin/level"
rm -rf /tmp/standin.up /tmp/standin.active /tmp/standin.conn.*
mkdir -p /tmp/standin.active
# The instance owner owns its home, data and the storage root (backups go to /database/backup).
chown 1000:1000 /database /tmp/standin.active
chown -R 1000:1000 "$home" "/database/data/$INST"

stop() {
  echo "(*) Caught signal, stopping the Db2 instance ..."
  su - "$INST" -c "db2stop force"
  exit 0
}
trap stop TERM INT

sleep "${STANDIN_STARTUP_DELAY:-1}"
if [ -f /etc/standin-fail-readiness ] || [ "${STANDIN_FAIL_READINESS:-}" = "true" ]; then
  # Like a real failed db2start: logged, and setup still "completes".
  echo "SQL1042C  An unexpected system error occurred.  SQLSTATE=58004"
else
  su - "$INST" -c db2start
fi

if [ -n "$DBNAME" ] && ! grep -qx "$(echo "$DBNAME" | tr a-z A-Z)" "$home/.standin/dbdir"; then
  echo "(*) Creating database $DBNAME ..."
  su - "$INST" -c "db2 create database $DBNAME"
fi

if [ -d /var/custom ]; then
  echo "(*) Running user-provided scripts ... "
  for script in $(ls /var/custom); do
    echo "(*) Running $script ..."
    /var/custom/$script
  done
fi
echo "(*) Setup has completed."
while :; do
  sleep 1 &
  wait $!
done
