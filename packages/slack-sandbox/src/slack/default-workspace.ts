import type { SlackWorkspace } from './workspace.js';

/**
 * The workspace the tests and the sandbox page start from. The ids match policy.example.yml:
 * S0PLATFORM approves, S0DEVELOPERS requests, U0ONCALL is a named approver outside any group.
 */
export function createDefaultWorkspace(): SlackWorkspace {
  return {
    team: { id: 'T0SANDBOX', domain: 'sandbox', name: 'Sandbox' },
    bot: { userId: 'U0RESTOREBOT', botId: 'B0RESTOREBOT', appId: 'A0RESTOREBOT', name: 'db-restore-bot' },
    users: [
      { id: 'U0REQUESTER', name: 'riley.requester', realName: 'Riley Requester', tz: 'Europe/Amsterdam' },
      { id: 'U0APPROVER', name: 'ari.approver', realName: 'Ari Approver', tz: 'America/New_York' },
      { id: 'U0OUTSIDER', name: 'olive.outsider', realName: 'Olive Outsider', tz: 'UTC' },
      { id: 'U0ONCALL', name: 'owen.oncall', realName: 'Owen Oncall', tz: 'Europe/London' },
    ],
    userGroups: [
      { id: 'S0PLATFORM', handle: 'platform', name: 'Platform team', users: ['U0APPROVER'] },
      { id: 'S0DEVELOPERS', handle: 'developers', name: 'Developers', users: ['U0REQUESTER'] },
    ],
    channels: [
      {
        id: 'C0RESTORES',
        name: 'db-restores',
        isPrivate: false,
        isIm: false,
        members: ['U0REQUESTER', 'U0APPROVER', 'U0OUTSIDER', 'U0ONCALL', 'U0RESTOREBOT'],
      },
      // An incident channel (policy.example.yml's incidentChannels: inc-*), where DR runs and drills are asked for.
      {
        id: 'C0INCORDERS',
        name: 'inc-orders-outage',
        isPrivate: false,
        isIm: false,
        // Opened when the incident was declared, 20 minutes before the sandbox started.
        createdBeforeStartMs: 20 * 60_000,
        members: ['U0REQUESTER', 'U0APPROVER', 'U0ONCALL', 'U0RESTOREBOT'],
      },
    ],
  };
}
