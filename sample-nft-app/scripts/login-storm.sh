#!/usr/bin/env bash
# The login storm of issue 20 against a running sample on this machine: 200 wrong passwords for one
# account from 64 concurrent clients, while a bystander logs in at 0.3 s and ~1.5 s. Bounded (200
# requests), loopback only. Usage: scripts/login-storm.sh [port] [5-digit suffix for fresh phones]
set -euo pipefail
PORT=${1:-8080}; SUFFIX=${2:-$(printf '%05d' $((RANDOM % 100000)))}
H=http://127.0.0.1:$PORT; J='Content-Type: application/json'
VICTIM=139222$SUFFIX; BYSTANDER=139333$SUFFIX
curl -s -H "$J" "$H/user/register" -d '{"telephone":"'"$VICTIM"'","password":"victim-pass-1"}' >/dev/null
curl -s -H "$J" "$H/user/register" -d '{"telephone":"'"$BYSTANDER"'","password":"bystander-pass-1"}' >/dev/null
login() {
    curl -s -o /dev/null -w "%{http_code} %{time_total}s" -H "$J" "$H/user/login" \
        -d '{"telephone":"'"$BYSTANDER"'","password":"bystander-pass-1"}'
}
CODES=$(mktemp)
echo "bystander before:    $(login)"
START=$(date +%s%N)
seq 1 200 | xargs -P 64 -I{} curl -s -o /dev/null -w "%{http_code}\n" -H "$J" "$H/user/login" \
    -d '{"telephone":"'"$VICTIM"'","password":"wrong-{}"}' > "$CODES" &
STORM=$!
sleep 0.3; echo "bystander at 0.3 s:  $(login)"
sleep 1.2; echo "bystander at ~1.5 s: $(login)"
wait $STORM
echo "storm: $(( ($(date +%s%N) - START) / 1000000 )) ms; answers: $(sort "$CODES" | uniq -c | tr -s ' \n' ' ')"
echo "bystander after:     $(login)"
rm -f "$CODES"
