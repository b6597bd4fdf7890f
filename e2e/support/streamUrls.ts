const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A signed-looking JWT for `userId` (the signature is a marker tests look for in exports). */
export function userToken(userId: string, signature = 'SECRET-SIGNATURE'): string {
  return `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ user_id: userId })}.${signature}`;
}

/** A Stream v9 connect URL like the SDK builds, for raw-WebSocket pages. */
export function streamConnectUrl(wsOrigin: string, userId: string, token = userToken(userId)): string {
  const json = encodeURIComponent(JSON.stringify({ user_id: userId, user_details: { id: userId }, client_request_id: 'e2e' }));
  return `${wsOrigin}/connect?json=${json}&api_key=e2e-key&authorization=${token}&stream-auth-type=jwt`;
}
