#!/usr/bin/env bash
# The five-minute tour of sample-nft-app/README.md as a script, against a running sample-nft-app:
#   scripts/tour.sh [base-url]        (default http://127.0.0.1:8080; needs bash, curl and jq)
# Between the two marker lines stands the README's tour block, verbatim: TourScriptTest fails when they
# differ, and runs this script against a started application. Edit both together.
set -euo pipefail
command -v curl >/dev/null || { echo "tour.sh needs curl" >&2; exit 2; }
command -v jq >/dev/null || { echo "tour.sh needs jq (Debian: apt-get install jq)" >&2; exit 2; }
if [ $# -gt 0 ]; then H=$1; fi

# --- tour:begin (README.md) ---
H=${H:-http://127.0.0.1:8080}; J='Content-Type: application/json'
# Values are read with `jq -e`: a step that fails stops scripts/tour.sh (set -e) instead of going on with "null".
retry() { for _ in $(seq 20); do "$@" && return 0; sleep 1; done; return 1; }   # asynchronous steps

# the admin (sample.user.bootstrap-admin, created at start-up; dev default below) creates a collection and opens the sale
# TOUR-ADMIN-LOGIN (the only line that knows how admins are provisioned):
ADMIN=$(curl -s -H "$J" $H/user/login -d '{"telephone":"13800000000","password":"Admin-Pass-2026"}' | jq -er .data)
C=$(curl -s -H "$J" -H "tradekit-token: $ADMIN" $H/admin/collections -d '{"name":"Moon","cover":"https://img.example/moon.png",
    "price":9.90,"quantity":100,"saleTime":"2026-01-01T00:00:00Z","bookRequired":false}' | jq -er .data)
curl -s -X POST -H "tradekit-token: $ADMIN" $H/admin/collections/$C/open | jq -e .success

# a buyer registers, logs in, passes real-name authentication (GB 11643 check digit)
curl -s -H "$J" $H/user/register -d '{"telephone":"13912345678","password":"buyer-pass-1"}'; echo
T=$(curl -s -H "$J" $H/user/login -d '{"telephone":"13912345678","password":"buyer-pass-1"}' | jq -er .data)
curl -s -H "$J" -H "tradekit-token: $T" $H/user/auth -d '{"realName":"Li Lei","idCardNo":"11010519491231002X"}'; echo

# browse, take an anti-duplicate token, buy; the accepted order is readable at once
curl -s $H/collections/$C; echo
K=$(curl -s -H "tradekit-token: $T" "$H/idempotent/token?scene=buy" | jq -er .data)
O=$(curl -s -H "$J" -H "tradekit-token: $T" -H "Idempotency-Key: $K" $H/trade/buy \
    -d "{\"collectionId\":$C,\"quantity\":1,\"price\":9.90}" | jq -er .data.orderId)
curl -s -H "tradekit-token: $T" $H/trade/orders/$O | jq -e .data.state    # "CREATING", then "CREATED"
# pay: while the order is CREATING the answer is 409 ORDER_NOT_READY (Retry-After: 1), the token stays valid
P=$(curl -s -H "tradekit-token: $T" "$H/idempotent/token?scene=pay" | jq -er .data)
pay() { R=$(curl -s -H "$J" -H "tradekit-token: $T" -H "Idempotency-Key: $P" $H/trade/pay -d "{\"orderId\":\"$O\"}")
    echo "$R"; jq -e '.data.state == "PAID"' <<<"$R" >/dev/null; }
retry pay
# or cancel an unpaid order: POST /trade/cancel {"orderId":"..."} (its stock is back within a second)

# the payment mints the NFT on the local ledger; its block is sealed within seconds
nft() { curl -s -H "tradekit-token: $T" $H/chain/nfts | jq -er '.list[0].tokenId // empty'; }
N=$(retry nft)
retry curl -sf $H/chain/proof/$N; echo     # leaf, sibling path, Merkle root, block header

# onboarding (对公开户): an officer of branch BR001 takes an application from submission to the printed dossier
S=$(curl -s -H "$J" $H/onboarding/staff/login -d '{"loginName":"officer.a1","password":"Demo-Pass-2026"}' \
    | jq -er .data.token)
A=$(curl -s -H "$J" -H "tradekit-token: $S" $H/onboarding/applications -d '{
  "creditCode": "91110105MA01T0UR11", "companyName": "北京月光科技有限公司",
  "persons": [
    {"role": "LEGAL_REPRESENTATIVE", "name": "张三", "nationality": "CHN", "idType": "MAINLAND_ID",
     "idNumber": "110105198506151236", "birthDate": "1985-06-15", "idExpiry": "2036-06-15"},
    {"role": "BENEFICIAL_OWNER", "name": "李四", "nationality": "CHN", "idType": "MAINLAND_ID",
     "idNumber": "110105199003034569", "birthDate": "1990-03-03", "idExpiry": null}]}' | jq -er .data.applicationId)
# pre-review (预审): the published rule set and the business registry judge it; then approve
curl -s -H "$J" -H "tradekit-token: $S" $H/onboarding/applications/$A/actions/PRE_REVIEW \
    -d '{"comment":"资料齐全"}' | jq -e '.data.review.overall == "PASS"'
curl -s -H "$J" -H "tradekit-token: $S" $H/onboarding/applications/$A/actions/APPROVE \
    -d '{"comment":"预审通过"}' | jq -e '.data.status == "DUE_DILIGENCE"'
# due diligence (尽职调查): one answer per checklist item (from the rule set), findings, a conclusion
DD=$(curl -s -H "tradekit-token: $S" $H/onboarding/applications/$A/due-diligence | jq -e '{
  items: [.data.checklist[] | {code, result: "CONFIRMED", note: "原件已核对"}],
  findings: "实地走访经营场所；营业执照及关联人身份证件原件与复印件一致。", conclusion: "PASS"}')
echo "$DD"
curl -s -H "$J" -H "tradekit-token: $S" $H/onboarding/applications/$A/due-diligence -d "$DD" \
    | jq -e '.data.latest | {conclusion, officer, recordedAt}'
curl -s -H "$J" -H "tradekit-token: $S" $H/onboarding/applications/$A/actions/COMPLETE_DUE_DILIGENCE \
    -d '{"comment":"尽调完成"}' | jq -e '.data.status == "READY_TO_PRINT"'
# one-click print (一键打印): archives the application, answers the PDF dossier (saved in this directory)
curl -sf -X POST -H "tradekit-token: $S" -o dossier-$A.pdf -w '%{http_code} %{content_type}\n' \
    $H/onboarding/applications/$A/print
# --- tour:end ---
echo "tour complete"
