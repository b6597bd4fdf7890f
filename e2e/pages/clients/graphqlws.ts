import { createClient } from 'graphql-ws';
import { publishRun } from './transcript';

/** graphql-ws: connection_init, a query and a subscription over one socket. */
async function startGraphqlSubscription(): Promise<string[]> {
  const lines: string[] = [];
  const client = createClient({ url: `ws://${location.host}/graphql`, lazy: true, retryAttempts: 0 });
  const query = client.iterate({ query: '{ hello }' });
  for await (const result of query) lines.push(`query: ${JSON.stringify(result.data)}`);
  const subscription = client.iterate({ query: 'subscription { greetings }' });
  for await (const result of subscription) lines.push(`greeting: ${JSON.stringify(result.data)}`);
  await client.dispose();
  lines.push('disposed');
  return lines;
}

publishRun(startGraphqlSubscription);
