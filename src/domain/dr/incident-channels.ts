import type { DisasterRecoveryPolicy } from './dr-schema.js';

/**
 * Whether a channel is one the policy marks as an incident channel: by its id, or by its name against
 * a name or pattern (`inc-*`). The name is Slack's, from the signed request, never the clicker's say.
 */
export function isIncidentChannel(
  policy: Pick<DisasterRecoveryPolicy, 'incidentChannels'>,
  channel: { id: string; name?: string },
): boolean {
  return policy.incidentChannels.some((entry) => {
    if (/^[CGD][A-Z0-9]{2,}$/.test(entry)) return entry === channel.id;
    if (!channel.name) return false;
    const pattern = entry.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    return new RegExp(`^${pattern}$`).test(channel.name.toLowerCase());
  });
}
