#!/usr/bin/env bash
# shellcheck disable=SC2317  # (functions called from traps look unreachable to shellcheck 0.9)
# The benchmark of issue 11, one command:   ./bench.sh [options]     (./bench.sh --help)
#
# Builds Release, starts a private PostgreSQL (with pg_stat_statements) in .data/bench, and for each volume:
# creates a fresh database, migrates and loads it (tests/Crowdsource.Benchmarks), starts the site in Production,
# measures start-to-ready, warms each page up, drives it with wrk, counts its SQL statements per request, and prints
# one table per volume plus a comparison of the volumes with the issue's targets (also written to artifacts/bench/);
# then uploads a 50 MB PDF as an entry file through the real form (once, then 4 at once) and downloads it (5 in a
# row, then 4 at once): MB/s and the site's VmRSS/VmHWM growth, one more table per volume.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")" && pwd -P)
readonly ROOT
readonly DIR=$ROOT/.data/bench
readonly OUT=$ROOT/artifacts/bench
readonly LOADER=$ROOT/tests/Crowdsource.Benchmarks/bin/Release/net10.0/Crowdsource.Benchmarks.dll
readonly SITE_DIR=$DIR/site # the site as it is deployed: `dotnet publish` output (wwwroot, compressed assets)

VOLUMES=1000,100000
DURATION=10s
CONNECTIONS=32
THREADS=2
WARMUP=3s
SQL_REQUESTS=20
DB_PORT=55690
SITE_PORT=5690
BUILD=yes

usage() {
    cat <<EOF
usage: ./bench.sh [options]
  --volumes LIST      challenges per volume, comma-separated (default $VOLUMES; 100000 takes minutes to load)
  --duration D        wrk duration per page (default $DURATION)
  --connections N     wrk connections (default $CONNECTIONS; threads: $THREADS)
  --warmup D          wrk warm-up per page before measuring (default $WARMUP)
  --sql-requests N    sequential requests per page to count SQL statements (default $SQL_REQUESTS)
  --db-port N         port of the private PostgreSQL (default $DB_PORT)
  --port N            port of the site (default $SITE_PORT)
  --no-build          use the existing Release build
Tables (pages, then the 50 MB uploads and downloads) are printed and written to artifacts/bench/. Needs the .NET 10 SDK, PostgreSQL server binaries with
pg_stat_statements, curl, openssl and wrk (installed with apt-get when missing and running as root).
EOF
}

while (($#)); do
    case $1 in
    --volumes) VOLUMES=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --sql-requests) SQL_REQUESTS=$2; shift 2 ;;
    --db-port) DB_PORT=$2; shift 2 ;;
    --port) SITE_PORT=$2; shift 2 ;;
    --no-build) BUILD=no; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
    esac
done

