// The buyer's orders with live state: re-read every two seconds while one is still being written
// (CREATING) or while the page waits for a state change; pay (token fetched behind the click, retried while
// the order is not ready) and cancel.
'use strict';

(() => {
    const LABELS = {
        CREATING: '已受理 Accepted', CREATED: '已创建 Created', PAID: '已支付 Paid',
        CANCELLED: '已取消 Cancelled', CLOSED: '已关闭 Closed', FAILED: '失败 Failed'
    };
    const body = document.getElementById('orders');
    let timer = null;

    function actionButton(text, className, handler) {
        const button = Tk.el('button', text, 'btn btn-sm me-2 ' + className);
        button.type = 'button';
        let busy = false;
        button.addEventListener('click', async () => {
            if (busy) {
                return;
            }
            busy = true;
            button.disabled = true;
            try {
                await handler();
            } finally {
                busy = false;
                button.disabled = false;
                await load();
            }
        });
        return button;
    }

    async function pay(orderId) {
        const token = await Tk.api('GET', '/idempotent/token?scene=pay');
        if (!token.ok) {
            Tk.status(Tk.failure(token, '支付 Pay'), 'danger');
            return;
        }
        for (let attempt = 0; attempt < 20; attempt++) {
            const answer = await Tk.api('POST', '/trade/pay', {orderId}, {'Idempotency-Key': token.body.data});
            if (answer.ok) {
                Tk.status('支付成功 Paid: ' + orderId, 'success');
                return;
            }
            if (answer.body.code !== 'ORDER_NOT_READY') {
                Tk.status(Tk.failure(answer, '支付 Pay'), 'danger');
                return;
            }
            await Tk.sleep(1000);
        }
        Tk.status('订单仍在处理中，请稍后再试 The order is still being written: try again.', 'warning');
    }

    async function cancel(orderId) {
        const answer = await Tk.api('POST', '/trade/cancel', {orderId});
        Tk.status(answer.ok ? '已取消 Cancelled: ' + orderId : Tk.failure(answer, '取消 Cancel'),
            answer.ok ? 'success' : 'danger');
    }

    async function load() {
        clearTimeout(timer);
        const answer = await Tk.api('GET', '/trade/orders');
        if (!answer.ok) {
            Tk.status(Tk.failure(answer, '读取订单 Orders'), 'warning');
            return;
        }
        const orders = answer.body.list || [];
        body.replaceChildren();
        for (const order of orders) {
            const row = document.createElement('tr');
            row.dataset.orderId = order.orderId;
            row.dataset.state = order.state;
            row.append(Tk.el('td', order.orderId, 'hash'), Tk.el('td', order.collectionName),
                Tk.el('td', order.quantity), Tk.el('td', '¥' + order.amount),
                Tk.el('td', LABELS[order.state] || order.state, 'state'));
            const actions = document.createElement('td');
            if (order.state === 'CREATING' || order.state === 'CREATED') {
                actions.append(actionButton('支付 Pay', 'btn-primary pay', () => pay(order.orderId)),
                    actionButton('取消 Cancel', 'btn-outline-secondary cancel', () => cancel(order.orderId)));
            }
            if (order.state === 'PAID') {
                const link = Tk.el('a', '查看藏品 My NFTs');
                link.href = '/web/nfts';
                actions.append(link);
            }
            row.append(actions);
            body.append(row);
        }
        if (orders.length === 0) {
            const row = document.createElement('tr');
            const cell = Tk.el('td', '暂无订单 No orders yet.');
            cell.colSpan = 6;
            row.append(cell);
            body.append(row);
        }
        if (orders.some(o => o.state === 'CREATING')) {
            timer = setTimeout(load, 2000);
        }
    }

    load();
})();
