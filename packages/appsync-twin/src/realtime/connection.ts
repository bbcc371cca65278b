/**
 * One real-time connection: AppSync's message flow (`connection_init` → `connection_ack`, `ka`,
 * `start` → `start_ack` | `error`, `data`, `stop` → `complete`), its limits and its error frames.
 * The transport is injected so the state machine does not depend on the socket library.
 */
import { Kind, OperationTypeNode, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { AppSyncErrorInfo, AuthenticatedCaller, RealtimeHost } from '../contracts';
import { compileSubscriptionFilter, type CompiledFilter } from './filter';
import {
  MAX_PAYLOAD_BYTES,
  UNAUTHORIZED_CONNECTION,
  frames,
  realtimeErrors,
  toRealtimeError,
  type RealtimeErrorEntry,
} from './protocol';
import type { ActiveSubscription, SubscriptionRegistry } from './registry';
import { compileSelectionShaper, type SelectionShaper } from './selection';

export interface ConnectionTransport {
  send(frame: string): void;
  close(code: number, reason: string): void;
}

export interface ConnectionSettings {
  readonly connectionTimeoutMs: number;
  readonly maxSubscriptions: number;
  readonly maxLifetimeMs: number;
  readonly log: (message: string) => void;
}

type AuthOutcome =
  | { readonly ok: true; readonly caller: AuthenticatedCaller }
  | { readonly ok: false; readonly error: RealtimeErrorEntry };

interface StartRequest {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAuthenticatedCaller(value: AuthenticatedCaller | AppSyncErrorInfo): value is AuthenticatedCaller {
  return 'authMode' in value;
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const record: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) if (typeof entry === 'string') record[key] = entry;
  return record;
}

function parseStartData(data: unknown): StartRequest | string {
  if (typeof data !== 'string') return 'start payload.data must be a JSON string';
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return 'start payload.data is not valid JSON';
  }
  if (!isRecord(parsed) || typeof parsed.query !== 'string')
    return 'start payload.data must carry a query string';
  const { query, variables, operationName } = parsed;
  if (variables !== undefined && variables !== null && !isRecord(variables))
    return 'variables must be an object';
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return 'operationName must be a string';
  }
  return {
    query,
    ...(isRecord(variables) ? { variables } : {}),
    ...(typeof operationName === 'string' ? { operationName } : {}),
  };
}

/** The operation a request selects, or undefined when the document does not parse (the host reports that). */
function selectedOperation(
  query: string,
  operationName: string | undefined,
): OperationDefinitionNode | undefined {
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return undefined;
  }
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  return operationName === undefined
    ? operations[0]
    : operations.find((operation) => operation.name?.value === operationName);
}

/** JSON that keeps `undefined` apart from absent (basic filtering compares an explicit undefined argument). */
function exactJson(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) => (entry === undefined ? '\u0000undefined' : entry));
}

function shapeKeyOf(fieldName: string, request: StartRequest): string {
  return `${fieldName}\u0000${request.operationName ?? ''}\u0000${request.query}\u0000${JSON.stringify(request.variables ?? {})}`;
}

