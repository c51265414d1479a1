#!/usr/bin/env bash
# serve-hostile.sh measures issue 14's done-when for ssrm serve: the files
# A (xref /Size 2^31-1), B (1 GiB FlateDecode stream) and C (one page listed
# 100,000 times) are dropped twice each, on the role detection and on the
# analysis, each followed by a normal upload (the sample vendor). It prints
# one line per request (HTTP status, seconds), then the sample analysed
# while C holds a slot, and at the end the server's
# peak RSS (VmHWM), the largest total RSS of its reader processes seen, and
# whether the server is still up.
#
#   scripts/serve-hostile.sh                 from the repository root
#   TIMEOUT=30s scripts/serve-hostile.sh     a shorter --timeout
#
# Needs go, curl and a Linux /proc. Uses port $PORT (default 18080).
set -euo pipefail

PORT=${PORT:-18080}
TIMEOUT=${TIMEOUT:-2m}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

go build -o "$work/ssrm" ./cmd/ssrm
go run ./internal/hostile/hostilegen "$work/hostile" >/dev/null
sample=samples/nimbus-ledger

"$work/ssrm" serve --addr "127.0.0.1:$PORT" --max-analyses 2 --timeout "$TIMEOUT" 2>"$work/serve.log" &
server=$!
url="http://127.0.0.1:$PORT"
for _ in $(seq 50); do curl -s -o /dev/null "$url/" && break; sleep 0.1; done

# Sample the server's RSS and the sum of its children's every 100 ms.
(
	while kill -0 "$server" 2>/dev/null; do
		kids=0
		for k in $(pgrep -P "$server" || true); do
			r=$(awk '/^VmRSS/{print $2}' "/proc/$k/status" 2>/dev/null || echo 0)
			kids=$((kids + ${r:-0}))
		done
		echo "$(awk '/^VmRSS/{print $2}' "/proc/$server/status" 2>/dev/null || echo 0) $kids"
		sleep 0.1
	done
) >"$work/rss.log" &

token=$(curl -s -c "$work/jar" "$url/" | grep -o 'name="csrf" value="[0-9a-f]*"' | cut -d'"' -f4)

# post PATH FILE... : prints "status seconds" and keeps the body in $work/body.
post() {
	local path=$1
	shift
	local args=()
	for f in "$@"; do args+=(-F "files=@$f"); done
	curl -s -o "$work/body" -w '%{http_code} %{time_total}\n' -b "$work/jar" -H 'Accept: application/json' \
		-F "csrf=$token" -F service_model=saas "${args[@]}" "$url$path" || echo "000 -"
}

printf '%-16s %-5s %-8s %6s %8s  %s\n' file round request status seconds answer
for r in pdf-xref-size pdf-flate-bomb pdf-page-repeat; do
	for round in 1 2; do
		f="$work/hostile/$r.pdf"
		for req in /detect /analyze; do
			read -r code secs < <(post "$req" "$f")
			printf '%-16s %-5s %-8s %6s %8s  %s\n' "$r" "$round" "$req" "$code" "$secs" "$(head -c 150 "$work/body" | tr '\n' ' ')"
		done
		read -r code secs < <(post /analyze "$sample/questionnaire.xlsx" "$sample/agreement.pdf")
		printf '%-16s %-5s %-8s %6s %8s  %s\n' "sample" "$round" /analyze "$code" "$secs" "$(head -c 80 "$work/body")"
	done
done

# While C holds one of the two slots, the sample takes the other.
post /analyze "$work/hostile/pdf-page-repeat.pdf" >"$work/bg" &
bg=$!
sleep 1
read -r code secs < <(post /analyze "$sample/questionnaire.xlsx" "$sample/agreement.pdf")
printf '%-16s %-5s %-8s %6s %8s  %s\n' "sample" "C on" /analyze "$code" "$secs" "$(head -c 80 "$work/body")"
wait "$bg"
printf '%-16s %-5s %-8s %6s\n' "pdf-page-repeat" "bg" /analyze "$(cat "$work/bg")"

up=no
kill -0 "$server" 2>/dev/null && up=yes
hwm=$(awk '/^VmHWM/{print $2}' "/proc/$server/status" 2>/dev/null || echo "?")
kids=$(awk 'BEGIN{m=0} {if ($2>m) m=$2} END{print m}' "$work/rss.log")
echo "server up: $up; server peak RSS (VmHWM): $((hwm / 1024)) MB; readers' largest total RSS seen: $((kids / 1024)) MB"
