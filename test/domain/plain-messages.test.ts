import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NotAuthorizedError } from '../../src/domain/errors.js';
import type { Policy } from '../../src/domain/policy.js';
import { assertMayRequest } from '../../src/domain/policy-rules.js';
import { examplePolicy } from '../helpers/simulated-environment.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Slack's mrkdwn: mentions and dates, emoji codes, code spans (a backtick inside a string) and bold. */
const MRKDWN: [string, RegExp][] = [
  ['mention or date', /<[@#!]/],
  ['emoji code', /(^|[\s'"`]):[a-z0-9_+-]+:($|[\s'"`])/],
  ['code span', /\\`|'[^'\n`]*`[^'\n`]*`[^'\n`]*'|"[^"\n`]*`[^"\n`]*`[^"\n`]*"/],
  ['bold', /(^|[\s'"`(])\*[A-Za-z$][^*\n]*\*($|[\s'"`).,:])/],
];

/** Lines of code (comments blanked) in `text` that format like Slack's mrkdwn. */
function mrkdwnIn(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  return code
    .split('\n')
    .map((line) => line.replace(/^\s*\/\/.*$/, ''))
    .flatMap((line, index) =>
      MRKDWN.filter(([, pattern]) => pattern.test(line)).map(([what]) => `${index + 1}: ${what}: ${line.trim()}`),
    );
}

function domainFiles(folder = join(root, 'src/domain')): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return domainFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('domain messages', () => {
  it('the check finds each kind of mrkdwn, and none in a comment', () => {
    const text = [
      'const a = `<@` + user + `> may not`;',
      "const b = '  :warning: deleted';",
      'const c = `use \\`latest\\``;',
      "const d = '*Approve* it';",
      "const g = 'use `latest`';",
      '// `code` and *bold* in a comment',
      "const e = 'arn:aws:rds:eu-west-1 at 14:30:00, 2 * 3 * 4';",
      "const f = iso.endsWith(':00Z') ? `$` + `{iso}Z` : `.` + iso.replace(/Z$/, 'Z') + `.`;",
    ].join('\n');

    expect(mrkdwnIn(text).map((found) => found.split(':')[0])).toEqual(['1', '2', '3', '4', '5']);
  });

  it('carry no Slack mrkdwn: the domain says plain words, the Slack blocks format them', () => {
    const found = domainFiles().flatMap((path) =>
      mrkdwnIn(readFileSync(path, 'utf8')).map((line) => `${relative(root, path)}:${line}`),
    );
    expect(found).toEqual([]);
  });

  it('refuse a requester the policy does not list in plain words (a modal field error shows no mention)', () => {
    // Prepare
    const policy = examplePolicy();

    // Act
    const refusal = () => assertMayRequest(policy, 'production', { userId: 'U0OUTSIDER', userGroupIds: [] });

    // Assess
    expect(refusal).toThrow(NotAuthorizedError);
    expect(refusal).toThrow(
      /^you may not request restores into production: ask to be added to its requesters in the policy$/,
    );
  });

  it('name the channels an environment is requested from by id, without channel mentions', () => {
    // Prepare
    const base = examplePolicy();
    const production = base.environments.production;
    if (!production) throw new Error('the example policy has production');
    const policy: Policy = {
      ...base,
      environments: { ...base.environments, production: { ...production, channels: ['C0PROD', 'C0OPS'] } },
    };
    const approver = { userId: production.approvers.users[0] ?? '', userGroupIds: production.approvers.userGroups };

    // Act
    const refusal = () => assertMayRequest(policy, 'production', approver, 'C0ELSEWHERE');

    // Assess
    expect(refusal).toThrow(
      'restores into production are requested only from the channels its policy names (C0PROD, C0OPS), not from this channel',
    );
  });
});
