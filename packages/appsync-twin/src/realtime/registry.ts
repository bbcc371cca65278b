/**
 * The set of live subscriptions, indexed by the mutation fields that feed them and by subscription
 * field (for invalidation), and the fan-out of one published event to every matching subscriber.
 * Subscribers whose selection set and variables are identical share one shaped, serialized payload, and
 * subscribers with the same filter one filter evaluation (one user's devices, a room's members).
 */
import type { InvalidationEvent, MutationEvent } from '../contracts';
import { matchesArguments, matchesFilter, type CompiledFilter } from './filter';
import { MAX_PAYLOAD_BYTES, frames } from './protocol';
import type { SelectionShaper } from './selection';

/** The side of a connection the registry talks to. */
export interface SubscriberConnection {
  send(frame: string): void;
  /** Ends one of this connection's subscriptions because an invalidation selected it. */
  invalidate(subscription: ActiveSubscription): void;
}

export interface ActiveSubscription {
  readonly id: string;
  readonly connection: SubscriberConnection;
  readonly fieldName: string;
  readonly mutations: readonly string[];
  readonly arguments: Readonly<Record<string, unknown>>;
  /** Present when the subscription resolver set an enhanced filter: argument filtering is then off. */
  readonly filter: CompiledFilter | undefined;
  readonly invalidationFilter: CompiledFilter | undefined;
  readonly shaper: SelectionShaper;
  /** Equal for subscribers whose shaped payloads are always identical. */
  readonly shapeKey: string;
  /** Equal for subscribers that accept exactly the same events (same enhanced filter, or same arguments). */
  readonly matchKey: string;
}

export interface PublishOutcome {
  readonly delivered: number;
  readonly droppedOversized: number;
}

function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  let set = index.get(key);
  if (set === undefined) {
    set = new Set();
    index.set(key, set);
  }
  set.add(value);
}

function removeFrom<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key);
  if (set === undefined) return;
  set.delete(value);
  if (set.size === 0) index.delete(key);
}

export class SubscriptionRegistry {
  private readonly byMutation = new Map<string, Set<ActiveSubscription>>();
  private readonly byField = new Map<string, Set<ActiveSubscription>>();
  /** Compiled shapers shared by subscriptions with the same shape key, with how many use each. */
  private readonly shapers = new Map<string, { readonly shaper: SelectionShaper; users: number }>();
  private count = 0;
  private totalDelivered = 0;
  private totalDroppedOversized = 0;

  get size(): number {
    return this.count;
  }

  get delivered(): number {
    return this.totalDelivered;
  }

  get droppedOversized(): number {
    return this.totalDroppedOversized;
  }

  /** The shaper already compiled for `shapeKey`, or a new one (shared once a subscription using it is added). */
  shaperFor(shapeKey: string, compile: () => SelectionShaper): SelectionShaper {
    return this.shapers.get(shapeKey)?.shaper ?? compile();
  }

  add(subscription: ActiveSubscription): void {
    const shared = this.shapers.get(subscription.shapeKey);
    if (shared === undefined)
      this.shapers.set(subscription.shapeKey, { shaper: subscription.shaper, users: 1 });
    else shared.users += 1;
    for (const mutation of new Set(subscription.mutations)) addTo(this.byMutation, mutation, subscription);
    addTo(this.byField, subscription.fieldName, subscription);
    this.count += 1;
  }

  remove(subscription: ActiveSubscription): void {
    const fieldSet = this.byField.get(subscription.fieldName);
    if (fieldSet === undefined || !fieldSet.has(subscription)) return;
    for (const mutation of new Set(subscription.mutations))
      removeFrom(this.byMutation, mutation, subscription);
    removeFrom(this.byField, subscription.fieldName, subscription);
    const shared = this.shapers.get(subscription.shapeKey);
    if (shared !== undefined && --shared.users === 0) this.shapers.delete(subscription.shapeKey);
    this.count -= 1;
  }

  /** Delivers a mutation result to every subscriber of that mutation whose filter accepts it. */
  publish(event: MutationEvent): PublishOutcome {
    const candidates = this.byMutation.get(event.mutationField);
    // Mutations that resolve to null produce no notification.
    if (candidates === undefined || event.data === null || event.data === undefined) {
      return { delivered: 0, droppedOversized: 0 };
    }
    const payloads = new Map<string, string | null>();
    const verdicts = new Map<string, boolean>();
    let delivered = 0;
    let droppedOversized = 0;
    for (const subscription of candidates) {
      let accepted = verdicts.get(subscription.matchKey);
      if (accepted === undefined) {
        accepted = subscription.filter
          ? matchesFilter(subscription.filter, event.data)
          : matchesArguments(subscription.arguments, event.data);
        verdicts.set(subscription.matchKey, accepted);
      }
      if (!accepted) continue;
      let payload = payloads.get(subscription.shapeKey);
      if (payload === undefined) {
        const json = JSON.stringify(subscription.shaper.shape(event.data));
        // Documented: events over the 240 KB subscription payload quota are dropped, silently.
        payload = Buffer.byteLength(json) > MAX_PAYLOAD_BYTES ? null : json;
        payloads.set(subscription.shapeKey, payload);
      }
      if (payload === null) {
        droppedOversized += 1;
        continue;
      }
      subscription.connection.send(frames.data(subscription.id, payload));
      delivered += 1;
    }
    this.totalDelivered += delivered;
    this.totalDroppedOversized += droppedOversized;
    return { delivered, droppedOversized };
  }

  /** The subscriptions an `extensions.invalidateSubscriptions` call selects (the caller removes them). */
  matchInvalidation(event: InvalidationEvent): ActiveSubscription[] {
    const candidates = this.byField.get(event.subscriptionField);
    if (candidates === undefined) return [];
    const matched: ActiveSubscription[] = [];
    for (const subscription of candidates) {
      if (subscription.invalidationFilter && matchesFilter(subscription.invalidationFilter, event.payload)) {
        matched.push(subscription);
      }
    }
    return matched;
  }
}
