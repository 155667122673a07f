// Campaigns and broadcasts: saved items, audiences and their outputs.
// The only place (with the other api modules) that touches the generated campaigns bindings.
import * as Campaigns from '../../../wailsjs/go/campaigns/Campaigns';
import { campaigns as models } from '../../../wailsjs/go/models';
import { call } from './call';
import { FILE_WORK_TIMEOUT_MS } from './imports';

export type CampaignKind = 'campaign' | 'broadcast';

/** Who a campaign reaches: anyone in any include group, minus exclusions and filters. */
export interface Audience {
  include: number[];
  exclude: number[];
  hasEmail: boolean;
  /** Unix ms; 0 = no filter */
  addedSince: number;
  /** "manual", "autoreply", "import:<id>"; "" = any */
  source: string;
  /** 0 = no filter */
  notContactedDays: number;
}

export interface CampaignOutput {
  id: number;
  itemId: number;
  itemName: string;
  format: OutputFormat;
  path: string;
  recipients: number;
  at: number;
}

export interface CampaignItem {
  id: number;
  kind: CampaignKind;
  name: string;
  message: string;
  audience: Audience;
  createdAt: number;
  updatedAt: number;
  lastOutput: CampaignOutput | null;
}

export interface CampaignInput {
  kind: CampaignKind;
  name: string;
  message: string;
  audience: Audience;
}

export interface AudienceCount {
  recipients: number;
  inGroups: number;
  excludedByGroup: number;
  optedOut: number;
  invalidPhone: number;
  filtered: number;
  recentlyContacted: number;
}

export interface Recipient {
  contactId: number;
  name: string;
  phone: string;
  display: string;
  groups: number[];
  via: number[];
}

export interface RecipientsPage {
  count: AudienceCount;
  offset: number;
  items: Recipient[];
}

export type WhyReason =
  | 'included'
  | 'not-in-groups'
  | 'excluded-group'
  | 'opted-out'
  | 'invalid-phone'
  | 'no-email'
  | 'added-before'
  | 'other-source'
  | 'recently-contacted';

export interface Why {
  contactId: number;
  included: boolean;
  reason: WhyReason | (string & {});
  via: number[];
  excludedBy: number[];
  lastContactedAt: number;
}

export interface ItemWhy {
  itemId: number;
  kind: CampaignKind;
  itemName: string;
  why: Why;
}

export interface Sample {
  contactId: number;
  name: string;
  phone: string;
  message: string;
}

export interface EmptyVariable {
  variable: string;
  count: number;
}

export interface MessagePreview {
  samples: Sample[];
  empty: EmptyVariable[];
  unknown: string[];
}

export type OutputFormat = 'csv' | 'xlsx' | 'numbers' | 'wame';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'xlsx', 'numbers', 'wame'];

export interface CampaignExportRequest {
  itemId: number;
  format: OutputFormat;
  path: string;
}

/** Limits the backend enforces (backend/campaigns/types.go). */
export const MAX_NAME_LENGTH = 200;
export const MAX_MESSAGE_LENGTH = 10_000;

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const ids = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const kindOf = (v: unknown): CampaignKind => (v === 'broadcast' ? 'broadcast' : 'campaign');
const formatOf = (v: unknown): OutputFormat => (OUTPUT_FORMATS.includes(v as OutputFormat) ? (v as OutputFormat) : 'csv');

export function emptyAudience(): Audience {
  return { include: [], exclude: [], hasEmail: false, addedSince: 0, source: '', notContactedDays: 0 };
}

export function normaliseAudience(a: Partial<Audience> | null | undefined): Audience {
  const x = a ?? {};
  return {
    include: ids(x.include),
    exclude: ids(x.exclude),
    hasEmail: x.hasEmail === true,
    addedSince: Math.max(0, num(x.addedSince)),
    source: str(x.source),
    notContactedDays: Math.max(0, Math.floor(num(x.notContactedDays))),
  };
}

function audienceModel(a: Audience): models.Audience {
  return models.Audience.createFrom(normaliseAudience(a));
}

export function normaliseOutput(o: Partial<models.Output> | null | undefined): CampaignOutput {
  const x = o ?? {};
  return {
    id: num(x.id),
    itemId: num(x.itemId),
    itemName: str(x.itemName),
    format: formatOf(x.format),
    path: str(x.path),
    recipients: num(x.recipients),
    at: num(x.at),
  };
}

export function normaliseItem(i: Partial<models.Item>): CampaignItem {
  return {
    id: num(i.id),
    kind: kindOf(i.kind),
    name: str(i.name),
    message: str(i.message),
    audience: normaliseAudience(i.audience),
    createdAt: num(i.createdAt),
    updatedAt: num(i.updatedAt),
    lastOutput: i.lastOutput ? normaliseOutput(i.lastOutput) : null,
  };
}

