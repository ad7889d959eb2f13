#!/bin/bash
# A/B of deduct-script variants (the *.lua files beside this script; cur.lua = the first version of
# StockScripts.DEDUCT, ref.lua = the issue's minimal reference) in one scratch redis-server bound to
# 127.0.0.1 (no persistence), interleaved per round, redis-benchmark -c 50 -P PIPELINE -n N each.
# Prints rps and the server's own CPU per call (INFO cpu delta / N), the steadier number on a shared
# machine. Needs redis-cli and redis-benchmark on PATH. Run from this directory.
# Third pass: pass2.lua = StockScripts.DEDUCT as shipped by the second pass (string reply, concatenated
# record); pass2notime.lua / pass2noindex.lua = pass2 without TIME (constant ts) / without the index
# field (attribution only, not shippable); fewconv.lua = pass2 turning each number into text once
# (shipped by the third pass). ref's rps column is not parsed (its JSON argument has commas): read its us.
# Fourth pass (the floor the contract sets): reftime.lua = ref + one TIME call (ref's arguments);
# contractmin.lua = the least a script can do and still meet the contract's deduct: the replay lookup
# returning the first record, GET, DECRBY, TIME, and a record holding type, before, after, delta,
# identifier and Redis time — no validation, no sold-out or missing-stock codes, no index field.
# cmchecks / cmts / cmidx / cmreply = contractmin plus one of the shipped script's parts each (the
# checks and codes, the millisecond timestamp, the index field, the string reply); pass3.lua =
# StockScripts.DEDUCT before the fourth pass (Lua pattern check). The variant name "shipped" is read
# from StockScripts.DEDUCT itself at run time (the fourth pass measured it as pass4: pcall DECRBY).
# usage: run.sh SERVER PORT ROUNDS N PIPELINE variants...
SERVER=$1; PORT=$2; ROUNDS=$3; N=$4; P=$5; shift 5
$SERVER --port $PORT --bind 127.0.0.1 --save "" --appendonly no --daemonize no --protected-mode yes > /tmp/stock-lua-ab-server-$PORT.log 2>&1 &
SPID=$!
sleep 0.5
CLI="redis-cli -h 127.0.0.1 -p $PORT"
cpu() { $CLI info cpu | tr -d '\r' | awk -F: '/^used_cpu_(sys|user):/ {s+=$2} END {printf "%.6f", s}'; }
# The current deduct script, straight from the Java text block (12 spaces of indentation).
shipped() { python3 -c "import re,sys; s=open(sys.argv[1]).read(); b=re.search(r'DEDUCT = \"\"\"\n(.*?)\"\"\"', s, re.S).group(1); print('\n'.join(l[12:] for l in b.split('\n')))" ../../../starter-stock-lua/src/main/java/io/tradekit/stock/redis/StockScripts.java; }
declare -A SHA
for v in "$@"; do
  if [ $v = shipped ]; then SHA[$v]=$($CLI script load "$(shipped)"); else SHA[$v]=$($CLI script load "$(cat $v.lua)"); fi
done
for r in $(seq 1 $ROUNDS); do
  line="round $r:"
  for v in "$@"; do
    $CLI del 's:{bench}:records' > /dev/null; $CLI set 's:{bench}' 1000000000000 > /dev/null
    if [ $v = ref ] || [ $v = reftime ]; then A=('b|__rand_int__|-1' 1 '{"type":"DEDUCT","before":1000000000000,"after":999999999999,"delta":-1,"identifier":"x","ts":1700000000000}');
    else A=('b|__rand_int__|-1' 1 i '#D|i'); fi
    c0=$(cpu)
    out=$(redis-benchmark -h 127.0.0.1 -p $PORT -c 50 -P $P -n $N -r 1000000000 --csv evalsha ${SHA[$v]} 2 's:{bench}' 's:{bench}:records' "${A[@]}" 2>&1)
    c1=$(cpu)
    rps=$(echo "$out" | grep -i '^"evalsha' | sed -E 's/^"[^"]*","([0-9.]+)".*/\1/')
    err=$(echo "$out" | grep -ci error)
    us=$(python3 -c "print(round(($c1-$c0)*1e6/$N,2))")
    line="$line $v=${rps}rps/${us}us${err:+(err $err)}"
  done
  echo "$line"
done
kill $SPID
