# shellcheck shell=bash
# Finds a JDK >= 21 so nobody has to export one. Sourced by the bash scripts (exports JAVA_HOME and
# PATH); run directly (as ./mvnw does) it prints the JDK's home.
# Order: an existing JAVA_HOME that is new enough, `java` on the PATH, then JDKs under /usr/lib/jvm
# and /opt (newest first).

portage_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

portage_find_java_home() {
  local candidate major
  local -a candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in $(ls -d /usr/lib/jvm/* /opt/*jdk* /opt/java/* 2>/dev/null | sort -rV); do
    candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(portage_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  portage_find_java_home || { echo "portage: no JDK 21 or newer found (JAVA_HOME, PATH, /usr/lib/jvm, /opt)." >&2; exit 1; }
elif [ -z "${PORTAGE_JAVA_CHECKED:-}" ]; then
  if portage_java_home=$(portage_find_java_home); then
    export JAVA_HOME="$portage_java_home"
    export PATH="$JAVA_HOME/bin:$PATH"
    export PORTAGE_JAVA_CHECKED=1
  else
    echo "portage: no JDK 21 or newer found (looked at JAVA_HOME, PATH, /usr/lib/jvm, /opt)." >&2
    echo "portage: install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+." >&2
    return 1
  fi
  unset portage_java_home
fi
