// Campaigns and broadcasts: saved items, audiences and their outputs.
export const campaignsApi = {};
