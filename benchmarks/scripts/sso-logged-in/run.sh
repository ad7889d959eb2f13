#!/usr/bin/env bash
# Logged-in GET vs public cached GET against a running sample-nft-app jar, in one run (issue 17).
#   benchmarks/scripts/sso-logged-in/run.sh <base-url> <app-pid> [duration=15s] [rounds=2] [warm-up=10s]
# Logs in as the bootstrap admin, creates and opens one collection, then alternates
#   wrk -t2 -c32 -d<duration>  GET /collections/{id}            (public, cached)
#   wrk -t2 -c32 -d<duration>  GET /user/me  + tradekit-token   (logged in)
# and prints rps, p50/p99 and app CPU per request (utime+stime of the app process from /proc).
set -euo pipefail
H=${1:?base url}; PID=${2:?app pid}; D=${3:-15s}; ROUNDS=${4:-2}; WARM=${5:-10s}
J="Content-Type: application/json"
TOKEN=$(curl -s -H "$J" "$H/user/login" -d '{"telephone":"13800000000","password":"Admin-Pass-2026"}' | jq -er .data)
C=$(curl -s -H "$J" -H "tradekit-token: $TOKEN" "$H/admin/collections" -d '{"name":"Bench","cover":"https://img.example/b.png",
  "price":1.00,"quantity":100,"saleTime":"2026-01-01T00:00:00Z","bookRequired":false}' | jq -er .data)
curl -s -o /dev/null -X POST -H "tradekit-token: $TOKEN" "$H/admin/collections/$C/open"
TICK=$(getconf CLK_TCK)
cpu() { awk '{print $14+$15}' "/proc/$PID/stat"; }
run() { # name, wrk args...
  local name=$1; shift
  local c0; c0=$(cpu)
  local out; out=$(wrk -t2 -c32 -d"$D" --latency "$@")
  local c1; c1=$(cpu)
  local rps; rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  local n; n=$(awk '/requests in/ {print $1}' <<<"$out")
  local p50; p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  local p99; p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  local non2xx; non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  local ms; ms=$(awk -v a="$c0" -v b="$c1" -v t="$TICK" -v n="$n" 'BEGIN {printf "%.3f", (b-a)*1000/t/n}')
  printf '%-14s rps=%-9s p50=%-8s p99=%-8s cpu/req=%sms non2xx=%s\n' "$name" "$rps" "$p50" "$p99" "$ms" "${non2xx:-0}"
  echo "$rps" > "/tmp/sso-bench-$name.rps"
}
wrk -t2 -c32 -d"$WARM" "$H/collections/$C" >/dev/null          # warm-up
wrk -t2 -c32 -d"$WARM" -H "tradekit-token: $TOKEN" "$H/user/me" >/dev/null
for r in $(seq "$ROUNDS"); do
  run public "$H/collections/$C"
  run logged-in -H "tradekit-token: $TOKEN" "$H/user/me"
  awk -v a="$(cat /tmp/sso-bench-logged-in.rps)" -v b="$(cat /tmp/sso-bench-public.rps)" \
    'BEGIN {printf "round '"$r"': logged-in / public = %.2f\n", a/b}'
done
