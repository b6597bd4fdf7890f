/** A Stream v9 connect URL like the SDK builds, for raw-WebSocket pages. */
export function streamConnectUrl(wsOrigin: string, userId: string, token = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoidSJ9.SECRET-SIGNATURE'): string {
  const json = encodeURIComponent(JSON.stringify({ user_id: userId, user_details: { id: userId }, client_request_id: 'e2e' }));
  return `${wsOrigin}/connect?json=${json}&api_key=e2e-key&authorization=${token}&stream-auth-type=jwt`;
}
