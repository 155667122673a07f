export * from './types';
export { AppError, isAppError, toAppError, type ErrorKind } from './errors';
export { call, setCallTimeout, getCallTimeout, DEFAULT_TIMEOUT_MS } from './call';
export { contactsApi, PAGE_SIZE } from './contacts';
export { groupsApi } from './groups';
export { settingsApi, normaliseSettings } from './settings';
export { on, EVENTS, type EventName, type EventPayloads } from './events';
export { appApi, type AppStatus } from './app';
