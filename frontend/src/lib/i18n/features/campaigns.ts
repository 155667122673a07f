// Texts of the campaigns screens, in both languages. Kept apart from en.ts/id.ts so each
// feature's texts live next to each other; en.ts and id.ts spread them in.
export const campaignsEn = {
  'nav.campaigns.ready': 'Campaigns',
} as const satisfies Record<string, string>;

export const campaignsId: Record<keyof typeof campaignsEn, string> = {
  'nav.campaigns.ready': 'Campaigns',
};
