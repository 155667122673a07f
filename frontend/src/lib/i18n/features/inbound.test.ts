import { describe, expect, it } from 'vitest';
import { inboundEn, inboundId } from './inbound';
import { en } from '../en';

describe('inbound texts', () => {
  it('cover every error code of backend/inbound in both languages', () => {
    const codes = [
      'rule.name.empty', 'rule.match.invalid', 'rule.keywords.empty', 'rule.regex.invalid', 'rule.groups.empty', 'rule.not_found',
      'rule.order.invalid', 'webhook.port.invalid', 'webhook.port.busy', 'webhook.token.weak', 'webhook.token.missing', 'webhook.running',
      'chat.file.unreadable', 'chat.file.empty', 'chat.file.unrecognized', 'chat.file.line_too_long', 'data.unavailable',
    ];
    expect(codes.filter((c) => !(`error.${c}` in en))).toEqual([]);
    expect(Object.keys(inboundId).sort()).toEqual(Object.keys(inboundEn).sort());
  });

  it('has a text for every reason a message gets no reply and every targeting decision', () => {
    for (const why of ['unresolved', 'group-chat', 'no-rule', 'cooldown', 'opt-out', 'blacklisted', 'conflict', 'not-whitelisted', 'rule-target']) {
      expect(`inbound.why.${why}` in inboundEn).toBe(true);
    }
    for (const d of ['everyone', 'whitelisted', 'blacklisted', 'conflict', 'not-whitelisted', 'agent-off']) expect(`decision.${d}` in inboundEn).toBe(true);
  });
});
