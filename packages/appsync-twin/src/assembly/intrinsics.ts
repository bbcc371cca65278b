import type { CfnTemplate } from './cloud-assembly';
import { AssemblyError } from './errors';

/** The local stand-ins for the account, region and stack the template is deployed to. */
export interface LocalEnvironment {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  readonly stackName: string;
  readonly urlSuffix: string;
}

/** What a provisioned resource answers to `Ref` and `Fn::GetAtt`, with local values. */
export interface LocalResourceValues {
  readonly ref: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** For resources with no local effect: any attribute resolves to a recognisable placeholder. */
  readonly placeholder?: boolean;
  /**
   * Hosts (with an optional path) of an emulated endpoint that speaks plain HTTP locally, where AWS speaks
   * HTTPS: a URL the template builds as `https://` + one of these comes out as `http://…`.
   */
  readonly httpHosts?: readonly string[];
}

/** Marks a property removed by `Ref: AWS::NoValue`; stripped from objects and arrays. */
const NO_VALUE = Symbol('AWS::NoValue');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Resolves CloudFormation intrinsic functions to local values. Resources register their local
 * `Ref`/`GetAtt` values as they are provisioned; resolving a reference to one that is not yet known is an
 * error naming it, so provisioning order mistakes surface immediately.
 */
export class IntrinsicResolver {
  private readonly resources = new Map<string, LocalResourceValues>();
  private readonly conditionCache = new Map<string, boolean>();
  private readonly httpHosts = new Set<string>();

  constructor(
    private readonly template: CfnTemplate,
    readonly env: LocalEnvironment,
  ) {}

  provide(logicalId: string, values: LocalResourceValues): void {
    this.resources.set(logicalId, values);
    for (const host of values.httpHosts ?? []) this.httpHosts.add(host);
  }

  has(logicalId: string): boolean {
    return this.resources.has(logicalId);
  }

  /** Resolves every intrinsic in `value`; `where` names the property for error messages. */
  resolve(value: unknown, where: string): unknown {
    const resolved = this.walk(value, where);
    return resolved === NO_VALUE ? undefined : resolved;
  }

  resolveString(value: unknown, where: string): string {
    const resolved = this.resolve(value, where);
    if (typeof resolved === 'number' || typeof resolved === 'boolean') return String(resolved);
    if (typeof resolved !== 'string') throw new AssemblyError(`${where} must resolve to a string`);
    return resolved;
  }

  conditionHolds(name: string): boolean {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    const definition = this.template.Conditions?.[name];
    if (definition === undefined)
      throw new AssemblyError(`Condition "${name}" is not defined in the template`);
    const holds = this.walk(definition, `Conditions.${name}`);
    if (typeof holds !== 'boolean')
      throw new AssemblyError(`Condition "${name}" does not evaluate to a boolean`);
    this.conditionCache.set(name, holds);
    return holds;
  }

  private walk(value: unknown, where: string): unknown {
    if (Array.isArray(value)) {
      return value.map((item, i) => this.walk(item, `${where}[${i}]`)).filter((item) => item !== NO_VALUE);
    }
    if (!isRecord(value)) return value;
    const keys = Object.keys(value);
    const [onlyKey] = keys;
    if (
      keys.length === 1 &&
      onlyKey !== undefined &&
      (onlyKey === 'Ref' || onlyKey.startsWith('Fn::') || onlyKey === 'Condition')
    ) {
      return this.intrinsic(onlyKey, value[onlyKey], where);
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const item = this.walk(value[key], `${where}.${key}`);
      if (item !== NO_VALUE) out[key] = item;
    }
    return out;
  }