export class RealtimeConnection {
  private readonly active = new Map<string, ActiveSubscription>();
  /** Ids whose `start` is being prepared; a `stop` meanwhile cancels them. */
  private readonly pending = new Map<string, { cancelled: boolean }>();
  private acknowledged = false;
  private initializing: Promise<void> | undefined;
  private closed = false;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly transport: ConnectionTransport,
    private readonly host: RealtimeHost,
    private readonly registry: SubscriptionRegistry,
    private readonly settings: ConnectionSettings,
    private readonly connectionHeader: Readonly<Record<string, string>> | undefined,
    private readonly auth: Promise<AuthOutcome>,
  ) {
    const initDeadline = setTimeout(() => {
      if (!this.acknowledged) this.close(1000, 'connection_init not received');
    }, settings.connectionTimeoutMs);
    const lifetime = setTimeout(
      () => this.close(1000, 'Maximum connection lifetime reached'),
      settings.maxLifetimeMs,
    );
    initDeadline.unref();
    lifetime.unref();
    this.timers.push(initDeadline, lifetime);
  }

  /** Authenticates a connection header with the host; a rejected promise counts as refusal. */
  static authenticate(
    host: RealtimeHost,
    header: Readonly<Record<string, string>> | undefined,
  ): Promise<AuthOutcome> {
    if (header === undefined) return Promise.resolve({ ok: false, error: UNAUTHORIZED_CONNECTION });
    return host.authenticate(header).then(
      (result): AuthOutcome =>
        isAuthenticatedCaller(result)
          ? { ok: true, caller: result }
          : {
              ok: false,
              // Recorded codes are 401 (UnauthorizedException) and 400; AWS does not document which a refused
              // SigV4 signature (BadRequestException) carries on connection_error, 400 matches its type.
              error: {
                ...UNAUTHORIZED_CONNECTION,
                ...toRealtimeError(result),
                errorCode: result.errorType === 'BadRequestException' ? 400 : 401,
              },
            },
      (): AuthOutcome => ({ ok: false, error: UNAUTHORIZED_CONNECTION }),
    );
  }

  /** Called by the endpoint's shared keep-alive ticker; only acknowledged connections get `ka`. */
  sendKeepAlive(): void {
    if (this.acknowledged) this.send(frames.keepAlive);
  }

  handleMessage(raw: string, byteLength: number): void {
    if (this.closed) return;
    if (byteLength > MAX_PAYLOAD_BYTES) {
      this.send(frames.error(undefined, [realtimeErrors.messageTooLarge(byteLength)]));
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      this.send(frames.error(undefined, [realtimeErrors.badRequest('Message is not valid JSON')]));
      return;
    }
    const type = isRecord(message) && typeof message.type === 'string' ? message.type : 'unknown';
    const record = isRecord(message) ? message : {};
    switch (type) {
      case 'connection_init':
        void this.handleInit();
        return;
      case 'start':
      case 'stop':
        if (!this.acknowledged) {
          // Documented: messages sent before `connection_ack` are ignored.
          this.settings.log(`realtime: ignored "${type}" sent before connection_ack`);
          return;
        }
        if (type === 'start') void this.handleStart(record);
        else this.handleStop(record);
        return;
      default:
        this.send(frames.error(undefined, [realtimeErrors.unsupportedOperation(type)]));
    }
  }

  private async handleInit(): Promise<void> {
    // A repeated connection_init gets another ack; only the first one authenticates and sends the first `ka`.
    if (this.initializing) {
      await this.initializing;
      if (this.acknowledged) this.send(frames.connectionAck(this.settings.connectionTimeoutMs));
      return;
    }
    this.initializing = this.acknowledge();
    await this.initializing;
  }

  private async acknowledge(): Promise<void> {
    const outcome = await this.auth;
    if (this.closed) return;
    if (!outcome.ok) {
      this.send(frames.connectionError([outcome.error]));
      this.close(1000, 'Unauthorized');
      return;
    }
    this.acknowledged = true;
    this.send(frames.connectionAck(this.settings.connectionTimeoutMs));
    this.send(frames.keepAlive);
  }

  private async handleStart(message: Record<string, unknown>): Promise<void> {
    const { id, payload } = message;
    if (typeof id !== 'string' || id.length === 0) {
      this.send(frames.error(undefined, [realtimeErrors.badRequest('start requires a non-empty string id')]));
      return;
    }
    if (this.active.has(id) || this.pending.has(id)) {
      this.send(frames.error(id, [realtimeErrors.duplicateId(id)]));
      return;
    }
    if (this.active.size + this.pending.size >= this.settings.maxSubscriptions) {
      this.send(frames.error(id, [realtimeErrors.maxSubscriptions(this.settings.maxSubscriptions)]));
      return;
    }
    if (!isRecord(payload)) {
      this.send(frames.error(id, [realtimeErrors.badRequest('start requires a payload object')]));
      return;
    }
    const request = parseStartData(payload.data);
    if (typeof request === 'string') {
      this.send(frames.error(id, [realtimeErrors.badRequest(request)]));
      return;
    }
    const operation = selectedOperation(request.query, request.operationName);
    if (operation !== undefined && operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      this.send(frames.error(id, [realtimeErrors.unsupportedOperation(operation.operation)]));
      return;
    }
    const extensions = isRecord(payload.extensions) ? payload.extensions : {};
    // Every client sends `extensions.authorization`; the docs do not say what happens without it, so
    // the subscription is authorized as the (already authenticated) connection.
    const ownAuthorization = stringRecord(extensions.authorization);
    const header = ownAuthorization ?? this.connectionHeader ?? {};
    // An IAM signature in the start's own authorization signs its `data` string; the connection's signs the connect.
    const startData = ownAuthorization && typeof payload.data === 'string' ? payload.data : undefined;

    const state = { cancelled: false };
    this.pending.set(id, state);
    let subscription: ActiveSubscription | RealtimeErrorEntry[];
    try {
      subscription = await this.prepare(id, request, header, startData);
    } catch (error) {
      subscription = [
        { errorType: 'InternalFailure', message: error instanceof Error ? error.message : String(error) },
      ];
    } finally {
      this.pending.delete(id);
    }
    if (this.closed || state.cancelled) return;
    if (Array.isArray(subscription)) {
      this.send(frames.error(id, subscription));
      return;
    }
    this.active.set(id, subscription);
    this.registry.add(subscription);
    this.send(frames.startAck(id));
  }

  private async prepare(
    id: string,
    request: StartRequest,
    header: Readonly<Record<string, string>>,
    startData: string | undefined,
  ): Promise<ActiveSubscription | RealtimeErrorEntry[]> {
    const prepared = await this.host.prepareSubscription(request, header, startData);
    if ('errors' in prepared) return prepared.errors.map(toRealtimeError);
    const compile = (raw: unknown): CompiledFilter | undefined | RealtimeErrorEntry[] => {
      // `null` is what toSubscriptionFilter returns for unusable input; it installs no filter.
      if (raw === undefined || raw === null) return undefined;
      const compiled = compileSubscriptionFilter(raw);
      return compiled.ok ? compiled.filter : [realtimeErrors.badRequest(compiled.message)];
    };
    const filter = compile(prepared.filter);
    if (Array.isArray(filter)) return filter;
    const invalidationFilter = compile(prepared.invalidationFilter);
    if (Array.isArray(invalidationFilter)) return invalidationFilter;
    const shapeKey = shapeKeyOf(prepared.fieldName, request);
    // The filter as set (already validated by compiling it), else the arguments basic filtering compares.
    const matchKey =
      filter === undefined
        ? `arguments\u0000${exactJson(prepared.arguments)}`
        : `filter\u0000${exactJson(prepared.filter)}`;
    let shaper: SelectionShaper;
    try {
      shaper = this.registry.shaperFor(shapeKey, () =>
        compileSelectionShaper({
          document: prepared.document,
          variables: prepared.variables,
          operationName: request.operationName,
          schema: this.host.schema,
        }),
      );
    } catch (error) {
      return [realtimeErrors.badRequest(error instanceof Error ? error.message : String(error))];
    }
    return {
      id,
      connection: this,
      fieldName: prepared.fieldName,
      mutations: prepared.mutations,
      arguments: prepared.arguments,
      filter,
      invalidationFilter,
      shaper,
      shapeKey,
      matchKey,
    };
  }

  private handleStop(message: Record<string, unknown>): void {
    const { id } = message;
    if (typeof id !== 'string') {
      this.send(frames.error(undefined, [realtimeErrors.badRequest('stop requires a string id')]));
      return;
    }
    const subscription = this.active.get(id);
    const pending = this.pending.get(id);
    if (subscription === undefined && pending === undefined) {
      // Undocumented on AWS: an unknown id gets an error naming it, and nothing else changes.
      this.send(frames.error(id, [realtimeErrors.badRequest(`Subscription ${id} not found`)]));
      return;
    }
    if (pending !== undefined) pending.cancelled = true;
    if (subscription !== undefined) {
      this.active.delete(id);
      this.registry.remove(subscription);
    }
    this.send(frames.complete(id));
  }

  /** Ends a subscription that an invalidation selected; the connection closes once it has none left. */
  invalidate(subscription: ActiveSubscription): void {
    if (this.active.get(subscription.id) !== subscription) return;
    this.active.delete(subscription.id);
    this.registry.remove(subscription);
    this.send(frames.complete(subscription.id));
    if (this.active.size === 0 && this.pending.size === 0) {
      this.close(1000, 'Subscription complete.');
    }
  }

  send(frame: string): void {
    if (!this.closed) this.transport.send(frame);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.dispose();
    this.transport.close(code, reason);
  }

  /** Releases everything the connection holds; called when the socket goes away. */
  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    for (const subscription of this.active.values()) this.registry.remove(subscription);
    this.active.clear();
    for (const state of this.pending.values()) state.cancelled = true;
    for (const timer of this.timers) clearTimeout(timer);
  }
}
