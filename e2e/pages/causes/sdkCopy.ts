import { StreamChat } from 'stream-chat';
import { API_KEY, baseURL, fetchToken } from './token';

// Built twice into two scripts: the page then holds two copies of the SDK, each with its own
// getInstance() singleton, so "one client" is two.
const client = StreamChat.getInstance(API_KEY, { baseURL });
void fetchToken('alice').then((token) => client.connectUser({ id: 'alice' }, token));