  private intrinsic(name: string, arg: unknown, where: string): unknown {
    switch (name) {
      case 'Ref':
        return this.ref(String(arg), where);
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = Array.isArray(arg) ? arg : String(arg).split(/\.(.*)/s);
        return this.getAtt(String(logicalId), String(this.walk(attribute, where)), where);
      }
      case 'Fn::Join': {
        const [separator, items] = this.list(arg, 2, name, where);
        const parts = this.walk(items, where);
        if (!Array.isArray(parts)) throw new AssemblyError(`${where}: Fn::Join needs a list`);
        return this.localScheme(parts.map((part) => this.scalarString(part, where)).join(String(separator)));
      }
      case 'Fn::Sub':
        return this.localScheme(this.sub(arg, where));
      case 'Fn::Select': {
        const [index, items] = this.list(arg, 2, name, where);
        const list = this.walk(items, where);
        const i = Number(this.walk(index, where));
        if (!Array.isArray(list) || !Number.isInteger(i) || i < 0 || i >= list.length) {
          throw new AssemblyError(`${where}: Fn::Select index ${String(i)} is out of range`);
        }
        return list[i];
      }
      case 'Fn::Split': {
        const [separator, source] = this.list(arg, 2, name, where);
        return this.scalarString(this.walk(source, where), where).split(String(separator));
      }
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = this.list(arg, 3, name, where);
        return this.walk(this.conditionHolds(String(condition)) ? whenTrue : whenFalse, where);
      }
      case 'Fn::Equals': {
        const [a, b] = this.list(arg, 2, name, where);
        return JSON.stringify(this.walk(a, where)) === JSON.stringify(this.walk(b, where));
      }
      case 'Fn::And':
        return this.conditions(arg, where).every(Boolean);
      case 'Fn::Or':
        return this.conditions(arg, where).some(Boolean);
      case 'Fn::Not':
        return !this.conditions(arg, where)[0];
      case 'Condition':
        return this.conditionHolds(String(arg));
      case 'Fn::FindInMap': {
        const [map, top, second] = this.list(arg, 3, name, where).map((part) =>
          String(this.walk(part, where)),
        );
        const found = this.template.Mappings?.[map ?? '']?.[top ?? '']?.[second ?? ''];
        if (found === undefined)
          throw new AssemblyError(`${where}: Fn::FindInMap ${map}/${top}/${second} not found`);
        return found;
      }
      case 'Fn::Base64':
        return Buffer.from(this.scalarString(this.walk(arg, where), where)).toString('base64');
      case 'Fn::GetAZs':
        return [`${this.env.region}a`, `${this.env.region}b`, `${this.env.region}c`];
      case 'Fn::Contains': {
        const [items, item] = this.list(arg, 2, name, where);
        const list = this.walk(items, where);
        return Array.isArray(list) && list.includes(this.walk(item, where));
      }
      default:
        throw new AssemblyError(`${where}: intrinsic function ${name} is not supported by the local twin`);
    }
  }

  /**
   * The one place URLs change scheme: an emulated endpoint speaks http locally, so `https://<its host>` that
   * a template joins together becomes `http://<its host>`. Only whole registered hosts match, so a real
   * https URL that merely starts alike is left alone.
   */
  private localScheme(text: string): string {
    let out = text;
    for (const host of this.httpHosts) {
      out = out.replace(new RegExp(`https://${escapeRegExp(host)}(?=[/?#]|$)`, 'g'), `http://${host}`);
    }
    return out;
  }

  private list(arg: unknown, length: number, name: string, where: string): unknown[] {
    if (!Array.isArray(arg) || arg.length < length) {
      throw new AssemblyError(`${where}: ${name} expects a list of ${length} items`);
    }
    return arg;
  }

  private conditions(arg: unknown, where: string): boolean[] {
    if (!Array.isArray(arg)) throw new AssemblyError(`${where}: condition functions expect a list`);
    return arg.map((item) => this.walk(item, where) === true);
  }

  private scalarString(value: unknown, where: string): string {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      return String(value);
    throw new AssemblyError(`${where}: expected a string, got ${JSON.stringify(value)}`);
  }

  private ref(name: string, where: string): unknown {
    const pseudo = this.pseudoParameter(name);
    if (pseudo !== undefined) return pseudo;
    const parameter = this.template.Parameters?.[name];
    if (parameter) {
      if (parameter.Type.startsWith('AWS::SSM::Parameter')) {
        throw new AssemblyError(
          `${where}: parameter ${name} is read from SSM, which has no local equivalent`,
        );
      }
      if (parameter.Default === undefined)
        throw new AssemblyError(`${where}: parameter ${name} has no default value`);
      return parameter.Default;
    }
    const resource = this.resources.get(name);
    if (!resource) throw new AssemblyError(`${where}: Ref to ${name}, which has no local value`);
    return resource.ref;
  }

  private getAtt(logicalId: string, attribute: string, where: string): unknown {
    const resource = this.resources.get(logicalId);
    if (!resource)
      throw new AssemblyError(`${where}: Fn::GetAtt ${logicalId}.${attribute}, which has no local value`);
    if (!(attribute in resource.attributes)) {
      if (resource.placeholder) return `local-placeholder:${logicalId}.${attribute}`;
      throw new AssemblyError(`${where}: Fn::GetAtt ${logicalId}.${attribute} is not available locally`);
    }
    return resource.attributes[attribute];
  }

  private sub(arg: unknown, where: string): string {
    const [text, variables] = Array.isArray(arg) ? arg : [arg, {}];
    if (typeof text !== 'string') throw new AssemblyError(`${where}: Fn::Sub needs a string`);
    const bound = isRecord(variables) ? variables : {};
    return text.replace(/\$\{([^}]*)\}/g, (_match, expression: string) => {
      if (expression.startsWith('!')) return `\${${expression.slice(1)}}`;
      if (expression in bound) return this.scalarString(this.walk(bound[expression], where), where);
      const [logicalId, attribute] = expression.split(/\.(.*)/s);
      if (attribute) return this.scalarString(this.getAtt(logicalId ?? '', attribute, where), where);
      return this.scalarString(this.ref(expression, where), where);
    });
  }

  private pseudoParameter(name: string): unknown {
    switch (name) {
      case 'AWS::AccountId':
        return this.env.accountId;
      case 'AWS::Region':
        return this.env.region;
      case 'AWS::Partition':
        return this.env.partition;
      case 'AWS::StackName':
        return this.env.stackName;
      case 'AWS::StackId':
        return `arn:${this.env.partition}:cloudformation:${this.env.region}:${this.env.accountId}:stack/${this.env.stackName}/local`;
      case 'AWS::URLSuffix':
        return this.env.urlSuffix;
      case 'AWS::NotificationARNs':
        return [];
      case 'AWS::NoValue':
        return NO_VALUE;
      default:
        return undefined;
    }
  }
}
