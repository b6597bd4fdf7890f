/** Small phrases shared by the rules' one-sentence messages. */

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "alice", "alice and bob", "alice, bob and carol" */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** "512 bytes", "5.0 KB" (1 KB = 1024 bytes, as Stream counts). */
export function describeBytes(bytes: number): string {
  return bytes < 1024 ? plural(bytes, 'byte') : `${(bytes / 1024).toFixed(1)} KB`;
}

/** A rough duration: "40 s", "5 min", "3 h", "2 days". */
export function describeDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return plural(Math.round(hours / 24), 'day');
}

/** Whose sockets a finding is about, for the start of a sentence. */
export function ownerLabel(userId: string | null, endpoint: string): string {
  return userId === null ? `A client of ${endpoint} (user unknown)` : `User "${userId}"`;
}
