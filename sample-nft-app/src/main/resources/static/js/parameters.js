// Parameter management screens: vouchers, their elements (each a rule), business types and the published,
// versioned rule sets. The API (ADMIN only) validates and versions; this page lists and submits.
'use strict';

(() => {
    const CODE = /^[A-Za-z0-9_.-]{1,40}$/;

    function args(map) {
        return Object.entries(map || {}).map(([k, v]) => k + '=' + v).join(', ');
    }

    async function elements(voucher) {
        document.getElementById('elements-of').textContent = voucher;
        const answer = await Tk.api('GET', '/parameter/vouchers/' + encodeURIComponent(voucher) + '/elements');
        const body = document.getElementById('elements');
        body.replaceChildren();
        if (!answer.ok) {
            Tk.status(Tk.failure(answer, '读取要素 Elements'), 'warning');
            return;
        }
        for (const e of answer.body.list || []) {
            const row = document.createElement('tr');
            row.append(Tk.el('td', e.code), Tk.el('td', e.name), Tk.el('td', e.sourceType + ' ' + e.sourcePath),
                Tk.el('td', e.ruleType), Tk.el('td', args(e.args)), Tk.el('td', e.message));
            const actions = document.createElement('td');
            const remove = Tk.el('button', '删除 Delete', 'btn btn-sm btn-outline-danger');
            remove.type = 'button';
            remove.addEventListener('click', async () => {
                const result = await Tk.api('DELETE', '/parameter/elements/' + e.id);
                Tk.status(result.ok ? '已删除 Deleted: ' + e.code : Tk.failure(result, '删除 Delete'),
                    result.ok ? 'success' : 'danger');
                await elements(voucher);
            });
            actions.append(remove);
            row.append(actions);
            body.append(row);
        }
    }

    async function vouchers() {
        const answer = await Tk.api('GET', '/parameter/vouchers');
        const list = document.getElementById('vouchers');
        list.replaceChildren();
        if (!answer.ok) {
            Tk.status(Tk.failure(answer, '读取凭证 Vouchers'), 'warning');
            return;
        }
        for (const v of answer.body.list || []) {
            const item = Tk.el('li', null, 'list-group-item');
            const button = Tk.el('button', v.code + ' · ' + v.name, 'btn btn-link p-0');
            button.type = 'button';
            button.addEventListener('click', () => elements(v.code));
            item.append(button);
            list.append(item);
        }
        const first = (answer.body.list || [])[0];
        if (first) {
            await elements(first.code);
        }
    }

    async function businessTypes() {
        const answer = await Tk.api('GET', '/parameter/business-types');
        const list = document.getElementById('business-types');
        list.replaceChildren();
        if (answer.ok) {
            for (const t of answer.body.list || []) {
                list.append(Tk.el('li', t.code + ' · ' + t.name + ' · 凭证 vouchers: ' + (t.voucherCodes || []).join(', '),
                    'list-group-item'));
            }
        }
    }

    Tk.onSubmit(document.getElementById('voucher-form'), async (data, form) => {
        const answer = await Tk.api('POST', '/parameter/vouchers', data);
        Tk.status(answer.ok ? '已新增 Added: ' + data.code : Tk.failure(answer, '新增凭证 Add voucher'),
            answer.ok ? 'success' : 'danger');
        if (answer.ok) {
            form.reset();
            await vouchers();
        }
    });

    Tk.onSubmit(document.getElementById('version-form'), async (data) => {
        if (!CODE.test(data.code || '') || (data.version && !/^[1-9][0-9]{0,8}$/.test(data.version))) {
            Tk.status('业务类型或版本无效 Invalid business type or version.', 'danger');
            return;
        }
        const query = data.version ? '?version=' + data.version : '';
        const answer = await Tk.api('GET', '/parameter/business-types/' + encodeURIComponent(data.code)
            + '/rule-set' + query);
        const body = document.getElementById('ruleset');
        body.replaceChildren();
        if (!answer.ok) {
            Tk.status(Tk.failure(answer, '读取规则集 Rule set'), 'danger');
            return;
        }
        const set = answer.body.data;
        document.getElementById('ruleset-meta').textContent = '版本 Version ' + set.version + ' · 发布 Published '
            + set.publishedAt + ' · ' + (set.publishedBy || '');
        for (const e of set.elements || []) {
            const row = document.createElement('tr');
            row.append(Tk.el('td', e.voucherCode), Tk.el('td', e.code + ' ' + e.name), Tk.el('td', e.ruleType),
                Tk.el('td', args(e.args)));
            body.append(row);
        }
    });

    vouchers();
    businessTypes();
})();
