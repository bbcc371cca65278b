/**
 * A throw-away self-signed certificate for serving the twin over HTTPS/WSS on 127.0.0.1. Amplify's
 * real-time client always connects with `wss://`; a client trusts this certificate explicitly
 * (Node: `ca`, `NODE_EXTRA_CA_CERTS`), nothing turns verification off.
 */
import { generate } from 'selfsigned';

export interface LocalTlsCertificate {
  /** PEM private key. */
  readonly key: string;
  /** PEM certificate, valid for `127.0.0.1` and `localhost`: the one a client must trust. */
  readonly cert: string;
}

export async function localTlsCertificate(now = new Date()): Promise<LocalTlsCertificate> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 30 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