say() { printf 'bench.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

site_pid=''
stop_site() {
    if [[ -n $site_pid ]] && kill -0 "$site_pid" 2>/dev/null; then
        kill -TERM "$site_pid" 2>/dev/null || true
        wait "$site_pid" 2>/dev/null || true
    fi
    site_pid=''
}
cleanup() {
    local rc=$?
    trap '' INT TERM HUP
    stop_site
    bash "$ROOT/scripts/local-postgres.sh" stop "$DIR/pg" >/dev/null 2>&1 || true
    rm -rf -- "${TMP:-}"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cd "$ROOT"
TMP=$(mktemp -d)
mkdir -p "$DIR" "$OUT"

# ------------------------------------------------------------------ tools --
if ! command -v wrk >/dev/null 2>&1; then
    ((EUID == 0)) || die "wrk is missing: apt-get install -y wrk"
    say "installing wrk"
    DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null 2>&1 ||
        { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null; }
fi
[[ -f $SITE_DIR/Crowdsource.Web.dll ]] || [[ $BUILD == yes ]] || die "no published site in $SITE_DIR: run without --no-build once"
for tool in dotnet curl openssl psql wrk; do command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found"; done

if [[ $BUILD == yes ]]; then
    say "building Release (the site published into $SITE_DIR)"
    rm -rf -- "$SITE_DIR"
    dotnet publish src/Crowdsource.Web -c Release -o "$SITE_DIR" --use-current-runtime --self-contained false \
        -p:PublishReadyToRun=true -nologo -v q >&2 # as the Dockerfile publishes it
    dotnet build tests/Crowdsource.Benchmarks -c Release -nologo -v q >&2
fi

# A throwaway certificate for the Data Protection keys (Production requires one).
if [[ ! -f $DIR/dataprotection.pfx ]]; then
    openssl req -x509 -newkey rsa:2048 -sha256 -days 365 -nodes -subj "/CN=Crowdsource benchmark" \
        -keyout "$TMP/dp.key" -out "$TMP/dp.crt" 2>/dev/null
    openssl pkcs12 -export -inkey "$TMP/dp.key" -in "$TMP/dp.crt" -out "$DIR/dataprotection.pfx" -passout pass:bench
fi

admin=$(bash scripts/local-postgres.sh start "$DIR/pg" --port "$DB_PORT" --fast --preload pg_stat_statements --database postgres | tail -n 1)
[[ $admin == Host=* ]] || die "could not start PostgreSQL"
PSQL=(psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
"${PSQL[@]}" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"

# Counts non-2xx answers (wrk counts only socket errors itself): each thread counts in its own Lua state.
cat >"$TMP/count.lua" <<'EOF'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status, headers, body) if status < 200 or status > 299 then bad = bad + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("bad") or 0) end
  io.write(string.format("NON2XX %d\n", total))
end
EOF

ms() { # wrk latency ("1.23ms", "512.00us", "1.02s") -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}

login() { # login EMAIL PASSWORD JAR -> "Cookie: ..." header value
    local email=$1 password=$2 jar=$3 token
    token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$SITE_PORT/Account/Login" |
        grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
    [[ -n $token ]] || token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$SITE_PORT/Account/Login" |
        grep -o '__RequestVerificationToken"[^>]*value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
    curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "http://127.0.0.1:$SITE_PORT/Account/Login" \
        --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" \
        --data-urlencode "__RequestVerificationToken=$token"
    awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar" | sed 's/; $//'
}

run_volume() {
    local volume=$1 db=bench_$1 cs started ready_ms line name path account kind list cookie url
    say "volume $volume: fresh database $db"
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
    cs="Host=127.0.0.1;Port=$DB_PORT;Username=postgres;Database=$db"
    say "loading $volume challenges (migrations, templates, bulk copies)"
    dotnet "$LOADER" load "$cs" "$volume" 2>&1 | grep -v '^warn\|QuerySplittingBehavior' >&2

    say "starting the site (Release, Production) on port $SITE_PORT"
    started=$(date +%s%N)
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$SITE_PORT" \
        ConnectionStrings__Crowdsource="$cs" Crowdsource__PublicBaseUrl="http://127.0.0.1:$SITE_PORT/" \
        Crowdsource__ApplyMigrationsOnStartup=true Email__PickupDirectory="$TMP/mail" \
        DataProtection__CertificatePath="$DIR/dataprotection.pfx" DataProtection__CertificatePassword=bench \
        Serilog__MinimumLevel__Default=Warning \
        bash -c 'cd "$1" && exec dotnet Crowdsource.Web.dll' site "$SITE_DIR" >"$OUT/site-$volume.log" 2>&1 &
    site_pid=$!
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$SITE_PORT/health/ready" || true) == 200 ]]; do
        kill -0 "$site_pid" 2>/dev/null || die "the site stopped: see $OUT/site-$volume.log"
        sleep 0.05
    done
    ready_ms=$((($(date +%s%N) - started) / 1000000))
    say "ready in $ready_ms ms"

    declare -A cookies=()
    while IFS=$'\t' read -r account password; do
        cookies[$account]=$(login "$account" "$password" "$TMP/jar-$volume-$account")
    done < <(dotnet "$LOADER" accounts)

    local table=$OUT/volume-$volume.tsv
    : >"$table"
    dotnet "$LOADER" pages "$cs" >"$TMP/pages"
    warm_up_site
    while IFS=$'\t' read -r name path account kind list; do
        url="http://127.0.0.1:$SITE_PORT$path"
        cookie=''
        [[ $account == - ]] || cookie=${cookies[$account]}
        local hdr=(-H "Accept-Encoding: gzip, br")
        [[ -z $cookie ]] || hdr+=(-H "Cookie: $cookie")
        say "$name: $path"
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${hdr[@]}" "$url" >/dev/null 2>&1 || true
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$TMP/count.lua" "${hdr[@]}" "$url" >"$TMP/wrk" 2>&1 || true
        local rps p50 p99 sock non2xx bytes sql status
        rps=$(awk '/^Requests\/sec:/ { print $2 }' "$TMP/wrk")
        p50=$(ms "$(awk '$1 == "50%" { print $2 }' "$TMP/wrk")")
        p99=$(ms "$(awk '$1 == "99%" { print $2 }' "$TMP/wrk")")
        sock=$(awk '/Socket errors/ { gsub(",", ""); s = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) s += $i; print s }' "$TMP/wrk")
        non2xx=$(awk '/^NON2XX/ { print $2 }' "$TMP/wrk")
        # Response size as sent (compressed if the site compresses), and its status.
        read -r status bytes < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -H "Accept-Encoding: gzip, br" \
            ${cookie:+-H "Cookie: $cookie"} "$url")
        "${PSQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
        for ((i = 0; i < SQL_REQUESTS; i++)); do curl -s -o /dev/null ${cookie:+-H "Cookie: $cookie"} "$url"; done
        sql=$("${PSQL[@]}" -c "SELECT coalesce(sum(s.calls), 0) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '$db'")
        sql=$(awk -v s="$sql" -v n="$SQL_REQUESTS" 'BEGIN { printf "%.1f", s / n }')
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$kind" "$list" "${rps:-0}" "$p50" "$p99" \
            "$(( ${non2xx:-0} + ${sock:-0} ))" "$sql" "$bytes" "$status" >>"$table"
    done <"$TMP/pages"
    printf '%s\n' "$ready_ms" >"$OUT/ready-$volume.txt"
    print_volume "$volume" | tee "$OUT/volume-$volume.md"
    lighthouse "$volume" "$(awk -F'\t' '$1 == "challenge" { print $2 }' "$TMP/pages")"
    transfers "$volume" "$db" "$TMP/jar-$volume-crowd@bench.example"
    stop_site
}

# Every page once under load, then a wait until the process is idle: .NET compiles hot methods again in the
# background (tiered compilation) for tens of seconds of processor time after the first load, which otherwise lands
# on whichever pages are measured first (the home page served at half its speed).
warm_up_site() {
    local name path account kind list cookie before after
    say "warming every page up, then waiting for the site to go idle"
    while IFS=$'\t' read -r name path account kind list; do
        cookie=''
        [[ $account == - ]] || cookie=${cookies[$account]}
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Accept-Encoding: gzip, br" ${cookie:+-H "Cookie: $cookie"} \
            "http://127.0.0.1:$SITE_PORT$path" >/dev/null 2>&1 || true
    done <"$TMP/pages"
    for ((i = 0; i < 60; i++)); do # at most a minute; idle = under 10 % of one processor over a second
        before=$(awk '{ print $14 + $15 }' "/proc/$site_pid/stat")
        sleep 1
        after=$(awk '{ print $14 + $15 }' "/proc/$site_pid/stat")
        ((after - before >= 10)) || break
    done
}

# ------------------------------------------------------------- Lighthouse --
# Lighthouse's mobile performance (its default: a mid-range phone on a slow 4G link, simulated) of the home page,
# the list and a challenge page, served by the site in Production. Installed with npm into .data/bench/lighthouse
# the first time; skipped, with a message, where npm or Chromium is missing.
lighthouse() {
    local volume=$1 challenge=$2 tool=$DIR/lighthouse/node_modules/.bin/lighthouse chrome name path
    chrome=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
    if [[ ! -x $tool ]] && command -v npm >/dev/null 2>&1; then
        say "installing Lighthouse (npm)"
        npm install --prefix "$DIR/lighthouse" --no-audit --no-fund lighthouse >/dev/null 2>&1 || true
    fi
    if [[ ! -x $tool || -z $chrome ]]; then
        say "Lighthouse skipped: it needs npm (to install it) and Chromium"
        return 0
    fi
    : >"$OUT/lighthouse-$volume.tsv"
    for name in home list challenge; do
        case $name in home) path=/ ;; list) path=/Challenges ;; challenge) path=$challenge ;; esac
        say "Lighthouse: $name ($path)"
        CHROME_PATH=$chrome "$tool" "http://127.0.0.1:$SITE_PORT$path" --only-categories=performance --output=json \
            --output-path="$TMP/lighthouse.json" --quiet --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1 || true
        node -e '
            const r = require(process.argv[1]), a = r.audits, ms = id => Math.round(a[id].numericValue);
            console.log([process.argv[2], Math.round(r.categories.performance.score * 100), ms("first-contentful-paint"),
                ms("largest-contentful-paint"), ms("total-blocking-time"), a["cumulative-layout-shift"].numericValue.toFixed(3)].join("\t"));
        ' "$TMP/lighthouse.json" "$name" >>"$OUT/lighthouse-$volume.tsv" 2>/dev/null || printf '%s\tfailed\t\t\t\t\n' "$name" >>"$OUT/lighthouse-$volume.tsv"
        rm -f "$TMP/lighthouse.json"
    done
    {
        printf '\n### Lighthouse, mobile, at %s challenges (target: performance >= 95)\n\n' "$volume"
        printf '| page | performance | FCP ms | LCP ms | TBT ms | CLS | target |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |\n'
        awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, ($2 + 0 >= 95) ? "met" : "NOT met" }' "$OUT/lighthouse-$volume.tsv"
    } | tee "$OUT/lighthouse-$volume.md"
}

