#!/bin/sh
# sitec in one file: this shell script, then sitec's jar (`./mvnw package` writes it as target/sitec).
# Java finds a jar's entries from its end, so the script in front of them is no obstacle. Copy the
# file anywhere, e.g. onto PATH as ~/.local/bin/sitec; it needs Java 17+ (`java`, or $JAVA_HOME/bin/java),
# and nothing of the source tree: templates and schema are in the jar.
# The options are bin/sitec's (C1 only, one compiler thread, the serial GC), without its class-data
# sharing archive, which belongs to a build folder.
[ -t 2 ] && export SITEC_TERMINAL="${SITEC_TERMINAL:-1}"
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xss4m \
  -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$0" "$@"
exit 127
