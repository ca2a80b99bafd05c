#!/usr/bin/env bash
# Runs every test (unit, integration, browser):   ./test.sh [dotnet test args]
#   e.g. ./test.sh --filter "FullyQualifiedName~Accounts"
#
# Needs: the .NET 10 SDK, /usr/bin/chromium (browser tests), and a PostgreSQL
# for the integration tests, which find one themselves: CROWDSOURCE_TEST_DB
# (a connection string to a server where they may create databases), else
# Docker (Testcontainers), else a private cluster started from the local
# PostgreSQL binaries with scripts/local-postgres.sh.
#
# HTML validity: the browser tests run the Nu HTML Checker on the pages they visit. Its jar is found through
# CROWDSOURCE_VNU_JAR; when that is not set, it is installed with npm (vnu-jar, MIT) into a cache folder outside the
# repository (needs npm and java). Without it the check is left out, except under CI=true, where the tests fail.
#
# Results: artifacts/test-results/*.trx. The last line printed is
#   N passed, N failed            (", N skipped" added when tests were skipped)
# Exit code: dotnet test's; non-zero as well when no .trx file was written,
# when no test ran, or when a test failed.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")" && pwd -P)
readonly ROOT
readonly RESULTS=artifacts/test-results
readonly VNU_VERSION=26.9.27
cd "$ROOT"

say() { printf 'test.sh: %s\n' "$*" >&2; }
fail() {
    say "error: $*"
    exit 1
}