# ------------------------------------------------------------ 50 MB files --
mb_per_s() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", s > 0 ? b / s / 1e6 : 0 }'; }
# VmRSS and VmHWM of the site, in MB.
site_memory() { awk '/^VmRSS:/ { r = $2 } /^VmHWM:/ { h = $2 } END { printf "%.0f %.0f\n", r / 1024, h / 1024 }' "/proc/$site_pid/status"; }

# A valid PDF of about 50 MB (one blank page and an incompressible 50,000,000-byte stream, xref offsets exact):
# entry files accept PDFs up to 50 MiB, and the store checks only the signature, so the size is what counts here.
make_pdf() {
    local file=$1 data=50000000 offsets=() xref
    [[ -f $file ]] && return 0
    printf '%%PDF-1.4\n' >"$file.part"
    add() { offsets+=("$(stat -c %s "$file.part")"); printf "$@" >>"$file.part"; }
    add '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'
    add '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'
    add '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n'
    add '4 0 obj\n<< /Length %d >>\nstream\n' "$data"
    head -c "$data" /dev/urandom >>"$file.part"
    printf '\nendstream\nendobj\n' >>"$file.part"
    xref=$(stat -c %s "$file.part")
    { printf 'xref\n0 5\n0000000000 65535 f \n'; printf '%010d 00000 n \n' "${offsets[@]}"
      printf 'trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' "$xref"; } >>"$file.part"
    mv "$file.part" "$file"
}

