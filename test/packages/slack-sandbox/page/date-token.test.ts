import { describe, expect, it } from 'vitest';
import { readDateTokens, renderDateToken } from '../../../../packages/slack-sandbox/src/page/client/date-token.js';

const AT = Date.parse('2026-11-22T14:30:00Z') / 1000;
const NOW = Date.parse('2026-11-22T10:00:00Z');

describe('Slack date tokens, as the sandbox page shows them', () => {
  it("shows the instant in each viewer's own zone, today and tomorrow by their own calendar", () => {
    const token = `date^${AT}^{date_short_pretty} at {time}|2026-11-22 14:30 UTC`;

    expect(renderDateToken(token, 'Europe/Amsterdam', NOW)).toBe('today at 15:30');
    expect(renderDateToken(token, 'America/Los_Angeles', NOW)).toBe('today at 06:30');
    expect(renderDateToken(token, 'Pacific/Auckland', NOW)).toBe('tomorrow at 03:30');
    expect(renderDateToken(token, 'UTC', NOW + 3 * 86_400_000)).toBe('Nov 22, 2026 at 14:30');
  });

  it('reads the other documented tokens', () => {
    const read = (format: string) => renderDateToken(`date^${AT}^${format}|fallback`, 'UTC', NOW);

    expect(read('{date_num} {time_secs}')).toBe('2026-11-22 14:30:00');
    expect(read('{date}')).toBe('November 22nd, 2026');
    expect(read('{date_long}')).toBe('Sunday, November 22nd, 2026');
    expect(read('{date_pretty}')).toBe('today');
  });

  it('shows the fallback for a token it cannot read, as Slack does', () => {
    expect(renderDateToken('date^soon^{time}|the fallback', 'UTC', NOW)).toBe('the fallback');
    expect(renderDateToken(`date^${AT}^{weekday_name}|the fallback`, 'UTC', NOW)).toBe('the fallback');
  });

  it('reads every token of a text and leaves the rest alone', () => {
    const text = `due <!date^${AT}^{time}|14:30 UTC> · <@U1> · <!date^${AT}^{date_short}|x>`;

    expect(readDateTokens(text, 'Asia/Kolkata', NOW)).toBe('due 20:00 · <@U1> · Nov 22, 2026');
  });
});