have_postgres_binaries() {
    local p d
    if p=$(command -v initdb 2>/dev/null); then
        d=$(dirname -- "$(readlink -f -- "$p")")
        [[ -x $d/pg_ctl && -x $d/postgres ]] && return 0
    fi
    for d in /usr/lib/postgresql/*/bin; do
        [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]] && return 0
    done
    return 1
}

docker_works() {
    command -v docker >/dev/null 2>&1 && timeout 15 docker info >/dev/null 2>&1
}

check_prerequisites() {
    if [[ ! -x /usr/bin/chromium ]]; then
        say "error: /usr/bin/chromium not found; the browser tests need it. Install it with:"
        say "    apt-get install -y chromium    (as root, or with sudo)"
        exit 1
    fi
    if ! command -v dotnet >/dev/null 2>&1; then
        fail "'dotnet' not found. Install the .NET 10 SDK: https://dotnet.microsoft.com/download"
    fi
    if [[ -n ${CROWDSOURCE_TEST_DB:-} ]]; then
        say "integration tests use the server in CROWDSOURCE_TEST_DB"
    elif have_postgres_binaries; then
        say "integration tests will start a private PostgreSQL from the local binaries"
    elif docker_works; then
        say "no local PostgreSQL binaries: integration tests will use Docker (Testcontainers)"
    else
        say "error: the integration tests need PostgreSQL and none is available. Either:"
        say "    apt-get install -y postgresql    (server binaries; no service needs to run), or"
        say "    export CROWDSOURCE_TEST_DB='Host=...;Port=...;Username=...;Password=...;Database=postgres'"
        say "    (a server where the tests may create and drop databases), or start Docker."
        exit 1
    fi
}

# Sets CROWDSOURCE_VNU_JAR to the Nu HTML Checker, installing it into a cache folder first when needed.
ensure_html_checker() {
    if [[ -n ${CROWDSOURCE_VNU_JAR:-} && -f $CROWDSOURCE_VNU_JAR ]]; then
        return 0
    fi
    local cache=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/crowdsource/vnu-$VNU_VERSION
    local jar=$cache/node_modules/vnu-jar/build/dist/vnu.jar
    if [[ ! -f $jar ]] && command -v npm >/dev/null 2>&1 && command -v java >/dev/null 2>&1; then
        say "installing the Nu HTML Checker (npm install vnu-jar@$VNU_VERSION) into $cache"
        mkdir -p "$cache"
        # --ignore-scripts: its post-install step would download a Java runtime; the one installed is used.
        if ! npm install --prefix "$cache" --no-audit --no-fund --ignore-scripts "vnu-jar@$VNU_VERSION" </dev/null >"$cache/npm.log" 2>&1; then
            tail -n 20 "$cache/npm.log" >&2
        fi
    fi
    if [[ -f $jar ]] && command -v java >/dev/null 2>&1; then
        export CROWDSOURCE_VNU_JAR=$jar
        say "HTML validity checked with $jar"
    else
        say "warning: no Nu HTML Checker (it needs npm and java): HTML validity is not checked (under CI=true the tests that need it fail)"
    fi
}

# counter_attr '<Counters a="1" .../>' a  ->  1 (0 when absent)
counter_attr() {
    local v
    v=$(grep -oE "[[:space:]]$2=\"[0-9]+\"" <<<"$1" | grep -oE '[0-9]+' | head -n 1) || v=0
    printf '%s\n' "${v:-0}"
}

# Prints "PASSED FAILED SKIPPED FILES UNREADABLE" summed over the .trx files
# given as arguments. Failed includes error/timeout/aborted outcomes, skipped
# is notExecuted. Also lists the failed tests on stderr.
count_trx() {
    if command -v python3 >/dev/null 2>&1; then
        python3 - "$@" <<'PY'
import sys
import xml.etree.ElementTree as ET

def local(tag):
    return tag.rsplit("}", 1)[-1]

passed = failed = skipped = files = unreadable = 0
failures = []
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        print(f"test.sh: cannot read {path}: {e}", file=sys.stderr)
        unreadable += 1
        continue
    counters = next((el for el in root.iter() if local(el.tag) == "Counters"), None)
    if counters is None:
        print(f"test.sh: no <Counters> in {path}", file=sys.stderr)
        unreadable += 1
        continue
    files += 1
    n = lambda name: int(counters.get(name, "0") or 0)
    passed += n("passed")
    failed += n("failed") + n("error") + n("timeout") + n("aborted")
    skipped += n("notExecuted")
    for el in root.iter():
        if local(el.tag) == "UnitTestResult" and el.get("outcome") in ("Failed", "Error", "Timeout", "Aborted"):
            failures.append(el.get("testName", "?"))
if failures:
    print("test.sh: failed tests:", file=sys.stderr)
    for name in failures[:100]:
        print(f"  - {name}", file=sys.stderr)
    if len(failures) > 100:
        print(f"  ... and {len(failures) - 100} more", file=sys.stderr)
print(passed, failed, skipped, files, unreadable)
PY
    else
        # No python3: the <Counters .../> element, attribute by attribute.
        local f counters passed=0 failed=0 skipped=0 files=0 unreadable=0 name
        for f in "$@"; do
            counters=$(tr '\n' ' ' <"$f" | grep -o '<Counters [^>]*>' | head -n 1) || true
            if [[ -z $counters ]]; then
                say "no <Counters> in $f"
                unreadable=$((unreadable + 1))
                continue
            fi
            files=$((files + 1))
            passed=$((passed + $(counter_attr "$counters" passed)))
            for name in failed error timeout aborted; do
                failed=$((failed + $(counter_attr "$counters" "$name")))
            done
            skipped=$((skipped + $(counter_attr "$counters" notExecuted)))
        done
        echo "$passed $failed $skipped $files $unreadable"
    fi
}

# Reads the .trx files in $1, prints the final summary line, returns 0 if the
# run is acceptable (files present and readable, tests ran, none failed).
summarize() {
    local dir=$1 trx=() counts passed failed skipped files unreadable ok=0 line
    if [[ -d $dir ]]; then
        mapfile -t trx < <(find "$dir" -name '*.trx' -type f | sort)
    fi
    if ((${#trx[@]} == 0)); then
        say "error: no .trx result file in $dir (did the build fail?)"
        echo "0 passed, 0 failed"
        return 1
    fi
    counts=$(count_trx "${trx[@]}") || counts=''
    read -r passed failed skipped files unreadable <<<"$counts" || true
    if ! [[ ${unreadable:-} =~ ^[0-9]+$ ]]; then
        say "error: could not count the results in $dir"
        echo "0 passed, 0 failed"
        return 1
    fi
    say "${#trx[@]} result file(s) in $dir"
    if ((unreadable > 0)); then
        say "error: $unreadable result file(s) could not be read"
        ok=1
    fi
    if ((passed + failed == 0)); then
        say "error: no test ran"
        ok=1
    fi
    ((failed == 0)) || ok=1
    line="$passed passed, $failed failed"
    if ((skipped > 0)); then line+=", $skipped skipped"; fi
    echo "$line"
    return "$ok"
}

main() {
    check_prerequisites
    ensure_html_checker

    local out rc=0 summary_rc=0
    if ! out=$(dotnet tool restore 2>&1); then
        printf '%s\n' "$out" >&2
        fail "dotnet tool restore failed"
    fi

    mkdir -p "$RESULTS"
    find "$RESULTS" -name '*.trx' -type f -delete

    dotnet test Crowdsource.sln -c Release \
        --logger "trx;LogFilePrefix=results" \
        --results-directory "$RESULTS" \
        --logger "console;verbosity=normal" \
        "$@" || rc=$?

    summarize "$RESULTS" || summary_rc=$?
    if ((rc == 0 && summary_rc != 0)); then rc=1; fi
    return "$rc"
}

main "$@"
