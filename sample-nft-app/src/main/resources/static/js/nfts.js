// The buyer's NFTs: for each, the proof (GET /chain/proof/{tokenId}) and, separately, the block header
// (GET /chain/blocks/{height}); Merkle.verify decides in this browser. NFTs not yet in a block are re-read.
'use strict';

(() => {
    const list = document.getElementById('nfts');

    function row(dl, term, value, className) {
        dl.append(Tk.el('dt', term, 'col-sm-4'), Tk.el('dd', value, 'col-sm-8 ' + (className || '')));
    }

    async function card(nft) {
        const article = Tk.el('article', null, 'card card-body nft');
        article.dataset.tokenId = nft.tokenId;
        article.append(Tk.el('h2', '藏品 NFT #' + nft.tokenId, 'h6'));
        const dl = Tk.el('dl', null, 'row mb-0');
        row(dl, '藏品集 Collection', nft.collectionId);
        row(dl, '订单 Order', nft.orderId, 'hash');
        row(dl, '叶子哈希 Leaf hash', nft.leafHash, 'hash');
        article.append(dl);
        const verdict = Tk.el('p', '', 'mb-0 proof');
        verdict.setAttribute('role', 'status');
        article.append(verdict);
        if (nft.blockHeight === null || nft.blockHeight === undefined) {
            verdict.textContent = '待上链 Waiting for its block…';
            verdict.dataset.verified = 'pending';
            return {article, pending: true};
        }
        row(dl, '区块高度 Block', nft.blockHeight);
        const [proof, block] = await Promise.all([
            Tk.api('GET', '/chain/proof/' + encodeURIComponent(nft.tokenId)),
            Tk.api('GET', '/chain/blocks/' + encodeURIComponent(nft.blockHeight))]);
        if (!proof.ok || !block.ok) {
            verdict.textContent = '无法获取证明 Proof unavailable';
            verdict.dataset.verified = 'false';
            verdict.classList.add('not-verified');
            return {article, pending: false};
        }
        let result;
        try {
            result = await Merkle.verify(proof.body.data, block.body.data.header);
        } catch (e) {
            result = {ok: false, reason: e.message};
        }
        if (result.root) {
            row(dl, '默克尔根 Merkle root', result.root, 'hash');
        }
        if (result.headerHash) {
            row(dl, '区块哈希 Block hash', result.headerHash, 'hash');
        }
        verdict.dataset.verified = String(result.ok);
        verdict.textContent = result.ok ? '✓ 证明已在浏览器中验证 Proof verified in this browser'
            : '✗ 证明无效 Proof invalid: ' + result.reason;
        verdict.classList.add(result.ok ? 'verified' : 'not-verified');
        return {article, pending: false};
    }

    async function load() {
        const answer = await Tk.api('GET', '/chain/nfts');
        if (!answer.ok) {
            Tk.status(Tk.failure(answer, '读取藏品 NFTs'), 'warning');
            return;
        }
        const nfts = answer.body.list || [];
        const cards = await Promise.all(nfts.map(card));
        list.replaceChildren(...cards.map(c => {
            const col = Tk.el('div', null, 'col');
            col.append(c.article);
            return col;
        }));
        if (nfts.length === 0) {
            list.append(Tk.el('p', '暂无藏品 No NFTs yet.'));
        }
        if (cards.some(c => c.pending)) {
            setTimeout(load, 2000);
        }
    }

    load();
})();
