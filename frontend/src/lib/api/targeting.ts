// "Who targets me": the auto replies' and the AI agent's decision about one contact,
// from the inbound service's Explain. A minimal wrapper of its own so the campaigns work
// does not touch api/inbound.ts (owned by the incoming-messages screens).
//
// The import names the binding's file with its `.js` extension on purpose: the Vite alias
// that swaps bindings for test fakes (wails-alias.ts) only matches extensionless paths, and
// src/test/fake-wails/ has no inbound fake yet, so in unit tests and `--mode fake` this call
// reaches the real binding, finds no Go bridge and fails as kind "unavailable" (the contact
// dialog then says the auto-reply decision cannot be shown). Once an inbound fake exists,
// drop the extension to use it. In the app both forms load the same generated file.
import { Explain } from '../../../wailsjs/go/inbound/Inbound.js';
import type { inbound } from '../../../wailsjs/go/models';
import { call } from './call';

/** Why a contact is or is not answered: "everyone", "whitelisted", "blacklisted", "conflict", "not-whitelisted", "agent-off". */
export interface Decision {
  allowed: boolean;
  reason: string;
  /** the groups that decided it */
  groups: number[];
}

export interface RuleDecision {
  ruleId: number;
  ruleName: string;
  enabled: boolean;
  decision: Decision;
}

export interface Explanation {
  autoReply: Decision;
  agent: Decision;
  rules: RuleDecision[];
}

const ids = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);

function decision(d: Partial<inbound.Decision> | null | undefined): Decision {
  return { allowed: d?.allowed === true, reason: typeof d?.reason === 'string' ? d.reason : '', groups: ids(d?.groups) };
}

export function normaliseExplanation(e: Partial<inbound.Explanation> | null | undefined): Explanation {
  return {
    autoReply: decision(e?.autoReply),
    agent: decision(e?.agent),
    rules: (e?.rules ?? []).map((r) => ({
      ruleId: typeof r.ruleId === 'number' ? r.ruleId : 0,
      ruleName: typeof r.ruleName === 'string' ? r.ruleName : '',
      enabled: r.enabled === true,
      decision: decision(r.decision),
    })),
  };
}

export const targetingApi = {
  /** Who answers a contact automatically (auto-reply rules, the AI agent) and why. */
  async explain(contactId: number): Promise<Explanation> {
    return normaliseExplanation(await call('Inbound.Explain', () => Explain(contactId)));
  },
};