export function normaliseCount(c: Partial<models.Count> | null | undefined): AudienceCount {
  const x = c ?? {};
  return {
    recipients: num(x.recipients),
    inGroups: num(x.inGroups),
    excludedByGroup: num(x.excludedByGroup),
    optedOut: num(x.optedOut),
    invalidPhone: num(x.invalidPhone),
    filtered: num(x.filtered),
    recentlyContacted: num(x.recentlyContacted),
  };
}

function recipient(r: Partial<models.Recipient>): Recipient {
  return { contactId: num(r.contactId), name: str(r.name), phone: str(r.phone), display: str(r.display) || str(r.phone), groups: ids(r.groups), via: ids(r.via) };
}

export function normaliseWhy(w: Partial<models.Why> | null | undefined): Why {
  const x = w ?? {};
  return {
    contactId: num(x.contactId),
    included: x.included === true,
    reason: str(x.reason),
    via: ids(x.via),
    excludedBy: ids(x.excludedBy),
    lastContactedAt: num(x.lastContactedAt),
  };
}

export const campaignsApi = {
  /** Saved items of a kind ("" for both), newest first. */
  async list(kind: CampaignKind | ''): Promise<CampaignItem[]> {
    const out = await call('Campaigns.List', () => Campaigns.List(kind));
    return (out ?? []).map(normaliseItem);
  },
  async get(id: number): Promise<CampaignItem> {
    return normaliseItem(await call('Campaigns.Get', () => Campaigns.Get(id)));
  },
  /** Creates (id 0) or updates a saved item. */
  async save(id: number, input: CampaignInput): Promise<CampaignItem> {
    const inp = models.ItemInput.createFrom({ kind: input.kind, name: input.name, message: input.message, audience: normaliseAudience(input.audience) });
    return normaliseItem(await call('Campaigns.Save', () => Campaigns.Save(id, inp)));
  },
  async delete(id: number): Promise<boolean> {
    return (await call('Campaigns.Delete', () => Campaigns.Delete(id))) === true;
  },
  async count(a: Audience): Promise<AudienceCount> {
    return normaliseCount(await call('Campaigns.Count', () => Campaigns.Count(audienceModel(a))));
  },
  async recipients(a: Audience, offset: number, limit: number): Promise<RecipientsPage> {
    const p = await call('Campaigns.Recipients', () => Campaigns.Recipients(audienceModel(a), Math.max(0, offset), Math.max(0, limit)));
    return { count: normaliseCount(p?.count), offset: num(p?.offset), items: (p?.items ?? []).map(recipient) };
  },
  async why(a: Audience, contactId: number): Promise<Why> {
    return normaliseWhy(await call('Campaigns.Why', () => Campaigns.Why(audienceModel(a), contactId)));
  },
  /** Every saved item's decision about one contact ("who targets me"). */
  async targets(contactId: number): Promise<ItemWhy[]> {
    const out = await call('Campaigns.Targets', () => Campaigns.Targets(contactId));
    return (out ?? []).map((x) => ({ itemId: num(x.itemId), kind: kindOf(x.kind), itemName: str(x.itemName), why: normaliseWhy(x.why) }));
  },
  async preview(message: string, a: Audience): Promise<MessagePreview> {
    const p = await call('Campaigns.Preview', () => Campaigns.Preview(message, audienceModel(a)));
    return {
      samples: (p?.samples ?? []).map((s) => ({ contactId: num(s.contactId), name: str(s.name), phone: str(s.phone), message: str(s.message) })),
      empty: (p?.empty ?? []).map((e) => ({ variable: str(e.variable), count: num(e.count) })),
      unknown: (p?.unknown ?? []).filter((u): u is string => typeof u === 'string'),
    };
  },
  /** Writes an output of a saved item's audience and records it (file work: the long timeout). */
  async export(r: CampaignExportRequest): Promise<CampaignOutput> {
    const req = models.ExportRequest.createFrom({ itemId: r.itemId, format: r.format, path: r.path });
    return normaliseOutput(await call('Campaigns.Export', () => Campaigns.Export(req), FILE_WORK_TIMEOUT_MS));
  },
  /** Recorded outputs of an item (0 for every item), newest first. */
  async outputs(itemId: number): Promise<CampaignOutput[]> {
    const out = await call('Campaigns.Outputs', () => Campaigns.Outputs(itemId));
    return (out ?? []).map(normaliseOutput);
  },
};
