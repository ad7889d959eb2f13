// The admin's collections: create (the form's values as JSON), open a sale, freeze a user. The API refuses
// everyone but an ADMIN session; this page only shows its answers.
'use strict';

(() => {
    const PRICE = /^[0-9]{1,12}(\.[0-9]{1,2})?$/;
    const tbody = document.getElementById('admin-collections');
    // The list answer is cached for seconds; collections created here are read one by one (fresh) as well.
    const mine = [];

    async function load() {
        const answer = await Tk.api('GET', '/collections?page=1&size=50');
        if (!answer.ok) {
            Tk.status(Tk.failure(answer, '读取藏品 Collections'), 'warning');
            return;
        }
        const listed = answer.body.list || [];
        const fresh = [];
        for (const id of mine) {
            const detail = await Tk.api('GET', '/collections/' + id);
            if (detail.ok) {
                fresh.push(detail.body.data);
            }
        }
        const freshIds = new Set(fresh.map(c => String(c.collectionId)));
        tbody.replaceChildren();
        for (const c of fresh.concat(listed.filter(c => !freshIds.has(String(c.collectionId))))) {
            const row = document.createElement('tr');
            row.dataset.collectionId = c.collectionId;
            row.dataset.state = c.state;
            row.append(Tk.el('td', c.collectionId), Tk.el('td', c.name, 'name'), Tk.el('td', '¥' + c.price),
                Tk.el('td', c.quantity), Tk.el('td', new Date(c.saleTime).toLocaleString('zh-CN')),
                Tk.el('td', c.state === 'ON_SALE' ? '开售中 On sale' : '未开售 Not open', 'state'));
            const actions = document.createElement('td');
            if (c.state !== 'ON_SALE') {
                const open = Tk.el('button', '开售 Open', 'btn btn-sm btn-success open');
                open.type = 'button';
                open.addEventListener('click', async () => {
                    open.disabled = true;
                    const result = await Tk.api('POST', '/admin/collections/' + c.collectionId + '/open');
                    Tk.status(result.ok ? '已开售 Opened: ' + c.name : Tk.failure(result, '开售 Open'),
                        result.ok ? 'success' : 'danger');
                    await load();
                });
                actions.append(open);
            }
            row.append(actions);
            tbody.append(row);
        }
    }

    Tk.onSubmit(document.getElementById('create-form'), async (data, form) => {
        if (!PRICE.test(data.price || '') || !/^[1-9][0-9]{0,8}$/.test(data.quantity || '') || !data.saleTime) {
            Tk.status('请填写有效的价格、数量和开售时间 Enter a valid price, quantity and sale time.', 'danger');
            return;
        }
        // Price as a JSON number written from its validated digits (no binary floating point in between).
        const body = '{"name":' + JSON.stringify(data.name || '') + ',"cover":' + JSON.stringify(data.cover || '')
            + ',"price":' + data.price + ',"quantity":' + data.quantity
            + ',"saleTime":' + JSON.stringify(new Date(data.saleTime).toISOString())
            + ',"bookRequired":' + (form.bookRequired.checked ? 'true' : 'false') + '}';
        const answer = await Tk.api('POST', '/admin/collections', body);
        if (answer.ok) {
            mine.unshift(String(answer.body.data));
            Tk.status('已创建 Created: ' + answer.body.data, 'success');
            form.reset();
            await load();
        } else {
            Tk.status(Tk.failure(answer, '创建 Create'), 'danger');
        }
    });

    Tk.onSubmit(document.getElementById('freeze-form'), async (data) => {
        if (!Tk.isId(data.userId || '')) {
            Tk.status('用户编号无效 Invalid user id.', 'danger');
            return;
        }
        const answer = await Tk.api('POST', '/admin/users/' + data.userId + '/freeze');
        Tk.status(answer.ok ? '已冻结 Frozen: ' + data.userId : Tk.failure(answer, '冻结 Freeze'),
            answer.ok ? 'success' : 'danger');
    });

    load();
})();
