import { z } from 'zod';
import { parseDuration } from './duration.js';

/** Field types the policy's sections share (the environments, the refresh cycles, disaster recovery). */

export const durationText = z
  .string()
  .refine((text) => parseDuration(text) !== undefined, { message: 'must be a duration such as 30m, 4h, 3d or 2w' });

const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be a Slack user id such as U012AB3CD');
const slackUserGroupId = z.string().regex(/^S[A-Z0-9]{2,}$/, 'must be a Slack user group id such as S0614TZR7');
export const slackChannelId = z.string().regex(/^[CGD][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C024BE91L');

export const principals = z
  .object({
    users: z.array(slackUserId).default([]),
    userGroups: z.array(slackUserGroupId).default([]),
  })
  .strict()
  .default({ users: [], userGroups: [] });

export const ssmParameterName = z
  .string()
  .regex(/^[a-zA-Z0-9_.\-/]{1,2048}$/, 'must be an SSM parameter name such as aurora_latest_snapshot_id');
