import { fileURLToPath } from 'node:url';
import { createSandboxPage, type SandboxPage, SlackStandIn } from '@db-restore-bot/slack-sandbox';
import type { Clock } from '../src/domain/ports/clock.js';
import type { LocalEnv } from './env.js';

const LOCAL_BOT_TOKEN = 'xoxb-local-sandbox';
const LOCAL_SIGNING_SECRET = 'local-sandbox-signing-secret';
const MANIFEST = fileURLToPath(new URL('../manifest.yml', import.meta.url));

/** The Slack credentials the bot is composed with. */
export interface LocalSlackCredentials {
  token: string;
  signingSecret: string;
  apiUrl?: string;
  socketModeAppToken?: string;
}

/** Real Slack, or the stand-in the bot cannot tell from Slack. */
export interface LocalSlack {
  credentials: LocalSlackCredentials;
  /** Absent with real Slack. */
  standIn?: SlackStandIn;
  notices: string[];
  close(): Promise<void>;
}

/** Real Slack when SLACK_BOT_TOKEN and a signing secret or an app token are set (Socket Mode with the app token). */
export function usesRealSlack(config: LocalEnv): boolean {
  return Boolean(config.SLACK_BOT_TOKEN && (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN));
}

/**
 * Slack for the local run. The stand-in signs every delivery with `signingClock`: the bot judges a
 * request's timestamp on its own clock, known only once the bot is composed.
 */
export async function localSlack(config: LocalEnv, signingClock: Clock): Promise<LocalSlack> {
  if (usesRealSlack(config)) {
    return {
      credentials: {
        token: config.SLACK_BOT_TOKEN ?? '',
        signingSecret: config.SLACK_SIGNING_SECRET ?? '',
        ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
        ...(config.SLACK_APP_TOKEN ? { socketModeAppToken: config.SLACK_APP_TOKEN } : {}),
      },
      notices: [],
      close: async () => undefined,
    };
  }
  const standIn = new SlackStandIn({ botToken: LOCAL_BOT_TOKEN, signingSecret: LOCAL_SIGNING_SECRET, signingClock });
  const { url } = await standIn.start();
  return {
    credentials: { token: LOCAL_BOT_TOKEN, signingSecret: LOCAL_SIGNING_SECRET, apiUrl: `${url}/api/` },
    standIn,
    notices: [
      'Slack messages and modals live in memory: after a restart the bot posts the cards of the jobs still ' +
        'waiting or running again (threads and finished cards are not kept).',
      'Every command, click and modal change reaches the bot as a request to /slack/events, signed as Slack signs it.',
    ],
    close: () => standIn.stop(),
  };
}

/** The sandbox page over the stand-in: the bot's slash commands (manifest.yml) in its composer. */
export function botSandboxPage(standIn: SlackStandIn, notices: string[]): Promise<SandboxPage> {
  return createSandboxPage({ standIn, notices, title: 'db-restore-bot sandbox', manifestFile: MANIFEST });
}
