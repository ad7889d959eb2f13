// A light client for the sample's ledger, in the browser: recomputes an NFT's leaf from its fields, walks
// the sibling path to the root and checks the root against a block header whose hash it recomputes too.
// The encodings mirror chain.domain (MintTransaction, MerkleTree, BlockHeader): SHA-256 with a one-byte
// domain tag (0x00 leaf, 0x01 inner node, 0x02 header) over fixed-width big-endian fields.
'use strict';

const Merkle = (() => {
    const HEX = /^[0-9a-f]{64}$/;
    const DECIMAL = /^-?[0-9]{1,19}$/;

    async function sha256(tag, ...parts) {
        const length = 1 + parts.reduce((n, p) => n + p.length, 0);
        const data = new Uint8Array(length);
        data[0] = tag;
        let offset = 1;
        for (const part of parts) {
            data.set(part, offset);
            offset += part.length;
        }
        return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
    }

    function fromHex(hex) {
        if (!HEX.test(hex)) {
            throw new Error('not a hash: ' + hex);
        }
        const out = new Uint8Array(32);
        for (let i = 0; i < 32; i++) {
            out[i] = parseInt(hex.substr(i * 2, 2), 16);
        }
        return out;
    }

    function toHex(bytes) {
        return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
    }

    function long(value) {
        const text = String(value);
        if (!DECIMAL.test(text)) {
            throw new Error('not a long: ' + text);
        }
        return BigInt.asIntN(64, BigInt(text));
    }

    /** The mint transaction's canonical bytes: 'M', version 1, then the fields (MintTransaction). */
    function leafBytes(leaf) {
        const view = new DataView(new ArrayBuffer(2 + 8 * 5 + 4));
        view.setUint8(0, 0x4d);
        view.setUint8(1, 1);
        view.setBigInt64(2, long(leaf.tokenId));
        view.setBigInt64(10, long(leaf.orderId));
        view.setInt32(18, Number(leaf.serial));
        view.setBigInt64(22, long(leaf.collectionId));
        view.setBigInt64(30, long(leaf.ownerId));
        view.setBigInt64(38, long(leaf.mintedAt));
        return new Uint8Array(view.buffer);
    }

    function headerBytes(header) {
        const view = new DataView(new ArrayBuffer(8 + 8 + 32 + 32 + 4));
        view.setBigInt64(0, long(header.height));
        view.setBigInt64(8, long(header.timestamp));
        const bytes = new Uint8Array(view.buffer);
        bytes.set(fromHex(header.previousHash), 16);
        bytes.set(fromHex(header.merkleRoot), 48);
        view.setInt32(80, Number(header.transactionCount));
        return bytes;
    }

    function equal(a, b) {
        return a.length === b.length && a.every((v, i) => v === b[i]);
    }

    /**
     * Whether the proof holds against the separately fetched header: returns {ok, reason, leafHash, root,
     * headerHash}. The path's shape comes from leafIndex and leafCount; the sides written in the proof
     * must agree (a proof cannot be replayed for another position).
     */
    async function verify(proof, header) {
        const leafHash = await sha256(0x00, leafBytes(proof.leaf));
        const result = {ok: false, leafHash: toHex(leafHash), root: null, headerHash: null, reason: ''};
        if (toHex(leafHash) !== proof.leaf.leafHash) {
            result.reason = 'leaf hash differs from the leaf fields';
            return result;
        }
        let size = Number(proof.leafCount);
        let position = Number(proof.leafIndex);
        if (!(size >= 1 && position >= 0 && position < size) || size !== Number(header.transactionCount)) {
            result.reason = 'leaf position or count inconsistent with the header';
            return result;
        }
        let current = leafHash;
        let step = 0;
        while (size > 1) {
            if ((position ^ 1) < size) {
                const next = proof.path[step++];
                if (!next) {
                    result.reason = 'path too short';
                    return result;
                }
                const siblingOnRight = (position & 1) === 0;
                if (next.side !== (siblingOnRight ? 'RIGHT' : 'LEFT')) {
                    result.reason = 'path side mismatch';
                    return result;
                }
                const sibling = fromHex(next.hash);
                current = siblingOnRight ? await sha256(0x01, current, sibling) : await sha256(0x01, sibling, current);
            }
            position >>= 1;
            size = Math.floor((size + 1) / 2);
        }
        result.root = toHex(current);
        if (step !== proof.path.length) {
            result.reason = 'path too long';
            return result;
        }
        if (!equal(current, fromHex(header.merkleRoot))) {
            result.reason = 'root differs from the block header';
            return result;
        }
        const headerHash = await sha256(0x02, headerBytes(header));
        result.headerHash = toHex(headerHash);
        if (result.headerHash !== header.hash) {
            result.reason = 'block header does not hash to its hash';
            return result;
        }
        result.ok = true;
        return result;
    }

    return {verify, leafBytes, headerBytes, toHex};
})();
