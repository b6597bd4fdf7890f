// Shared by the cause pages: the fake backend's API key, origin (the page's `backend` query
// parameter) and token endpoint.
export const API_KEY = 'demo-key';
export const baseURL = new URLSearchParams(location.search).get('backend') ?? location.origin;

export async function fetchToken(userId: string): Promise<string> {
  const res = await fetch(`${baseURL}/token?user_id=${encodeURIComponent(userId)}`);
  return ((await res.json()) as { token: string }).token;
}
