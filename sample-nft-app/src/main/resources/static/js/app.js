// Shared by every page: calls to the JSON API with the HttpOnly login cookie (never a token in script or
// URL), the cross-site header the server requires for cookie-authenticated changes, and status messages.
// Text from the server is only ever put into the page with textContent, never as HTML.
'use strict';

const Tk = (() => {
    const ID = /^[1-9][0-9]{0,18}$/;

    async function api(method, path, body, extraHeaders) {
        const headers = Object.assign({'Accept': 'application/json', 'X-Requested-With': 'tradekit-web'},
            extraHeaders || {});
        const init = {method, headers, credentials: 'same-origin', cache: 'no-store'};
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
            init.body = typeof body === 'string' ? body : JSON.stringify(body);
        }
        let response;
        try {
            response = await fetch(path, init);
        } catch (e) {
            return {status: 0, ok: false, body: {success: false, code: 'NETWORK', message: '网络错误 Network error'}};
        }
        let json = null;
        const type = response.headers.get('Content-Type') || '';
        if (type.includes('json')) {
            json = await response.json();
        }
        return {status: response.status, ok: response.ok && !!json && json.success === true, body: json || {},
            response};
    }

    function status(message, kind) {
        const box = document.getElementById('status');
        if (!box) {
            return;
        }
        box.className = 'alert alert-' + (kind || 'info');
        box.textContent = message;
    }

    /** The failure text of an answer: Chinese first, then the server's own (English) message. */
    function failure(answer, what) {
        if (answer.status === 401) {
            return what + '：请先登录 Please log in first.';
        }
        if (answer.status === 403) {
            return what + '：无权限 Not allowed (' + (answer.body.message || '') + ')';
        }
        return what + '失败 failed: ' + (answer.body.code || answer.status) + ' ' + (answer.body.message || '');
    }

    function el(tag, text, className) {
        const node = document.createElement(tag);
        if (text !== undefined && text !== null) {
            node.textContent = String(text);
        }
        if (className) {
            node.className = className;
        }
        return node;
    }

    /** A form's fields as an object of strings (empty fields left out). */
    function fields(form) {
        const out = {};
        new FormData(form).forEach((value, key) => {
            if (typeof value === 'string' && value.trim() !== '') {
                out[key] = value.trim();
            }
        });
        return out;
    }

    /**
     * Runs a submit handler with the form's button disabled until it ends: a double click makes one call.
     */
    function onSubmit(form, handler) {
        let busy = false;
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            if (busy) {
                return;
            }
            busy = true;
            const buttons = form.querySelectorAll('button[type=submit]');
            buttons.forEach(b => b.disabled = true);
            try {
                await handler(fields(form), form);
            } finally {
                busy = false;
                buttons.forEach(b => b.disabled = false);
            }
        });
    }

    function sleep(ms) {
        return new Promise(resolve => setTimeout(resolve, ms));
    }

    document.addEventListener('DOMContentLoaded', () => {
        const logout = document.getElementById('logout');
        if (logout) {
            logout.addEventListener('click', async () => {
                await api('POST', '/user/logout');
                window.location.assign('/');
            });
        }
    });

    return {api, status, failure, el, fields, onSubmit, sleep, isId: (s) => ID.test(String(s))};
})();
