// Texts of the inbound screens, in both languages. Kept apart from en.ts/id.ts so each
// feature's texts live next to each other; en.ts and id.ts spread them in.
export const inboundEn = {
  'nav.inbound.ready': 'Inbound',
} as const satisfies Record<string, string>;

export const inboundId: Record<keyof typeof inboundEn, string> = {
  'nav.inbound.ready': 'Inbound',
};
