/**
 * CRX3 packaging with node:crypto: "Cr24", version 3, header length, a CrxFileHeader protobuf with one
 * RSA-SHA256 proof over the zip, then the zip. Only the few protobuf fields CRX3 needs are written by hand.
 */
import { createHash, createPublicKey, sign, type KeyObject } from 'node:crypto';

const MAGIC = Buffer.from('Cr24', 'ascii');
const SIGNATURE_CONTEXT = Buffer.from('CRX3 SignedData\x00', 'binary');
/** CrxFileHeader fields */
const SHA256_WITH_RSA = 2;
const SIGNED_HEADER_DATA = 10000;
/** AsymmetricKeyProof / SignedData fields */
const PUBLIC_KEY = 1;
const SIGNATURE = 2;
const CRX_ID = 1;

function varint(n: number): Buffer {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
}

/** A length-delimited protobuf field (wire type 2). */
function field(num: number, bytes: Buffer): Buffer {
  return Buffer.concat([varint(num * 8 + 2), varint(bytes.length), bytes]);
}

function uint32le(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** The public key as Chromium hashes it: DER SubjectPublicKeyInfo. */
export function publicKeyDer(key: KeyObject): Buffer {
  return createPublicKey(key).export({ type: 'spki', format: 'der' });
}

/** First 16 bytes of SHA-256 of the public key: the binary crx_id. */
export function crxIdBytes(publicDer: Buffer): Buffer {
  return createHash('sha256').update(publicDer).digest().subarray(0, 16);
}

/** The extension id Chromium shows: the crx_id in hex, with digits 0–f written as letters a–p. */
export function extensionId(publicDer: Buffer): string {
  return [...crxIdBytes(publicDer).toString('hex')].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** What the signature covers (CRX3): context, signed header data with its length, the archive. */
export function signedPayload(signedHeaderData: Buffer, zip: Uint8Array): Buffer {
  return Buffer.concat([SIGNATURE_CONTEXT, uint32le(signedHeaderData.length), signedHeaderData, zip]);
}

export function buildCrx3(zip: Uint8Array, privateKey: KeyObject): Buffer {
  if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('CRX3 needs an RSA key (openssl genrsa -out key.pem 2048)');
  const publicDer = publicKeyDer(privateKey);
  const signedHeaderData = field(CRX_ID, crxIdBytes(publicDer));
  const signature = sign('sha256', signedPayload(signedHeaderData, zip), privateKey);
  const header = Buffer.concat([
    field(SHA256_WITH_RSA, Buffer.concat([field(PUBLIC_KEY, publicDer), field(SIGNATURE, signature)])),
    field(SIGNED_HEADER_DATA, signedHeaderData),
  ]);
  return Buffer.concat([MAGIC, uint32le(3), uint32le(header.length), header, zip]);
}

/** update.xml for ExtensionInstallForcelist / ExtensionInstallSources: where the .crx is, which version. */
export function updateXml(id: string, version: string, crxUrl: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${esc(id)}'>`,
    `    <updatecheck codebase='${esc(crxUrl)}' version='${esc(version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}
