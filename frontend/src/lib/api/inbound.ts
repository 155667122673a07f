// Incoming messages: auto-reply rules, targeting, the activity log and chat exports.
export const inboundApi = {};
