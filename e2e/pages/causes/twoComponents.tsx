/** @jsxImportSource react */
import { createRoot } from 'react-dom/client';
import { ChatWidget } from './ChatWidget';
import { Inbox } from './Inbox';

createRoot(document.getElementById('root') as HTMLElement).render(
  <>
    <ChatWidget />
    <Inbox />
  </>,
);
