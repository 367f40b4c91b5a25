import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Manifest {
  features: {
    slash_commands: { command: string; url: string; usage_hint: string }[];
    bot_user: { display_name: string };
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url: string; message_menu_options_url: string };
    socket_mode_enabled: boolean;
    event_subscriptions: { request_url: string; bot_events: string[] };
  };
}

describe('manifest.yml', () => {
  const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8')) as Manifest;

  it('declares /restore, interactivity and options on the one endpoint the receiver serves', () => {
    const [command] = manifest.features.slash_commands;
    expect(command?.command).toBe('/restore');
    expect(command?.url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.interactivity).toMatchObject({ is_enabled: true });
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.interactivity.message_menu_options_url).toMatch(/\/slack\/events$/);
  });

  it('has a Home tab, and subscribes to the event that draws it, on the same endpoint', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    expect(manifest.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
  });

  it('asks only for the scopes the bot uses, with Socket Mode off', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      'channels:read',
      'chat:write',
      'commands',
      'groups:read',
      'usergroups:read',
      'users:read',
    ]);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    // Invited, not public: no card in a channel that did not ask for the bot.
    expect(manifest.oauth_config.scopes.bot).not.toContain('chat:write.public');
  });
});
