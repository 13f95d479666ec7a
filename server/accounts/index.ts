/** What the rest of the server uses of accounts: sign-in, sessions, the users table. */
export { login, type LoginInput } from './login';
export { authenticate, logout, refresh, resolveSession } from './sessions';
export { requireUser } from './request';
export { addUser, listUsers, setDisabled, setDistricts, setPassword, type UserView } from './users';
export { ACCESS_TTL_MS, LOGIN_LIMITS, REFRESH_TTL_MS } from './policy';
