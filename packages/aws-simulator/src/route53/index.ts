import { randomBytes } from 'node:crypto';
import type {
  ChangeResourceRecordSetsRequest,
  ChangeResourceRecordSetsResponse,
  GetChangeRequest,
  GetChangeResponse,
  ListResourceRecordSetsRequest,
  ListResourceRecordSetsResponse,
  ResourceRecordSet,
} from '@aws-sdk/client-route-53';
import { fault } from '../errors.js';
import type { ServiceHandlers, SimulatedRequest } from '../types.js';
import type { SimulatedWorld } from '../world.js';

export interface RecordSeed {
  name: string;
  type: string;
  ttl: number;
  values: string[];
}

interface StoredZone {
  id: string;
  name: string;
  /** By `name.|TYPE`, names stored as Route 53 returns them: lower case, with the final dot. */
  records: Map<string, ResourceRecordSet>;
}

interface StoredChange {
  id: string;
  submittedAt: Date;
}

const ACTIONS = new Set(['CREATE', 'DELETE', 'UPSERT']);

/** `Orders.Example.com` → `orders.example.com.`: how Route 53 stores and returns every name. */
function fqdn(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.`;
}

function key(name: string, type: string): string {
  return `${fqdn(name)}|${type}`;
}

/** Hosted zone ids come as `Z0…` or `/hostedzone/Z0…`. */
function zoneId(id: string | undefined): string {
  return (id ?? '').replace(/^\/hostedzone\//, '');
}

/**
 * Route 53 (global: one per account): hosted zones and their record sets. A change is PENDING for
 * `route53PropagationMs`, then INSYNC, as AWS reports it once every name server has it.
 */
export class Route53Simulation {
  readonly handlers: ServiceHandlers;
  private readonly zones = new Map<string, StoredZone>();
  private readonly changes = new Map<string, StoredChange>();

  constructor(private readonly world: SimulatedWorld) {
    this.handlers = this.createHandlers();
  }

  /** Adds a hosted zone of `accountId` with its records; returns its id. */
  addHostedZone(accountId: string, zone: { id: string; name: string; records?: RecordSeed[] }): string {
    const stored: StoredZone = { id: zone.id, name: fqdn(zone.name), records: new Map() };
    for (const record of zone.records ?? []) {
      stored.records.set(key(record.name, record.type), {
        Name: fqdn(record.name),
        Type: record.type as ResourceRecordSet['Type'],
        TTL: record.ttl,
        ResourceRecords: record.values.map((Value) => ({ Value })),
      });
    }
    this.zones.set(`${accountId}/${zone.id}`, stored);
    return zone.id;
  }

  /** A record as it stands (for tests), or undefined. */
  record(accountId: string, hostedZoneId: string, name: string, type: string): ResourceRecordSet | undefined {
    return this.zones.get(`${accountId}/${zoneId(hostedZoneId)}`)?.records.get(key(name, type));
  }

  private requireZone(request: SimulatedRequest, id: string | undefined): StoredZone {
    const zone = this.zones.get(`${request.accountId}/${zoneId(id)}`);
    if (!zone) throw fault('NoSuchHostedZone', `No hosted zone found with ID: ${zoneId(id)}`);
    return zone;
  }

  private status(change: StoredChange): 'PENDING' | 'INSYNC' {
    return this.world.elapsed(change.submittedAt, this.world.durations.route53PropagationMs) ? 'INSYNC' : 'PENDING';
  }

  private createHandlers(): ServiceHandlers {
    return {
      ChangeResourceRecordSets: (request): ChangeResourceRecordSetsResponse => {
        const input: ChangeResourceRecordSetsRequest = request.input;
        const zone = this.requireZone(request, input.HostedZoneId);
        const changes = input.ChangeBatch?.Changes ?? [];
        if (changes.length === 0) throw fault('InvalidChangeBatch', 'ChangeBatch must contain at least one change');
        // The batch is checked whole first: Route 53 applies all of it or none.
        const next = new Map(zone.records);
        for (const change of changes) {
          const record = change.ResourceRecordSet;
          if (!record?.Name || !record.Type || !ACTIONS.has(change.Action ?? '')) {
            throw fault('InvalidInput', 'Each change needs an Action and a ResourceRecordSet with Name and Type');
          }
          const name = fqdn(record.Name);
          if (name !== zone.name && !name.endsWith(`.${zone.name}`)) {
            throw fault('InvalidChangeBatch', `RRSet with DNS name ${name} is not permitted in zone ${zone.name}`);
          }
          const at = key(name, record.Type);
          if (change.Action === 'CREATE' && next.has(at)) {
            throw fault(
              'InvalidChangeBatch',
              `Tried to create resource record set [name='${name}', type='${record.Type}'] but it already exists`,
            );
          }
          if (change.Action === 'DELETE') {
            if (!next.has(at)) {
              throw fault(
                'InvalidChangeBatch',
                `Tried to delete resource record set [name='${name}', type='${record.Type}'] but it was not found`,
              );
            }
            next.delete(at);
          } else {
            next.set(at, { ...structuredClone(record), Name: name });
          }
        }
        zone.records = next;
        const change = { id: `C${randomBytes(10).toString('hex').toUpperCase()}`, submittedAt: this.world.now() };
        this.changes.set(`${request.accountId}/${change.id}`, change);
        return {
          ChangeInfo: { Id: `/change/${change.id}`, Status: 'PENDING', SubmittedAt: change.submittedAt },
        };
      },

      GetChange: (request): GetChangeResponse => {
        const input: GetChangeRequest = request.input;
        const id = (input.Id ?? '').replace(/^\/change\//, '');
        const change = this.changes.get(`${request.accountId}/${id}`);
        if (!change) throw fault('NoSuchChange', `A change with the specified change ID does not exist: ${id}`);
        return { ChangeInfo: { Id: `/change/${id}`, Status: this.status(change), SubmittedAt: change.submittedAt } };
      },

      ListResourceRecordSets: (request): ListResourceRecordSetsResponse => {
        const input: ListResourceRecordSetsRequest = request.input;
        const zone = this.requireZone(request, input.HostedZoneId);
        // Route 53 lists in name then type order, starting at StartRecordName (and type).
        const sorted = [...zone.records.values()].sort(
          (a, b) => (a.Name ?? '').localeCompare(b.Name ?? '') || (a.Type ?? '').localeCompare(b.Type ?? ''),
        );
        const start = input.StartRecordName ? fqdn(input.StartRecordName) : undefined;
        const from = sorted.filter(
          (record) =>
            !start ||
            (record.Name ?? '') > start ||
            (record.Name === start && (!input.StartRecordType || (record.Type ?? '') >= input.StartRecordType)),
        );
        const limit = Number(input.MaxItems ?? 300);
        const page = from.slice(0, limit);
        const rest = from[limit];
        return {
          ResourceRecordSets: page,
          IsTruncated: rest !== undefined,
          MaxItems: Number(input.MaxItems ?? 300),
          ...(rest && { NextRecordName: rest.Name, NextRecordType: rest.Type }),
        };
      },
    };
  }
}
