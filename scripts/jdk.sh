# Sourced by the project's scripts: exports JAVA_HOME as a JDK >= 25, the release pom.xml compiles for (JAVA_HOME if
# new enough, else the newest under /usr/lib/jvm), or exits with what to install.
sohieu_java_major() {
  local v=""
  # The JDK's release file answers without starting a JVM (about 0.1 s saved on every launch); java itself otherwise.
  if [ -f "$1/release" ]; then v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"); fi
  if [ -z "$v" ]; then
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  fi
  v=${v#1.}
  echo "${v%%.*}"
}
sohieu_find_jdk() {
  local best="" best_major=0 dir major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(sohieu_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 25 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    [ -L "$dir" ] && continue
    major=$(sohieu_java_major "$dir")
    if [ "${major:-0}" -gt "$best_major" ]; then best=$dir; best_major=$major; fi
  done
  if [ "$best_major" -ge 25 ]; then echo "$best"; return 0; fi
  return 1
}
if ! JAVA_HOME=$(sohieu_find_jdk); then
  echo "sohieu: no JDK 25 or newer found (JAVA_HOME or /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-25-jdk-headless' or 'temurin-25-jdk'" >&2
  exit 2
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
