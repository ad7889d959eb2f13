// Register, log in and real-name authentication. The login answer's token is ignored: the server also
// sets it as the HttpOnly cookie, which scripts cannot read.
'use strict';

(() => {
    const register = document.getElementById('register-form');
    if (register) {
        Tk.onSubmit(register, async (data) => {
            const answer = await Tk.api('POST', '/user/register', data);
            if (answer.ok) {
                Tk.status('注册成功，请登录 Registered: please log in.', 'success');
                window.location.assign('/web/login');
            } else {
                Tk.status(Tk.failure(answer, '注册 Register'), 'danger');
            }
        });
    }
    const login = document.getElementById('login-form');
    if (login) {
        Tk.onSubmit(login, async (data) => {
            const answer = await Tk.api('POST', '/user/login', data);
            if (answer.ok) {
                Tk.status('登录成功 Logged in.', 'success');
                window.location.assign('/web/auth');
            } else {
                Tk.status(Tk.failure(answer, '登录 Log in'), 'danger');
            }
        });
    }
    const auth = document.getElementById('auth-form');
    if (auth) {
        const me = document.getElementById('me');
        Tk.api('GET', '/user/me').then(answer => {
            if (!answer.ok) {
                Tk.status(Tk.failure(answer, '读取账户 Account'), 'warning');
                return;
            }
            const user = answer.body.data;
            me.textContent = '账户 Account: ' + user.telephone + ' · 状态 State: ' + user.state;
            if (user.state === 'AUTHENTICATED') {
                Tk.status('已实名认证 Already authenticated.', 'success');
            }
        });
        Tk.onSubmit(auth, async (data) => {
            const answer = await Tk.api('POST', '/user/auth', data);
            if (answer.ok) {
                Tk.status('实名认证成功 Authenticated.', 'success');
                me.textContent = '状态 State: AUTHENTICATED';
            } else {
                Tk.status(Tk.failure(answer, '实名认证 Authentication'), 'danger');
            }
        });
    }
})();
