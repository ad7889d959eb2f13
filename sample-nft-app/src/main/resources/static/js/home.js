// The home page: live stock (one small read every few seconds, none for a sold-out collection and none
// while the tab is hidden), a countdown to each sale time, and the buy: the anti-duplicate token is
// fetched behind the click and a click in flight disables the button, so a double click makes one order.
'use strict';

(() => {
    const POLL_MS = 5000;
    const PRICE = /^[0-9]{1,12}(\.[0-9]{1,2})?$/;
    const cards = Array.from(document.querySelectorAll('.collection'))
        .filter(card => Tk.isId(card.dataset.collectionId) && PRICE.test(card.dataset.price));
    const soldOut = new Set();
    const stock = new Map();

    function started(card) {
        return Date.now() >= Number(card.dataset.saleTime);
    }

    function render(card) {
        const id = card.dataset.collectionId;
        const left = stock.get(id);
        card.querySelector('.stock').textContent = left === undefined ? '…' : left < 0 ? '未开售 Not open' : String(left);
        const isSoldOut = soldOut.has(id);
        card.querySelector('.sold-out').classList.toggle('d-none', !isSoldOut);
        const countdown = card.querySelector('.countdown');
        const wait = Number(card.dataset.saleTime) - Date.now();
        if (wait > 0) {
            const s = Math.ceil(wait / 1000);
            const hh = String(Math.floor(s / 3600)).padStart(2, '0');
            const mm = String(Math.floor(s % 3600 / 60)).padStart(2, '0');
            const ss = String(s % 60).padStart(2, '0');
            countdown.textContent = '距开售 Sale starts in ' + hh + ':' + mm + ':' + ss;
        } else {
            countdown.textContent = '已开售 On sale';
        }
        const button = card.querySelector('.buy');
        if (!button.dataset.busy) {
            button.disabled = isSoldOut || !started(card) || !(left > 0);
        }
        if (isSoldOut) {
            button.textContent = '已售罄 Sold out';
        }
    }

    async function poll() {
        const wanted = cards.map(c => c.dataset.collectionId).filter(id => !soldOut.has(id));
        if (wanted.length > 0 && document.visibilityState === 'visible') {
            const answer = await Tk.api('GET', '/web/api/stock?ids=' + wanted.join(','));
            if (answer.ok) {
                for (const [id, left] of Object.entries(answer.body.data)) {
                    stock.set(id, Number(left));
                    if (Number(left) === 0) {
                        soldOut.add(id);
                    }
                }
            }
        }
        cards.forEach(render);
        if (cards.some(c => !soldOut.has(c.dataset.collectionId))) {
            setTimeout(poll, POLL_MS);
        }
    }

    async function buy(card, button) {
        if (button.dataset.busy) {
            return;
        }
        button.dataset.busy = '1';
        button.disabled = true;
        try {
            const id = card.dataset.collectionId;
            const token = await Tk.api('GET', '/idempotent/token?scene=buy');
            if (!token.ok) {
                Tk.status(Tk.failure(token, '购买 Buy'), 'danger');
                return;
            }
            // Ids are built into the JSON as digits: they may exceed JavaScript's safe integers.
            const body = '{"collectionId":' + id + ',"quantity":1,"price":' + card.dataset.price + '}';
            const answer = await Tk.api('POST', '/trade/buy', body, {'Idempotency-Key': token.body.data});
            if (answer.ok) {
                Tk.status('下单成功，订单号 Order accepted: ' + answer.body.data.orderId, 'success');
                window.location.assign('/web/orders');
                return;
            }
            if (answer.body.code === 'SOLD_OUT') {
                soldOut.add(id);
                stock.set(id, 0);
            }
            Tk.status(Tk.failure(answer, '购买 Buy'), 'danger');
        } finally {
            delete button.dataset.busy;
            render(card);
        }
    }

    cards.forEach(card => {
        const button = card.querySelector('.buy');
        button.addEventListener('click', () => buy(card, button));
    });
    setInterval(() => cards.forEach(render), 1000);
    document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') {
            cards.forEach(render);
        }
    });
    poll();
})();
