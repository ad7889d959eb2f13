// The branch officer's pages: log in, the branch's pending list, the submission form, and one application
// (pre-review with every rule's outcome, approve, due diligence, complete, one-click print of the PDF).
// The onboarding API checks the officer's role and branch; this script shows its answers as text.
'use strict';

(() => {
    const STATUS = {
        SUBMITTED: '已提交 Submitted', PRE_REVIEW: '预审中 Pre-review', DUE_DILIGENCE: '尽调中 Due diligence',
        READY_TO_PRINT: '待打印 Ready to print', ARCHIVED: '已归档 Archived', REJECTED: '已拒绝 Rejected',
        RETURNED: '已退回 Returned'
    };
    const OUTCOME = {PASS: '通过 Pass', WARN: '警告 Warn', FAIL: '不通过 Fail'};

    const loginForm = document.getElementById('officer-login-form');
    if (loginForm) {
        Tk.onSubmit(loginForm, async (data) => {
            const answer = await Tk.api('POST', '/onboarding/staff/login', data);
            if (answer.ok) {
                Tk.status('登录成功 Logged in: ' + answer.body.data.name, 'success');
                window.location.assign('/web/officer');
            } else {
                Tk.status(Tk.failure(answer, '登录 Log in'), 'danger');
            }
        });
    }

    const pending = document.getElementById('pending');
    if (pending) {
        Tk.api('GET', '/onboarding/pending?page=1&size=50').then(answer => {
            if (!answer.ok) {
                Tk.status(Tk.failure(answer, '读取待处理 Pending list'), 'warning');
                return;
            }
            for (const item of answer.body.records || []) {
                const row = document.createElement('tr');
                row.dataset.applicationId = item.id;
                const link = Tk.el('a', String(item.id));
                link.href = '/web/officer/applications/' + encodeURIComponent(item.id);
                const idCell = document.createElement('td');
                idCell.append(link);
                row.append(idCell, Tk.el('td', item.appointmentNo), Tk.el('td', item.companyName),
                    Tk.el('td', STATUS[item.status] || item.status), Tk.el('td', item.idExpiryFlag ? '是 Yes' : '否 No'),
                    Tk.el('td', new Date(item.createdAt).toLocaleString('zh-CN')));
                pending.append(row);
            }
        });
    }

    const submitForm = document.getElementById('submit-form');
    if (submitForm) {
        Tk.onSubmit(submitForm, async (data) => {
            const persons = Array.from(submitForm.querySelectorAll('fieldset.person')).map(set => {
                const person = {role: set.dataset.role};
                set.querySelectorAll('[data-field]').forEach(input => {
                    person[input.dataset.field] = input.value.trim() === '' ? null : input.value.trim();
                });
                return person;
            }).filter(p => p.name);
            const answer = await Tk.api('POST', '/onboarding/applications',
                {creditCode: data.creditCode, companyName: data.companyName, persons});
            if (answer.ok) {
                Tk.status('已提交 Submitted: ' + answer.body.data.appointmentNo, 'success');
                window.location.assign('/web/officer/applications/' + answer.body.data.applicationId);
            } else {
                Tk.status(Tk.failure(answer, '提交 Submit'), 'danger');
            }
        });
    }

    const page = document.getElementById('application');
    if (page) {
        const id = page.dataset.applicationId;
        const base = '/onboarding/applications/' + id;

        function showApplication(app) {
            page.dataset.status = app.status;
            const summary = document.getElementById('summary');
            summary.replaceChildren();
            const add = (term, value) => summary.append(Tk.el('dt', term, 'col-sm-3'),
                Tk.el('dd', value === null || value === undefined ? '—' : value, 'col-sm-9'));
            add('预约号 Appointment', app.appointmentNo);
            add('企业 Company', app.companyName);
            add('信用代码 Credit code', app.creditCode);
            add('网点 Branch', app.branchCode);
            add('状态 Status', STATUS[app.status] || app.status);
            add('规则版本 Rule version', app.ruleVersion);
            for (const p of app.persons || []) {
                add(p.role === 'LEGAL_REPRESENTATIVE' ? '法定代表人 Legal representative' : '受益所有人 Beneficial owner',
                    p.name + ' · ' + p.idType + ' ' + p.maskedIdNumber);
            }
            const results = document.getElementById('review-results');
            results.replaceChildren();
            const review = app.review;
            document.getElementById('review-overall').textContent = review
                ? '总体结论 Overall: ' + (OUTCOME[review.overall] || review.overall) + ' · 规则集版本 rule set v'
                    + review.ruleVersion : '尚未预审 Not pre-reviewed yet.';
            if (review) {
                const rows = (review.serverResults || []).map(r => [r, '规则 Rule'])
                    .concat((review.thirdPartyResults || []).map(r => [r, '第三方 Third party']));
                for (const [r, source] of rows) {
                    const row = document.createElement('tr');
                    row.className = 'rule-result';
                    row.dataset.outcome = r.outcome;
                    row.append(Tk.el('td', r.elementCode + ' ' + r.elementName), Tk.el('td', r.subject),
                        Tk.el('td', OUTCOME[r.outcome] || r.outcome), Tk.el('td', r.message), Tk.el('td', source));
                    results.append(row);
                }
            }
        }

        async function loadApplication() {
            const answer = await Tk.api('GET', base);
            if (answer.ok) {
                showApplication(answer.body.data);
            } else {
                Tk.status(Tk.failure(answer, '读取申请 Application'), 'warning');
            }
        }

        async function loadDiligence() {
            const answer = await Tk.api('GET', base + '/due-diligence');
            const body = document.getElementById('checklist');
            body.replaceChildren();
            if (!answer.ok) {
                return;
            }
            const view = answer.body.data;
            for (const item of view.checklist || []) {
                const row = document.createElement('tr');
                row.className = 'check-item';
                row.dataset.code = item.code;
                const select = document.createElement('select');
                select.className = 'form-select form-select-sm';
                select.setAttribute('aria-label', '核查结果 Result: ' + item.label);
                for (const [value, text] of [['CONFIRMED', '已核实 Confirmed'], ['DISCREPANCY', '不一致 Discrepancy'],
                    ['NOT_APPLICABLE', '不适用 Not applicable']]) {
                    const option = Tk.el('option', text);
                    option.value = value;
                    select.append(option);
                }
                const note = document.createElement('input');
                note.className = 'form-control form-control-sm';
                note.setAttribute('aria-label', '备注 Note: ' + item.label);
                const resultCell = document.createElement('td');
                resultCell.append(select);
                const noteCell = document.createElement('td');
                noteCell.append(note);
                row.append(Tk.el('td', item.label), Tk.el('td', OUTCOME[item.preReview] || item.preReview || '—'),
                    resultCell, noteCell);
                body.append(row);
            }
            const latest = view.latest;
            document.getElementById('dd-latest').textContent = latest
                ? '最近记录 Latest: ' + latest.conclusion + ' · ' + latest.officer + ' · ' + latest.recordedAt : '';
        }

        document.querySelectorAll('button.action').forEach(button => {
            button.addEventListener('click', async () => {
                button.disabled = true;
                try {
                    const action = button.dataset.action;
                    const answer = await Tk.api('POST', base + '/actions/' + action, {comment: button.textContent});
                    if (answer.ok) {
                        showApplication(answer.body.data);
                        Tk.status('已完成 Done: ' + button.textContent, 'success');
                        await loadDiligence();
                    } else {
                        Tk.status(Tk.failure(answer, button.textContent), 'danger');
                    }
                } finally {
                    button.disabled = false;
                }
            });
        });

        Tk.onSubmit(document.getElementById('dd-form'), async (data) => {
            const items = Array.from(document.querySelectorAll('#checklist tr.check-item')).map(row => ({
                code: row.dataset.code, result: row.querySelector('select').value,
                note: row.querySelector('input').value.trim() || null
            }));
            const answer = await Tk.api('POST', base + '/due-diligence',
                {items, findings: data.findings || '', conclusion: data.conclusion});
            if (answer.ok) {
                Tk.status('尽调已记录 Due diligence recorded.', 'success');
                await loadDiligence();
            } else {
                Tk.status(Tk.failure(answer, '记录尽调 Due diligence'), 'danger');
            }
        });

        const print = document.getElementById('print');
        print.addEventListener('click', async () => {
            print.disabled = true;
            try {
                // POST with the cross-site header (a plain link could not carry it); the PDF comes back as a blob.
                const response = await fetch(base + '/print', {method: 'POST', credentials: 'same-origin',
                    headers: {'X-Requested-With': 'tradekit-web', 'Accept': 'application/pdf, application/json'}});
                if (!response.ok || !(response.headers.get('Content-Type') || '').includes('pdf')) {
                    const json = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : {};
                    Tk.status(Tk.failure({status: response.status, body: json}, '打印 Print'), 'danger');
                    return;
                }
                const blob = await response.blob();
                const link = document.getElementById('dossier-link');
                link.href = URL.createObjectURL(blob);
                link.download = 'dossier-' + id + '.pdf';
                link.classList.remove('d-none');
                link.click();
                Tk.status('开户资料已生成 Dossier printed (' + blob.size + ' bytes).', 'success');
                await loadApplication();
            } finally {
                print.disabled = false;
            }
        });

        loadApplication();
        loadDiligence();
    }
})();
