import { createHash, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCrx3, extensionId, publicKeyDer, signedPayload, updateXml } from '../../../scripts/self-hosted/crx3';
import { buildSelfHosted } from '../../../scripts/self-hosted/build';

/** A throwaway key, made for this run only. */
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const dir = mkdtempSync(join(tmpdir(), 'sverka-crx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Minimal protobuf reader: length-delimited fields only, as CRX3 uses. */
function fields(buf: Buffer): { num: number; bytes: Buffer }[] {
  const out: { num: number; bytes: Buffer }[] = [];
  let i = 0;
  const varint = () => {
    let n = 0;
    let mul = 1;
    for (;;) {
      const b = buf[i++];
      n += (b & 0x7f) * mul;
      mul *= 128;
      if (b < 0x80) return n;
    }
  };
  while (i < buf.length) {
    const key = varint();
    expect(key % 8).toBe(2);
    const len = varint();
    out.push({ num: Math.floor(key / 8), bytes: buf.subarray(i, i + len) });
    i += len;
  }
  return out;
}

describe('CRX3 for a self-hosted install', () => {
  const zip = Buffer.from(zipSync({ 'manifest.json': new TextEncoder().encode('{"manifest_version":3,"name":"t","version":"1.0"}') }));
  const crx = buildCrx3(zip, privateKey);

  it('writes the Cr24 v3 container: a protobuf header whose RSA-SHA256 proof verifies over the archive', () => {
    expect(crx.subarray(0, 4).toString('ascii')).toBe('Cr24');
    expect(crx.readUInt32LE(4)).toBe(3);
    const headerLength = crx.readUInt32LE(8);
    const header = crx.subarray(12, 12 + headerLength);
    expect(crx.subarray(12 + headerLength).equals(zip)).toBe(true);

    const top = fields(header);
    const proof = fields(top.find((f) => f.num === 2)!.bytes);
    const signedHeaderData = top.find((f) => f.num === 10000)!.bytes;
    const publicKey = proof.find((f) => f.num === 1)!.bytes;
    const signature = proof.find((f) => f.num === 2)!.bytes;
    expect(publicKey.equals(publicKeyDer(privateKey))).toBe(true);
    const crxId = fields(signedHeaderData).find((f) => f.num === 1)!.bytes;
    expect(crxId.equals(createHash('sha256').update(publicKey).digest().subarray(0, 16))).toBe(true);
    const keyObject = { key: publicKey, format: 'der' as const, type: 'spki' as const };
    expect(verify('sha256', signedPayload(signedHeaderData, zip), keyObject, signature)).toBe(true);
    // a changed archive no longer verifies
    const tampered = Buffer.from(zip);
    tampered[tampered.length - 1] ^= 1;
    expect(verify('sha256', signedPayload(signedHeaderData, tampered), keyObject, signature)).toBe(false);
  });

  it('names the extension as Chromium does: 32 letters a–p from the key hash', () => {
    const id = extensionId(publicKeyDer(privateKey));
    expect(id).toMatch(/^[a-p]{32}$/);
    const hex = createHash('sha256').update(publicKeyDer(privateKey)).digest('hex').slice(0, 32);
    expect([...id].map((c) => (c.charCodeAt(0) - 97).toString(16)).join('')).toBe(hex);
  });

  it('one command writes the .crx and update.xml for a base URL, and refuses a key inside the repository', () => {
    const keyPath = join(dir, 'key.pem');
    writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const zipPath = join(dir, 'package.zip');
    writeFileSync(zipPath, zip);
    const r = buildSelfHosted({ keyPath, baseUrl: 'https://intranet.example.ru/sverka', zipPath, outDir: join(dir, 'out') });
    expect(readFileSync(r.crxPath).subarray(0, 4).toString('ascii')).toBe('Cr24');
    const xml = readFileSync(r.updateXmlPath, 'utf8');
    expect(xml).toContain(`<app appid='${r.id}'>`);
    expect(xml).toMatch(/codebase='https:\/\/intranet\.example\.ru\/sverka\/sverka-[\d.]+\.crx' version='[\d.]+'/);
    expect(() => buildSelfHosted({ keyPath, baseUrl: 'http://intranet.example.ru/', zipPath, outDir: join(dir, 'out') })).toThrow('не https');
    const inRepo = join(__dirname, 'key-in-repo.pem');
    writeFileSync(inRepo, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    try {
      expect(() => buildSelfHosted({ keyPath: inRepo, baseUrl: 'https://x.ru/', zipPath, outDir: join(dir, 'out') })).toThrow('внутри репозитория');
    } finally {
      rmSync(inRepo);
    }
  });

  it('escapes the update.xml attributes', () => {
    expect(updateXml('abc', '1.0', "https://x.ru/a'b&c.crx")).toContain("codebase='https://x.ru/a&apos;b&amp;c.crx'");
  });
});
