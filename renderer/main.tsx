import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initialLanguage } from './i18n/i18n';
import { createApiClient } from './lib/api-client';
import { chooseTransport } from './lib/transport';

const language = initialLanguage(window.localStorage, window.navigator.language);
document.documentElement.lang = language;
const client = createApiClient(chooseTransport(window));
const root = document.getElementById('root');
if (root === null) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App client={client} language={language} storage={window.localStorage} />
  </StrictMode>,
);
