import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Manifest {
  features: {
    slash_commands: { command: string; url: string; usage_hint: string }[];
    bot_user: { display_name: string };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url: string; message_menu_options_url: string };
    socket_mode_enabled: boolean;
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