# Uploads the PDF as an entry file through the real form (antiforgery token, licence version, both ticks) into open
# challenges the account has not entered (at most 3 entries per challenge), once then 4 at a time; then downloads it,
# 5 times in a row then 4 at a time. MB/s per transfer (and for the 4 together: bytes / wall time), and the growth of
# the site's VmRSS / VmHWM across each step. Writes artifacts/bench/transfers-VOLUME.{tsv,md}.
transfers() {
    local volume=$1 db=$2 jar=$3 pdf=$DIR/bench-50mb.pdf size table=$OUT/transfers-$volume.tsv
    make_pdf "$pdf"
    size=$(stat -c %s "$pdf")
    local -a open
    mapfile -t open < <("${PSQL[@]}" -d "$db" -c "
        SELECT c.\"Id\" FROM \"Challenges\" c WHERE c.\"Status\" = 'Open' AND c.\"Visibility\" = 'Public'
          AND c.\"SubmissionOpensAt\" < now() AND c.\"SubmissionDeadline\" > now() + interval '1 hour'
          AND NOT EXISTS (SELECT 1 FROM \"Entries\" e JOIN \"AspNetUsers\" u ON u.\"Id\" = e.\"CreativeUserId\"
                          WHERE e.\"ChallengeId\" = c.\"Id\" AND u.\"Email\" = 'crowd@bench.example')
        ORDER BY c.\"Id\" LIMIT 5")
    ((${#open[@]} == 5)) || { say "transfers: fewer than 5 open challenges, skipped"; return 0; }

    upload() { # upload CHALLENGE OUTFILE: "status seconds entry-path"
        local form token key licence
        form=$(curl -s -b "$jar" "http://127.0.0.1:$SITE_PORT/Challenges/$1/enter")
        token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$form" | head -n 1 | sed 's/.*value="//; s/"$//')
        key=$(grep -o 'name="Input.SubmissionKey" value="[^"]*"' <<<"$form" | sed 's/.*value="//; s/"$//')
        licence=$(grep -o 'name="Input.LicenceVersionId" value="[^"]*"' <<<"$form" | sed 's/.*value="//; s/"$//')
        curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total} %{redirect_url}\n' \
            -F "__RequestVerificationToken=$token" -F "Input.SubmissionKey=$key" -F "Input.LicenceVersionId=$licence" \
            -F "Input.Title=Fifty megabytes" -F "Input.Description=The benchmark's 50 MB upload." \
            -F "Input.Files=@$pdf;type=application/pdf;filename=bench-50mb.pdf" \
            -F "Input.AcceptLicence=true" -F "Input.DeclareOriginal=true" \
            "http://127.0.0.1:$SITE_PORT/Challenges/$1/enter" |
            awk '{ print ($1 == 302 && $3 ~ /\/Entries\//) ? "ok" : "failed:" $1, $2, $3 }' >>"$2"
    }
    download() { # download OUTFILE: "ok|failed seconds"
        curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total} %{size_download}\n' "$url" |
            awk -v size="$size" '{ print ($1 == 200 && $3 == size) ? "ok" : "failed:" $1, $2 }' >>"$1"
    }
    first_upload() { upload "${open[0]}" "$2"; }
    more_uploads() { upload "${open[$((1 + $1))]}" "$2"; }
    sequential_downloads() { local j; for ((j = 0; j < 5; j++)); do download "$2"; done; }
    parallel_download() { download "$2"; }

    # step NAME COUNT FUNCTION: COUNT workers at once (FUNCTION INDEX OUTFILE, a line per transfer of the file), then
    # a row: MB/s of each transfer, MB/s of them all (bytes / wall time), failures, growth of VmRSS and VmHWM.
    step() {
        local name=$1 count=$2 function=$3 i before after started wall
        before=$(site_memory)
        rm -f "$TMP"/transfer-*
        started=$(date +%s%N)
        local workers=()
        for ((i = 0; i < count; i++)); do "$function" "$i" "$TMP/transfer-$i" & workers+=($!); done
        wait "${workers[@]}" # not a bare wait: the site is a background job of this shell too
        wall=$(($(date +%s%N) - started))
        after=$(site_memory)
        cat "$TMP"/transfer-* | awk -F' ' -v name="$name" -v count="$count" -v size="$size" -v wall="$wall" \
            -v before="$before" -v after="$after" '
            { n++; if ($1 != "ok") bad++; each = each (n > 1 ? " / " : "") sprintf("%.1f", $2 > 0 ? size / $2 / 1e6 : 0) }
            END { split(before, b, " "); split(after, a, " ")
                  printf "%s\t%d\t%s\t%.1f\t%d\t%d\t%d\t%d / %d\n", name, count, each, n * size / (wall / 1e9) / 1e6, bad,
                          a[1] - b[1], a[2] - b[2], a[1], a[2] }' >>"$table"
    }

    : >"$table"
    say "transfers: one 50 MB upload, then 4 at once"
    step "upload" 1 first_upload
    local entry file
    entry=$(awk '{ print $3 }' "$TMP/transfer-0" | grep -o '[0-9a-f-]\{36\}' | head -n 1)
    step "upload, 4 at once" 4 more_uploads
    if [[ -z $entry ]]; then
        say "transfers: the upload did not create an entry (see $table)"
    else
        file=$("${PSQL[@]}" -d "$db" -c "SELECT \"Id\" FROM \"EntryFiles\" WHERE \"EntryId\" = '$entry' LIMIT 1")
        url="http://127.0.0.1:$SITE_PORT/Entries/$entry/files/$file/bench-50mb.pdf"
        say "transfers: downloads of $url"
        download "$TMP/warm" # the first request warms the route up
        step "download, 5 in a row" 1 sequential_downloads
        step "download, 4 at once" 4 parallel_download
    fi
    print_transfers "$volume" | tee "$OUT/transfers-$volume.md"
}

print_transfers() {
    printf '\n### 50 MB files at %s challenges (%s bytes; MB = 10^6 bytes; memory growth of the site across the step)\n\n' \
        "$1" "$(stat -c %s "$DIR/bench-50mb.pdf")"
    printf '| transfer | at once | MB/s each | MB/s total | errors | VmRSS +MB | VmHWM +MB | VmRSS / VmHWM after, MB |\n'
    printf '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |\n'
    awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$OUT/transfers-$1.tsv"
}

print_volume() {
    local volume=$1
    printf '\n### %s challenges (start to ready: %s ms; wrk -t%s -c%s -d%s)\n\n' "$volume" "$(cat "$OUT/ready-$volume.txt")" \
        "$THREADS" "$CONNECTIONS" "$DURATION"
    printf '| page | kind | req/s | p50 ms | p99 ms | errors | SQL/req | bytes | x home | targets |\n'
    printf '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n'
    awk -F'\t' '
        NR == 1 { home = $4 }
        {
            ratio = home > 0 ? $4 / home : 0
            need = $2 == "anonymous" ? 0.5 : 0.1
            miss = ""
            if ($1 != "home" && ratio < need) miss = miss sprintf(" ratio<%.1f", need)
            if ($6 > 100) miss = miss " p99>100ms"
            if ($7 > 0 || $10 !~ /^2/) miss = miss " errors"
            if ($8 > 4) miss = miss " SQL>4"
            if ($3 == "list" && $9 > 60 * 1024) miss = miss " >60KB"
            printf "| %s | %s | %.0f | %s | %s | %d | %s | %d | %.2f | %s |\n", $1, $2, $4, $5, $6, $7, $8, $9, ratio, miss == "" ? "met" : "NOT met:" miss
        }' "$OUT/volume-$volume.tsv"
}

print_comparison() {
    local small=$1 large=$2
    printf '\n### %s vs %s challenges (target: requests/s at %s >= 0.7x at %s)\n\n' "$large" "$small" "$large" "$small"
    printf '| page | req/s at %s | req/s at %s | ratio | target |\n| --- | ---: | ---: | ---: | --- |\n' "$small" "$large"
    awk -F'\t' 'NR == FNR { s[$1] = $4; next }
        { r = (s[$1] > 0) ? $4 / s[$1] : 0; printf "| %s | %.0f | %.0f | %.2f | %s |\n", $1, s[$1], $4, r, ((r >= 0.7) ? "met" : "NOT met") }' \
        "$OUT/volume-$small.tsv" "$OUT/volume-$large.tsv"
}

IFS=, read -r -a volumes <<<"$VOLUMES"
for volume in "${volumes[@]}"; do run_volume "$volume"; done
if ((${#volumes[@]} >= 2)); then
    print_comparison "${volumes[0]}" "${volumes[-1]}" | tee "$OUT/comparison.md"
fi
say "tables written to artifacts/bench/"
