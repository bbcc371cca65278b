/**
 * Amplify v6's real-time provider (`generateClient()` from `aws-amplify/api`). For any non-AppSync
 * endpoint it connects to `<endpoint>/realtime` and forces `wss://`, sending the auth header as a
 * `header-<base64url>` sub-protocol. So the twin's endpoint is served here over TLS with a throwaway
 * self-signed certificate that the WebSocket trusts explicitly (no verification is switched off).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Amplify } from 'aws-amplify';
import { generateClient, type GraphQLSubscription } from 'aws-amplify/api';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachRealtime, type RealtimeHandle } from '../../infra/local/testing';
import { CHAT_RESOLVERS, CHAT_SCHEMA, message } from '../support/realtime-fixture';
import { TEST_API_KEY, createTestRealtimeHost, type TestRealtimeHost } from '../support/realtime-host';

let host: TestRealtimeHost;
let server: Server;
let handle: RealtimeHandle;
let certDir: string;
const previousWebSocket = (globalThis as { WebSocket?: unknown }).WebSocket;

beforeAll(async () => {
  certDir = mkdtempSync(path.join(tmpdir(), 'realtime-tls-'));
  const keyFile = path.join(certDir, 'key.pem');
  const certFile = path.join(certDir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  const cert = readFileSync(certFile);
  class TrustingWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { ca: cert });
    }
  }
  (globalThis as { WebSocket?: unknown }).WebSocket = TrustingWebSocket;

  host = await createTestRealtimeHost({ schema: CHAT_SCHEMA, resolvers: CHAT_RESOLVERS });
  server = createServer({ key: readFileSync(keyFile), cert });
  handle = attachRealtime(server, host);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Amplify.configure({
    API: {
      GraphQL: {
        endpoint: `https://127.0.0.1:${port}/graphql`,
        region: 'us-east-1',
        defaultAuthMode: 'apiKey',
        apiKey: TEST_API_KEY,
      },
    },
  });
});

afterAll(async () => {
  await handle.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(certDir, { recursive: true, force: true });
  (globalThis as { WebSocket?: unknown }).WebSocket = previousWebSocket;
});

describe('Amplify v6 real-time provider against the twin (over wss://)', () => {
  it('subscribes with an API key, receives filtered events and unsubscribes', async () => {
    const client = generateClient();
    const received: unknown[] = [];
    const errors: unknown[] = [];
    type RoomEvent = GraphQLSubscription<{ onRoomMessage: { id: string; text: string } }>;
    const subscription = client
      .graphql<RoomEvent>({
        query: 'subscription OnRoom($roomId: ID) { onRoomMessage(roomId: $roomId) { id text } }',
        variables: { roomId: 'amplify' },
      })
      .subscribe({
        next: (event) => received.push(event.data),
        error: (error: unknown) => errors.push(error),
      });

    await expect.poll(() => handle.stats().subscriptions).toBe(1);
    expect(handle.stats().connectionsByAuthForm.subprotocol).toBe(1);
    host.publish({
      mutationField: 'postMessage',
      data: message({ ownerId: 'u', roomId: 'other', text: 'no' }),
    });
    host.publish({
      mutationField: 'postMessage',
      data: message({ ownerId: 'u', roomId: 'amplify', text: 'yes' }),
    });
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toEqual({ onRoomMessage: { id: expect.any(String), text: 'yes' } });
    expect(errors).toEqual([]);

    subscription.unsubscribe();
    await expect.poll(() => handle.stats().subscriptions).toBe(0);
  });
});
