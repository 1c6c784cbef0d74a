#!/usr/bin/env bash
# Finds a JDK 21 or newer and exports JAVA_HOME to it. Sourced by run.sh and test.sh.
# Looks at $JAVA_HOME, then `java` on the PATH, then the usual install folders.

java_major() {
  local version
  version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  echo "${version%%.*}"
}

is_jdk21() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(java_major "$1")" -ge 21 ] 2>/dev/null
}

find_java_home() {
  local candidate
  if is_jdk21 "${JAVA_HOME:-}"; then echo "$JAVA_HOME"; return 0; fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if is_jdk21 "$candidate"; then echo "$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* /usr/java/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if is_jdk21 "$candidate"; then echo "$candidate"; return 0; fi
  done
  return 1
}

if ! MILKRUN_JAVA_HOME=$(find_java_home); then
  echo "MilkRun needs a JDK 21 or newer, and none was found (looked at JAVA_HOME, the PATH and /usr/lib/jvm)." >&2
  echo "Install one (for example: apt-get install openjdk-21-jdk) or point JAVA_HOME at it:" >&2
  echo "  JAVA_HOME=/path/to/jdk-21 $0" >&2
  exit 1
fi
export JAVA_HOME="$MILKRUN_JAVA_HOME"
export PATH="$JAVA_HOME/bin:$PATH"
