import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  ListResourceRecordSetsCommand,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import type { DnsRecords } from '../../domain/ports/recovery.js';

function fqdn(name: string): string {
  return name.toLowerCase().endsWith('.') ? name.toLowerCase() : `${name.toLowerCase()}.`;
}

/** The switch's CNAMEs, through Route 53's own API. */
export class Route53Records implements DnsRecords {
  constructor(private readonly route53: () => Route53Client) {}

  async read(hostedZoneId: string, name: string): Promise<string | undefined> {
    const { ResourceRecordSets = [] } = await this.route53().send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: hostedZoneId,
        StartRecordName: name,
        StartRecordType: 'CNAME',
        MaxItems: 1,
      }),
    );
    const record = ResourceRecordSets.find((set) => set.Name === fqdn(name) && set.Type === 'CNAME');
    return record?.ResourceRecords?.[0]?.Value;
  }

  async upsert(hostedZoneId: string, name: string, value: string, ttl: number): Promise<string> {
    const { ChangeInfo } = await this.route53().send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: hostedZoneId,
        ChangeBatch: {
          Comment: 'db-restore-bot disaster-recovery switch',
          Changes: [
            {
              Action: 'UPSERT',
              ResourceRecordSet: { Name: name, Type: 'CNAME', TTL: ttl, ResourceRecords: [{ Value: value }] },
            },
          ],
        },
      }),
    );
    if (!ChangeInfo?.Id) throw new Error(`Route 53 returned no change id for ${name}`);
    return ChangeInfo.Id;
  }

  async changeStatus(changeId: string): Promise<'PENDING' | 'INSYNC'> {
    const { ChangeInfo } = await this.route53().send(new GetChangeCommand({ Id: changeId }));
    return ChangeInfo?.Status === 'INSYNC' ? 'INSYNC' : 'PENDING';
  }
}
