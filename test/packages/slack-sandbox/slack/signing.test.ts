import { describe, expect, it } from 'vitest';
import { signSlackRequest, slackHeaders } from '../../../../packages/slack-sandbox/src/slack/signing.js';

// Slack's documented example ("Verifying requests from Slack").
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TIMESTAMP = 1531420618;
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

describe('signSlackRequest', () => {
  it("matches Slack's documented example", () => {
    // Act
    const signature = signSlackRequest(SECRET, TIMESTAMP, BODY);

    // Assess
    expect(signature).toBe(SIGNATURE);
  });

  it('changes with any byte of the body, the timestamp or the secret', () => {
    // Act
    const signatures = [
      signSlackRequest(SECRET, TIMESTAMP, `${BODY} `),
      signSlackRequest(SECRET, TIMESTAMP + 1, BODY),
      signSlackRequest(`${SECRET}x`, TIMESTAMP, BODY),
    ];

    // Assess
    for (const signature of signatures) expect(signature).not.toBe(SIGNATURE);
  });
});

describe('slackHeaders', () => {
  it("carries the signature, the timestamp and the content type, as Slack's requests do", () => {
    // Act
    const headers = slackHeaders(SECRET, TIMESTAMP, BODY);

    // Assess
    expect(headers).toMatchObject({
      'X-Slack-Signature': SIGNATURE,
      'X-Slack-Request-Timestamp': '1531420618',
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(slackHeaders(SECRET, TIMESTAMP, '{}', 'application/json')['Content-Type']).toBe('application/json');
  });
});
