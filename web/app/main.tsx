/** The entry of the relatives' web app (web/app/index.html). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../common/styles/base.css';
import './app.css';
import { App } from './App.js';
import { registerServiceWorker } from './serviceWorker.js';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerServiceWorker();
